package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.splitscope.model.Problem;

/** A minimal valid scenario as a JSON tree, and helpers to break it one field at a time. */
final class TestScenarios {
    static final String MINIMAL = """
            {
              "formatVersion": 1,
              "name": "tiny",
              "profile": {
                "name": "two-layer",
                "inputBytes": 1000,
                "units": [
                  {"name": "conv1", "flops": 1e9, "paramBytes": 1e4, "cutBytes": 500},
                  {"name": "fc", "flops": 1e8, "paramBytes": 1e5, "cutBytes": 40}
                ],
                "exits": [{"id": "e1", "afterUnit": 1, "flops": 1e6, "paramBytes": 1e3}],
                "exitStats": {"type": "samples", "confidence": [[0.9, 0.2, 0.7]],
                              "correct": [[true, false, true]], "correctFinal": [true, true, false]}
              },
              "topology": {
                "nodes": [
                  {"id": "phone", "tier": 0, "deviceClass": "cpu", "flopsPerSecond": 1e10},
                  {"id": "edge", "tier": 1, "deviceClass": "gpu", "flopsPerSecond": 1e12,
                   "pricing": {"type": "dedicated", "usdPerHour": 1.2}}
                ],
                "links": [{"from": "phone", "to": "edge", "bandwidthBps": 1e8, "latencySeconds": 0.005}],
                "source": "phone"
              },
              "plan": {
                "stages": [{"firstUnit": 1, "lastUnit": 1, "node": "phone"},
                           {"firstUnit": 2, "lastUnit": 2, "node": "edge"}],
                "exits": [{"exit": "e1", "threshold": 0.8}]
              }
            }
            """;

    private static final Pattern RAW = Pattern.compile("\"@raw\\(([^)]*)\\)\"");
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)|\\[(\\d+)]");

    private TestScenarios() {
    }

    static ObjectNode minimal() {
        return (ObjectNode) read(MINIMAL);
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A value written into the JSON text as is, e.g. {@code raw("NaN")}. */
    static TextNode raw(String token) {
        return TextNode.valueOf("@raw(" + token + ")");
    }

    /** Sets the value at a path like {@code topology.links[0].bandwidthBps}; the last step may be new. */
    static void set(JsonNode root, String path, Object value) {
        JsonNode v = value instanceof JsonNode n ? n : Json.mapper().valueToTree(value);
        List<String> steps = steps(path);
        JsonNode parent = walk(root, steps.subList(0, steps.size() - 1));
        String last = steps.get(steps.size() - 1);
        if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), v);
        } else {
            ((ObjectNode) parent).set(last, v);
        }
    }

    static void remove(JsonNode root, String path) {
        List<String> steps = steps(path);
        ((ObjectNode) walk(root, steps.subList(0, steps.size() - 1))).remove(steps.get(steps.size() - 1));
    }

    /** The tree as JSON text, with {@link #raw} values unquoted. */
    static String json(JsonNode root) {
        Matcher m = RAW.matcher(root.toPrettyString());
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    }

    /** Fails unless some problem has exactly this path and a message containing every fragment. */
    static void assertProblem(Loaded<?> loaded, String path, String... fragments) {
        for (Problem p : loaded.problems()) {
            if (p.path().equals(path) && Arrays.stream(fragments).allMatch(p.message()::contains)) {
                return;
            }
        }
        fail("expected a problem at '" + path + "' saying " + Arrays.toString(fragments) + ", got:\n"
                + loaded.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }

    private static List<String> steps(String path) {
        Matcher m = STEP.matcher(path);
        List<String> steps = new ArrayList<>();
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return steps;
    }

    private static JsonNode walk(JsonNode node, List<String> steps) {
        for (String s : steps) {
            node = node.isArray() ? node.get(Integer.parseInt(s)) : node.get(s);
        }
        return node;
    }
}
