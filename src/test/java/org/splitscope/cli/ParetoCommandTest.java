package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/** {@code pareto}: a non-dominated set whose figures are the evaluator's, and the shared constraint options. */
class ParetoCommandTest {
    private static final Path TEACHING = Path.of("sample-scenarios", "teaching.json");

    @Test
    void frontIsNonDominatedAndStartsAtTheLatencyOptimum() throws Exception {
        CommandLineTest.Run r = CommandLineTest.run("pareto", "--json", TEACHING.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode front = Json.mapper().readTree(r.out());
        assertTrue(front.size() >= 2, "the teaching scenario trades accuracy for latency: " + r.out());
        Scenario s = ScenarioFiles.read(TEACHING).orElseThrow();
        Evaluator evaluator = new Evaluator(s.profile(), s.topology());
        double[][] figures = new double[front.size()][];
        for (int i = 0; i < front.size(); i++) {
            Plan plan = Json.mapper().treeToValue(front.get(i).get("plan"), Plan.class);
            Metrics m = evaluator.evaluate(plan, s.workload());
            assertEquals(m.meanLatency(), front.get(i).at("/metrics/latency/mean").asDouble(), 1e-12);
            figures[i] = new double[] {m.meanLatency(), -m.accuracy(), m.costUsdPerRequest()};
        }
        for (int i = 0; i < figures.length; i++) {
            for (int j = 0; j < figures.length; j++) {
                assertFalse(i != j && dominates(figures[j], figures[i]), "point " + (j + 1) + " dominates point " + (i + 1));
            }
        }
        JsonNode best = Json.mapper().readTree(CommandLineTest.run("optimize", "--json", "--top", "1", TEACHING.toString()).out());
        assertEquals(best.get(0).at("/metrics/latency/mean").asDouble(), figures[0][0], 1e-12,
                "the front's fastest point is the latency optimum");
        assertTrue(CommandLineTest.run("pareto", TEACHING.toString()).out().contains("exact"));
    }

    @Test
    void accuracyFloorTrimsTheFront() throws Exception {
        JsonNode all = Json.mapper().readTree(CommandLineTest.run("pareto", "--json", TEACHING.toString()).out());
        double top = 0;
        for (JsonNode p : all) {
            top = Math.max(top, p.at("/metrics/accuracy").asDouble());
        }
        CommandLineTest.Run r = CommandLineTest.run("pareto", "--json", "--min-accuracy", Double.toString(top), TEACHING.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        for (JsonNode p : Json.mapper().readTree(r.out())) {
            assertTrue(p.at("/metrics/accuracy").asDouble() >= top - 1e-12);
        }
    }

    @Test
    void outOfRangeConstraintsAreNamed() {
        CommandLineTest.Run r = CommandLineTest.run("pareto", "--budget-usd-per-million", "-1", TEACHING.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--budget-usd-per-million"), r.err());
        CommandLineTest.Run o = CommandLineTest.run("optimize", "--max-latency-ms", "NaN", TEACHING.toString());
        assertEquals(ExitCodes.USAGE, o.code());
        assertTrue(o.err().contains("--max-latency-ms"), o.err());
    }

    private static boolean dominates(double[] a, double[] b) {
        boolean strictly = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k] + 1e-12) {
                return false;
            }
            strictly |= a[k] < b[k] - 1e-12;
        }
        return strictly;
    }
}
