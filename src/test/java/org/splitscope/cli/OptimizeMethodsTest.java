package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/** {@code optimize --method}: the settings that reshape the topology write a scenario the evaluator agrees with. */
class OptimizeMethodsTest {
    private static final Path MOPAR = Path.of("sample-scenarios", "mopar-serverless.json");

    @TempDir
    Path dir;

    @Test
    void serverlessSlicingWritesTheSlicedScenario() {
        Path out = dir.resolve("sliced.json");
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--method", "SERVERLESS", "--objective", "COST",
                MOPAR.toString(), "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Metrics sliced = Evaluator.evaluate(ScenarioFiles.read(out).orElseThrow());
        Metrics shipped = Evaluator.evaluate(ScenarioFiles.read(MOPAR).orElseThrow());
        assertTrue(r.out().contains(String.format(Locale.ROOT, "cost %s per million", Format.usd(sliced.costUsdPerMillion()))), r.out());
        assertTrue(sliced.costUsdPerRequest() <= shipped.costUsdPerRequest() + 1e-15, "no dearer than the shipped slicing");
        assertTrue(r.out().contains("Unsplit (the whole model in one function of"), r.out());
    }

    @Test
    void pipelinePlacementFindsTheClustersBestBottleneck() throws Exception {
        Path seifer = Path.of("sample-scenarios", "seifer-edge-cluster.json");
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--method", "PIPELINE", "--max-stages", "4", "--json", seifer.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        var best = org.splitscope.io.Json.mapper().readTree(r.out()).get(0);
        assertEquals(org.splitscope.optimize.PipelinePlacement.METHOD, best.at("/provenance/method").asText());
        double shipped = Evaluator.evaluate(ScenarioFiles.read(seifer).orElseThrow()).throughputPerSecond();
        assertTrue(best.at("/metrics/throughputPerSecond").asDouble() >= shipped - 1e-9);
        CommandLineTest.Run table = CommandLineTest.run("optimize", "--method", "PIPELINE", seifer.toString());
        assertTrue(table.out().contains("The winner has the best throughput"), table.out());
    }

    @Test
    void serverlessSlicingOnlyMinimizesCost() {
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--method", "SERVERLESS", MOPAR.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--objective cost"), r.err());
    }

    @Test
    void aSloNoSlicingMeetsIsNamed() {
        CommandLineTest.Run r = CommandLineTest.run("optimize", "--method", "SERVERLESS", "--objective", "COST",
                "--max-latency-ms", "1", MOPAR.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.out());
        assertTrue(r.err().toLowerCase(Locale.ROOT).contains("slo"), r.err());
    }
}
