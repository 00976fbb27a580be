package org.splitscope.io.measure;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Json;
import org.splitscope.io.Loaded;

/** Reads a measurement file as text through {@link InputFiles}, and parses JSON ones with a message naming the line. */
final class MeasureText {
    private MeasureText() {
    }

    static Loaded<String> read(Path file) {
        Loaded<byte[]> bytes = InputFiles.readBytes(file, InputFiles.MAX_TEXT_BYTES);
        if (!bytes.isOk()) {
            return Loaded.failed(bytes.problems(), bytes.warnings());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.value())).toString();
            return Loaded.ok(text.startsWith("\uFEFF") ? text.substring(1) : text, List.of());
        } catch (CharacterCodingException e) {
            return Loaded.failed("", file + " is not UTF-8 text");
        }
    }

    static Loaded<JsonNode> json(String text, String what) {
        try {
            JsonNode tree = Json.mapper().readTree(text);
            return tree == null ? Loaded.failed("", what + " is empty") : Loaded.ok(tree, List.of());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return Loaded.failed("", what + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    /** A finite number >= 0 from a JSON field, or {@code null}. */
    static Double nonNegative(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        double v = n.asDouble();
        return Double.isFinite(v) && v >= 0 ? v : null;
    }
}
