package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import picocli.CommandLine;

/** The command line as a script or a person uses it: output, messages and exit codes. */
class CommandLineTest {
    private static final Path TEACHING = Path.of("sample-scenarios", "teaching.json");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandAnswersHelpWithItsOwnUsage() {
        CommandLine root = new CommandLine(new Main());
        assertTrue(root.getSubcommands().size() > 10, "the commands: " + root.getSubcommands().keySet());
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Run r = run(name, "--help");
            assertEquals(ExitCodes.OK, r.code(), name + " --help: " + r.err());
            assertTrue(r.out().startsWith("Usage: splitscope " + name), name + " --help: " + r.out());
            assertEquals("", r.err(), name + " --help");
        }
    }

    @Test
    void evaluatePrintsTheEvaluatorsFigures() {
        Run r = run("evaluate", TEACHING.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Metrics m = Evaluator.evaluate(ScenarioFiles.read(TEACHING).orElseThrow());
        assertTrue(r.out().contains(String.format(Locale.ROOT, "mean %.3f ms", m.meanLatency() * 1e3)), r.out());
        assertTrue(r.out().contains("bottleneck: " + m.bottleneck()), r.out());
    }

    @Test
    void evaluateJsonIsTheMetricsRecord() throws Exception {
        Run r = run("evaluate", "--json", TEACHING.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        Metrics m = Evaluator.evaluate(ScenarioFiles.read(TEACHING).orElseThrow());
        assertEquals(m.meanLatency(), json.at("/latency/mean").asDouble(), 0);
        assertEquals(m.outcomes().size(), json.get("outcomes").size());
        assertTrue(json.has("costUsdPerHour"), "absent figures are explicit nulls for scripts");
    }

    @Test
    void rateOverrideAddsQueueing() throws Exception {
        Run r = run("evaluate", "--json", "--rate", "1", TEACHING.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        assertEquals(1.0, json.get("arrivalRatePerSecond").asDouble());
        assertTrue(json.at("/loadedLatency/mean").asDouble() > json.at("/latency/mean").asDouble());
    }

    @Test
    void negativeRateIsAUsageError() {
        Run r = run("evaluate", "--rate", "-3", TEACHING.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--rate"), r.err());
    }

    @Test
    void validateAcceptsAGoodScenario() {
        Run r = run("validate", TEACHING.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("valid"));
    }

    @Test
    void validateListsEveryProblemWithItsPathAndFails() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(TEACHING.toFile());
        ((ObjectNode) tree.at("/topology/links/0")).put("bandwidthBps", -1);
        ((ObjectNode) tree.at("/profile/units/0")).put("flops", "lots");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, tree.toString());
        Run r = run("validate", bad.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("profile.units[0].flops"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace for a user error: " + r.err());
        Run e = run("evaluate", bad.toString());
        assertEquals(ExitCodes.INVALID_INPUT, e.code());
        assertEquals("", e.out(), "never a number computed from invalid input");
    }

    @Test
    void semanticProblemsAreAllReported() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(TEACHING.toFile());
        ((ObjectNode) tree.at("/topology/links/0")).put("bandwidthBps", -1);
        ((ObjectNode) tree.at("/plan/stages/0")).put("node", "atlantis");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, tree.toString());
        Run r = run("validate", bad.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("topology.links[0].bandwidthBps"), r.err());
    }

    @Test
    void extremeFiguresAreAnInputErrorNamingTheRangeNotACrash() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(TEACHING.toFile());
        ((ObjectNode) tree.at("/profile/units/0")).put("flops", 1e308);
        ((ObjectNode) tree.at("/topology/nodes/0")).put("flopsPerSecond", 1e-10);
        Path extreme = dir.resolve("extreme.json");
        Files.writeString(extreme, tree.toString());
        Run r = run("evaluate", extreme.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("profile.units[0].flops: must be 0, or from 1e-6 to 1e18 FLOPs, got 1e308"), r.err());
        assertTrue(r.err().contains("topology.nodes[0].flopsPerSecond: must be from 1 to 1e18 FLOP/s, got 1e-10"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingFileIsAMessage() {
        Run r = run("evaluate", dir.resolve("nope.json").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(r.err().contains("nope.json"), r.err());
    }

    @Test
    void sweepPrintsARowPerValueAndWritesCsv() throws Exception {
        Path csv = dir.resolve("sweep.csv");
        Run r = run("sweep", TEACHING.toString(), "--param", "link:phone-edge.bandwidth", "--from", "1e6",
                "--to", "1e8", "--steps", "3", "--log", "--csv", csv.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(4, r.out().lines().count(), r.out());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("link:phone-edge.bandwidth,meanLatencySeconds"));
    }

    @Test
    void sweepOfAnUnknownParameterSaysWhatIsAccepted() {
        Run r = run("sweep", TEACHING.toString(), "--param", "link:wifi.speed", "--from", "1", "--to", "2");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("link:ID.bandwidth"), r.err());
    }

    @Test
    void optimizeListsPlansNoWorseThanTheCurrentOne() throws Exception {
        Run r = run("optimize", "--json", "--top", "3", TEACHING.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode plans = Json.mapper().readTree(r.out());
        assertTrue(plans.size() >= 1 && plans.size() <= 3);
        double best = plans.get(0).at("/metrics/latency/mean").asDouble();
        Metrics current = Evaluator.evaluate(ScenarioFiles.read(TEACHING).orElseThrow());
        assertTrue(best <= current.meanLatency() + 1e-12, best + " vs " + current.meanLatency());
        Run table = run("optimize", TEACHING.toString());
        assertTrue(table.out().contains("exact"), table.out());
    }

    @Test
    void optimizeNamesAConstraintThatCannotBeMet() {
        Run r = run("optimize", "--min-accuracy", "1", TEACHING.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.out());
        assertTrue(r.err().contains("accuracy"), r.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run r = run("frobnicate");
        assertEquals(ExitCodes.USAGE, r.code());
    }

    @Test
    void everySampleScenarioEvaluates() throws Exception {
        try (var files = Files.list(Path.of("sample-scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Scenario s = ScenarioFiles.read(f).orElseThrow();
                Run r = run("evaluate", f.toString());
                assertEquals(ExitCodes.OK, r.code(), f + ": " + r.err());
                assertTrue(r.out().contains(s.name()), f.toString());
            }
        }
    }
}
