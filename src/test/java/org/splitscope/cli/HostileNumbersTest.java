package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.io.Json;

/**
 * Each sample scenario with one numeric field at a time set to an extreme value (0, a denormal,
 * 1e-300, 1e308, -1, NaN, the ends of the ranges and just outside them), run through every command
 * that computes figures: each answers with finite figures (exit 0, no Infinity or NaN anywhere in
 * what it prints or writes) or refuses naming the field (exit 1 or 2), never with an internal error.
 */
class HostileNumbersTest {
    private static final List<String> VALUES = List.of("0", "1e-320", "1e-300", "1e308", "-1", "NaN", "1e-12", "1e-6",
            "1e-3", "1", "3600", "1e6", "1e9", "1e15", "1.0000001e15", "1e18", "1.0000001e18");

    /** The values at which optimize and pareto run too: the ends of the ranges. */
    private static final java.util.Set<String> SEARCHED = java.util.Set.of("0", "1e-12", "1e-6", "1e15", "1e18");
    /**
     * Every field meets every STRIDE-th value, shifted by the field's index, so that each value still
     * meets many fields of each kind while the test stays within CI's minutes; -Dhostile.full=true runs
     * every pair (about four times as long).
     */
    private static final boolean FULL = Boolean.getBoolean("hostile.full");
    private static final int STRIDE = 4;
    private static final Map<String, Long> TIMES = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path dir;

    static Stream<String> samples() {
        String only = System.getProperty("hostile.samples");
        return only != null ? Stream.of(only.split(",")) : Stream.of("teaching", "portend-three-tier", "seifer-edge-cluster", "mopar-serverless");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyExtremeValueIsAnswerOrRefusalNamingTheField(String sample) throws IOException {
        String text = Files.readString(Path.of("sample-scenarios", sample + ".json"));
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(text);
        List<String> pointers = new ArrayList<>();
        numericLeaves(tree, "", pointers);
        assertTrue(pointers.size() > 20, sample + ": " + pointers);
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < pointers.size(); i++) {
            String pointer = pointers.get(i);
            for (int j = 0; j < VALUES.size(); j++) {
                if (!FULL && (i + j) % STRIDE != 0) {
                    continue;
                }
                String value = VALUES.get(j);
                Path file = dir.resolve(sample + "-mutated.json");
                Files.writeString(file, mutated(tree, pointer, value));
                String what = sample + " " + path(pointer) + " = " + value;
                accepted += check(file, path(pointer), value, what, failures) ? 1 : 0;
            }
        }
        System.out.println(sample + ": " + pointers.size() + " fields, " + accepted + " accepted, ms per command " + TIMES
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() / 1_000_000).toList());
        assertTrue(accepted > pointers.size() / (FULL ? 1 : STRIDE), sample + ": too few mutations were accepted to test the commands: " + accepted);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0,
                Math.min(40, failures.size()))));
    }

    /** Whether the scenario was accepted; runs every command and records what went wrong. */
    private boolean check(Path file, String field, String value, String what, List<String> failures) throws IOException {
        Run validate = run("validate", file.toString());
        if (validate.code() != ExitCodes.OK) {
            expectRefusal(validate, field, what + " [validate]", failures);
            return false;
        }
        Path html = dir.resolve("report.html");
        Files.deleteIfExists(html);
        List<List<String>> commands = new ArrayList<>(List.of(List.of("evaluate", file.toString()),
                List.of("evaluate", "--json", file.toString()), List.of("explain", file.toString()),
                List.of("sweep", file.toString(), "--param", "workload.rate", "--from", "0", "--to", "10", "--steps", "3")));
        // the searches (a report runs one) evaluate many plans, so they run at the ends of the ranges, where figures
        // are extreme; not on the edge cluster, where they enumerate the placements on six nodes (an infeasible
        // mutation takes seconds to explain, minutes for all of them)
        if (SEARCHED.contains(value) && !file.getFileName().toString().startsWith("seifer")) {
            commands.add(List.of("report", file.toString(), "-o", html.toString()));
            commands.add(List.of("optimize", "--top", "2", file.toString()));
            commands.add(List.of("pareto", file.toString()));
        }
        for (List<String> args : commands) {
            long start = System.nanoTime();
            Run r = run(args.toArray(String[]::new));
            TIMES.merge(args.get(0), System.nanoTime() - start, Long::sum);
            String label = what + " [" + String.join(" ", args.subList(0, args.size() - 1)).replace(file.toString(), "") + "]";
            if (r.code() == ExitCodes.OK) {
                String written = args.get(0).equals("report") && Files.exists(html) ? Files.readString(html) : "";
                for (String bad : List.of("Infinity", "NaN", "∞")) {
                    if (r.out().contains(bad) || r.err().contains(bad) || written.contains(bad)) {
                        failures.add(label + ": printed " + bad + "\n" + excerpt(r.out() + r.err() + written, bad));
                    }
                }
            } else {
                expectRefusal(r, field, label, failures);
            }
        }
        return true;
    }

    private static void expectRefusal(Run r, String field, String what, List<String> failures) {
        if (r.err().contains("No plan in the search space meets the constraints")) {
            // an answer about the scenario (its goals cannot be met), not about the field: finite figures suffice
            if (r.err().contains("Infinity") || r.err().contains("NaN")) {
                failures.add(what + ": printed a non-finite figure: " + r.err().strip());
            }
        } else if (r.code() != ExitCodes.INVALID_INPUT && r.code() != ExitCodes.USAGE) {
            failures.add(what + ": exit " + r.code() + ": " + r.err().lines().findFirst().orElse(""));
        } else if (!r.err().contains(field.contains("[") ? field.substring(0, field.lastIndexOf('[')) : field)
                || r.err().contains("Exception") || r.err().contains("Infinity")) {
            // a problem may name the field's neighbour (thresholds must increase, stages must follow each other)
            failures.add(what + ": the refusal does not name the field: " + r.err().strip());
        }
    }

    private static String excerpt(String text, String bad) {
        int at = text.indexOf(bad);
        return "    ..." + text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 40)).replace('\n', ' ') + "...";
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The scenario's text with the number at the pointer replaced by a raw token (NaN is no JSON number, but read). */
    private static String mutated(ObjectNode tree, String pointer, String value) throws IOException {
        ObjectNode copy = tree.deepCopy();
        String marker = "@@MUTATED@@";
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), marker);
        } else {
            ((ObjectNode) parent).put(last, marker);
        }
        return Json.mapper().writeValueAsString(copy).replace("\"" + marker + "\"", value);
    }

    /** JSON pointers of the numbers, the first two items of each array only (the rest repeat their shape). */
    private static void numericLeaves(JsonNode node, String pointer, List<String> into) {
        if (node.isNumber()) {
            into.add(pointer);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("snapshots")) {
                    numericLeaves(e.getValue(), pointer + "/" + e.getKey(), into);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(2, node.size()); i++) {
                numericLeaves(node.get(i), pointer + "/" + i, into);
            }
        }
    }

    /** A JSON pointer as the path problems name: {@code /topology/links/0/bandwidthBps} is {@code topology.links[0].bandwidthBps}. */
    private static String path(String pointer) {
        return pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }
}
