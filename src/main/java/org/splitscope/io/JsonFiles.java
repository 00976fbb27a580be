package org.splitscope.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.regex.Pattern;
import org.splitscope.model.Problem;

/** The steps every SplitScope JSON file shares: bounded reading, parsing, binding, atomic writing. */
final class JsonFiles {
    // NaN is written bare (not as the string "NaN") so that it reads back as a number and
    // validation names the field, instead of a type error
    private static final ObjectWriter WRITER = Json.mapper().writer()
            .without(JsonWriteFeature.WRITE_NAN_AS_STRINGS);

    // Jackson names the (hidden) source inside nested locations; it says nothing to a user
    private static final Pattern SOURCE_NOTE = Pattern.compile("Source: REDACTED \\(.*?\\); ");

    private static final String SYNTAX = "the text is not in JSON's syntax here";

    private JsonFiles() {
    }

    /** The file as text; file-level problems have the empty path. */
    static Loaded<String> readText(Path file, long maxBytes) {
        Loaded<byte[]> read = InputFiles.readBytes(file, maxBytes);
        if (!read.isOk()) {
            return Loaded.failed(read.problems(), read.warnings());
        }
        byte[] bytes = read.value();
        return decode(bytes);
    }

    /** UTF-8 text without zero bytes; a byte-order mark is dropped. */
    static Loaded<String> decode(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Loaded.failed("", "this is a binary file, not JSON text (a zero byte at offset " + i + ")");
            }
        }
        int bad = InputFiles.firstNonUtf8(bytes);
        if (bad >= 0) {
            return Loaded.failed("", "this is not UTF-8 text (an invalid byte at offset " + bad + ")");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Loaded.ok(text.startsWith("\uFEFF") ? text.substring(1) : text, List.of());
    }

    /** The text parsed as one JSON object. */
    static Loaded<ObjectNode> parseObject(String text) {
        if (text.isBlank()) {
            return Loaded.failed("", "the file is empty; it should hold one JSON object {...}");
        }
        String tooMany = overListLimits(text);
        if (tooMany != null) {
            return Loaded.failed("", tooMany);
        }
        JsonParser parser = null;
        try {
            parser = Json.mapper().createParser(text);
            JsonNode root = Json.mapper().readTree(parser);
            if (!root.isObject()) {
                return Loaded.failed("", "the file must hold one JSON object {...}, but it holds "
                        + StructureCheck.describe(root));
            }
            if (parser.nextToken() != null) {
                return Loaded.failed("", "unexpected content after the JSON object" + at(parser.currentTokenLocation()));
            }
            return Loaded.ok((ObjectNode) root, List.of());
        } catch (StreamConstraintsException e) {
            // Jackson gives no location for these; the parser knows where it stopped
            return Loaded.failed("", "the JSON" + at(parser == null ? null : parser.currentLocation())
                    + " goes over a limit: " + overLimit(e));
        } catch (JsonProcessingException e) {
            return Loaded.failed("", "not valid JSON" + at(e.getLocation()) + ": " + inWords(e.getOriginalMessage()));
        } catch (IOException e) {
            return Loaded.failed("", "cannot read the JSON");
        } finally {
            closeQuietly(parser);
        }
    }

    /**
     * Why the document holds more than the list or value limits allow, or {@code null}: found by
     * streaming through it, before a tree (several times the text's size) is built. Syntax
     * errors are left to the real parse, which reports them with their position.
     */
    private static String overListLimits(String text) {
        long values = 0;
        try (JsonParser p = Json.mapper().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME || t.isStructEnd()) {
                    continue;
                }
                JsonStreamContext holder = t.isStructStart() ? p.getParsingContext().getParent() : p.getParsingContext();
                if (holder != null && holder.inArray() && holder.getCurrentIndex() >= Json.MAX_LIST_ENTRIES) {
                    String path = pathOf(holder.getParent());
                    return "the list " + (path.isEmpty() ? "" : "'" + path + "' ") + "at line "
                            + p.currentLocation().getLineNr() + " holds more than " + String.format("%,d", Json.MAX_LIST_ENTRIES)
                            + " entries, the limit for any list in a SplitScope file";
                }
                if (++values > Json.MAX_VALUES) {
                    return "the file holds more than " + String.format("%,d", Json.MAX_VALUES)
                            + " values, the limit for a SplitScope file (it stops at line " + p.currentLocation().getLineNr() + ")";
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The JSON path of the value a context is at ({@code profile.units}). */
    private static String pathOf(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "";
        }
        String parent = pathOf(ctx.getParent());
        if (ctx.inArray()) {
            return parent + "[" + ctx.getCurrentIndex() + "]";
        }
        String name = ctx.getCurrentName() == null ? "?" : ctx.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static void closeQuietly(JsonParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            // a parser over a string holds nothing to release
        }
    }

    /** Jackson's limit messages name its own classes; the user gets the limit in words. */
    private static String overLimit(StreamConstraintsException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("String value length")) {
            return "a text value is longer than " + InputFiles.size(InputFiles.MAX_TEXT_BYTES) + " of text";
        }
        if (m.contains("Number value length")) {
            return "a number has more than " + Json.MAX_NUMBER_DIGITS + " digits";
        }
        if (m.contains("nesting depth")) {
            return "objects and arrays are nested more than " + Json.MAX_NESTING + " levels deep";
        }
        return "the document is longer than " + InputFiles.size(InputFiles.MAX_TEXT_BYTES);
    }

    /**
     * Jackson's description of a syntax error, which is in words, but shortened and without any
     * class name it may carry (those say nothing to a user).
     */
    static String inWords(String message) {
        String m = SOURCE_NOTE.matcher(String.valueOf(message)).replaceAll("");
        if (m.contains("`") || m.contains("com.fasterxml") || m.contains("java.")) {
            return SYNTAX;
        }
        int end = m.indexOf('\n');
        m = end < 0 ? m : m.substring(0, end);
        return m.length() <= 160 ? m : m.substring(0, 160) + "\u2026";
    }

    /** A binding error (the structure check passed, so rare) without the classes it may name. */
    private static String valueInWords(String message) {
        String m = inWords(message);
        return m.equals(SYNTAX) ? "this value cannot be read as what SplitScope expects here" : m;
    }

    private static String at(JsonLocation where) {
        return where == null || where.getLineNr() < 1 ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /**
     * The problem with the root's {@code formatVersion}, or {@code null}. A missing version is
     * reported but the rest is still checked; a different one stops the read.
     */
    static Problem formatVersionProblem(ObjectNode root, String kind, int expected) {
        JsonNode v = root.get("formatVersion");
        if (v == null || v.isNull()) {
            return new Problem("formatVersion", "required field is missing; add \"formatVersion\": " + expected
                    + " (the " + kind + " format this SplitScope reads)");
        }
        if (!v.isIntegralNumber()) {
            return new Problem("formatVersion", "expected a whole number, got " + StructureCheck.describe(v));
        }
        if (v.asInt() != expected || !v.canConvertToInt()) {
            return new Problem("formatVersion", "this SplitScope reads " + kind + " format version " + expected
                    + ", the file says " + v);
        }
        return null;
    }

    /** The tree bound to {@code type} by Jackson, after the structural check has passed. */
    /**
     * A file holding one record's fields beside {@code formatVersion}: the version checked (a
     * version this SplitScope cannot read stops there), every structural problem with its path,
     * then the binding. The record's own validation is the caller's.
     */
    static <T> Loaded<T> readVersioned(String json, String kind, int version, Class<T> type) {
        Loaded<ObjectNode> parsed = parseObject(json);
        if (!parsed.isOk()) {
            return Loaded.failed(parsed.problems(), parsed.warnings());
        }
        ObjectNode root = parsed.value();
        List<Problem> problems = new ArrayList<>();
        Problem wrongVersion = formatVersionProblem(root, kind, version);
        if (wrongVersion != null) {
            if (root.path("formatVersion").isIntegralNumber()) {
                return Loaded.failed(List.of(wrongVersion), List.of());
            }
            problems.add(wrongVersion);
        }
        ObjectNode fields = root.deepCopy();
        fields.remove("formatVersion");
        problems.addAll(StructureCheck.check(fields, type, "", Set.of()));
        return problems.isEmpty() ? bind(fields, type, "") : Loaded.failed(problems, List.of());
    }

    static <T> Loaded<T> bind(JsonNode tree, Class<T> type, String path) {
        try {
            return Loaded.ok(Json.mapper().treeToValue(tree, type), List.of());
        } catch (JsonMappingException e) {
            return Loaded.failed(pathOf(path, e), valueInWords(e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Loaded.failed(path, valueInWords(e.getMessage()));
        }
    }

    private static String pathOf(String root, JsonMappingException e) {
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String toText(JsonNode tree) {
        try {
            return WRITER.withDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Writes the text atomically, the new file following the umask ({@link OutputFiles}). */
    static void writeAtomically(Path file, String text) throws IOException {
        OutputFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
