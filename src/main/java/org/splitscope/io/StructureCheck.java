package org.splitscope.io;

import static org.splitscope.io.RecordSchema.join;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.splitscope.model.Problem;
import org.splitscope.model.Problems;

/**
 * The first pass over a file: walks the JSON tree against the record classes and reports every
 * unknown, missing, null or mistyped field. Jackson alone would stop at the first of them, and
 * would quietly coerce some ("1.5" into a number, 2.7 into an int), so this runs before it.
 */
final class StructureCheck {
    private final Problems problems = new Problems();

    private StructureCheck() {
    }

    /**
     * Every structural problem of {@code node} read as {@code type}.
     *
     * @param handledAtRoot root fields the caller checks itself (allowed, not checked here)
     */
    static List<Problem> check(JsonNode node, Class<?> type, String path, Set<String> handledAtRoot) {
        StructureCheck c = new StructureCheck();
        c.record(node, type, path, handledAtRoot);
        return c.problems.list();
    }

    private void value(JsonNode node, Type type, String path) {
        Class<?> raw = RecordSchema.raw(type);
        if (node.isNull()) {
            problems.add(path, "must not be null");
        } else if (raw == double.class || raw == Double.class) {
            expect(node.isNumber(), "a number", node, path);
        } else if (raw == int.class || raw == Integer.class) {
            wholeNumber(node, path);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(node.isBoolean(), "true or false", node, path);
        } else if (raw == String.class) {
            expect(node.isTextual(), "a string", node, path);
        } else if (raw.isEnum()) {
            enumValue(node, raw, path);
        } else if (raw.isArray()) {
            array(node, raw.getComponentType(), path);
        } else if (List.class.isAssignableFrom(raw)) {
            array(node, RecordSchema.typeArgument(type, 0), path);
        } else if (Map.class.isAssignableFrom(raw)) {
            map(node, type, path);
        } else if (raw.isRecord()) {
            record(node, raw, path, Set.of());
        } else if (RecordSchema.isPolymorphic(raw)) {
            polymorphic(node, raw, path);
        } else {
            throw new IllegalStateException("no file format for " + type + " at " + path);
        }
    }

    private void record(JsonNode node, Class<?> type, String path, Set<String> allowedExtra) {
        if (!expect(node.isObject(), "an object {...}", node, path)) {
            return;
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> allowed = new LinkedHashSet<>(allowedExtra);
        for (RecordComponent c : components) {
            allowed.add(c.getName());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(join(path, name), unknownField(name, allowed));
            }
        }
        for (RecordComponent c : components) {
            String at = join(path, c.getName());
            JsonNode v = node.get(c.getName());
            if (allowedExtra.contains(c.getName())) {
                continue;
            }
            if (v == null || v.isNull()) {
                if (!RecordSchema.isOptional(c)) {
                    problems.add(at, v == null ? "required field is missing" : "is required and must not be null");
                }
            } else {
                value(v, c.getGenericType(), at);
            }
        }
    }

    private void polymorphic(JsonNode node, Class<?> type, String path) {
        if (!expect(node.isObject(), "an object {...}", node, path)) {
            return;
        }
        String property = RecordSchema.typeProperty(type);
        Map<String, Class<?>> subtypes = RecordSchema.subtypes(type);
        String choices = quotedList(subtypes.keySet());
        JsonNode name = node.get(property);
        Class<?> subtype = name != null && name.isTextual() ? subtypes.get(name.asText()) : null;
        if (name == null || name.isNull()) {
            problems.add(join(path, property), "required field is missing; it says which kind this is: " + choices);
        } else if (subtype == null) {
            problems.add(join(path, property), "unknown kind " + name + "; expected one of " + choices);
        } else {
            record(node, subtype, path, Set.of(property));
        }
    }

    private void array(JsonNode node, Type element, String path) {
        if (!expect(node.isArray(), "an array [...]", node, path)) {
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            value(node.get(i), element, path + "[" + i + "]");
        }
    }

    private void map(JsonNode node, Type type, String path) {
        if (!expect(node.isObject(), "an object {...}", node, path)) {
            return;
        }
        Class<?> key = RecordSchema.raw(RecordSchema.typeArgument(type, 0));
        Type valueType = RecordSchema.typeArgument(type, 1);
        node.fields().forEachRemaining(e -> {
            String at = path + "." + e.getKey();
            if (key == Integer.class && !isInt(e.getKey())) {
                problems.add(at, "key '" + e.getKey() + "' must be a whole number");
            } else if (key != Integer.class && key != String.class) {
                throw new IllegalStateException("no file format for map keys of " + key);
            }
            value(e.getValue(), valueType, at);
        });
    }

    private void wholeNumber(JsonNode node, String path) {
        if (!node.isNumber() || !node.canConvertToExactIntegral()) {
            problems.add(path, "expected a whole number, got " + describe(node));
        } else if (!node.canConvertToInt()) {
            problems.add(path, "expected a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    + ", got " + node.asText());
        }
    }

    private void enumValue(JsonNode node, Class<?> type, String path) {
        Set<String> names = RecordSchema.enumConstants(type).keySet();
        if (!node.isTextual() || !names.contains(node.asText())) {
            problems.add(path, "expected one of " + quotedList(names) + ", got " + describe(node));
        }
    }

    private boolean expect(boolean ok, String expected, JsonNode node, String path) {
        if (!ok) {
            problems.add(path, "expected " + expected + ", got " + describe(node));
        }
        return ok;
    }

    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string " + node;
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase();
        };
    }

    private static String unknownField(String name, Collection<String> allowed) {
        String suggestion = FieldNames.closest(name, allowed);
        return "unknown field '" + name + "'" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
                + " Allowed here: " + String.join(", ", allowed);
    }

    private static String quotedList(Collection<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }

    private static boolean isInt(String s) {
        try {
            Integer.parseInt(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
