package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/** Serverless billing and cold starts (MOPAR), and the refusal to evaluate invalid input. */
class ServerlessAndValidationTest {
    private static final double EPS = 1e-12;
    private static final double GB_SECOND = 0.0000166667;

    /** Two units of 0.5 GFLOP; functions at 2 x the 1,769 MB speed run each in 0.25 s. */
    private static ModelProfile twoUnits() {
        return new ModelProfile("m", null, 1000, 100.0,
                List.of(new Unit("u1", "conv", 5e8, 0, 10), new Unit("u2", "fc", 5e8, 0, 10)),
                null, null, null, null, null, null);
    }

    private static Node function(String id) {
        ServerlessPricing lambda = new ServerlessPricing(GB_SECOND, 2e-7, 3.538, 0.1, 0.5, 0.2);
        return new Node(id, null, 2, "lambda", 1e9, null, null, lambda, null);
    }

    private static Topology clientAndFunctions() {
        return new Topology(List.of(new Node("phone", 0, "arm", 1e9), function("f1"), function("f2")),
                List.of(new Link("phone", "f1", 8e6, 0.01), new Link("f1", "f2", 8e6, 0.01),
                        new Link("phone", "f2", 8e6, 0.01)), "phone", null, null);
    }

    @Test
    void billedDurationRoundsUpAndColdStartsAreBilledInExpectation() {
        ModelProfile p = new ModelProfile("m", null, 1000, 100.0, List.of(new Unit("u1", "conv", 5e8, 0, 10)),
                null, null, null, null, null, null);
        Metrics m = new Evaluator(p, clientAndFunctions()).evaluate(new Plan(List.of(new Stage(1, 1, "f1"))),
                Workload.NONE);
        // work 0.25 s bills 0.3 s; with a 0.5 s cold start 0.75 s bills 0.8 s; E = 0.8*0.3 + 0.2*0.8
        double expected = 2e-7 + 3.538 * 0.4 * GB_SECOND;
        assertEquals(expected, m.costUsdPerRequest(), EPS);
        assertEquals(CostItem.Kind.SERVERLESS, m.costItems().get(0).kind());
        double base = 0.011 + 0.25 + 0.0101;
        assertEquals(base + 0.2 * 0.5, m.meanLatency(), EPS);
        assertEquals(base, m.latency().p50(), EPS);
        assertEquals(base + 0.5, m.latency().p95(), EPS, "the 20% cold tail is above the 95th percentile");
        assertEquals(0.1, EvaluatorHandComputedTest.part(m.outcomes().get(0), LatencyPart.Kind.COLD_START, "f1"), EPS);
    }

    @Test
    void coldStartsOfSeveralStagesMixIndependently() {
        Plan plan = new Plan(List.of(new Stage(1, 1, "f1"), new Stage(2, 2, "f2")));
        Metrics m = new Evaluator(twoUnits(), clientAndFunctions()).evaluate(plan, Workload.NONE);
        List<LatencyPoint> d = m.latency().distribution();
        assertEquals(3, d.size(), "no, one or two cold starts");
        assertEquals(0.64, d.get(0).probability(), EPS);
        assertEquals(0.32, d.get(1).probability(), EPS);
        assertEquals(0.04, d.get(2).probability(), EPS);
        assertEquals(1.0, d.get(2).seconds() - d.get(0).seconds(), EPS);
        assertEquals(d.get(1).seconds(), m.latency().p95(), EPS, "P(<= one cold start) = 0.96");
        assertEquals(d.get(2).seconds(), m.latency().p99(), EPS);
    }

    @Test
    void memorySizeSetsSpeedAndCapacity() {
        Node f = function("f1");
        assertEquals(2e9, f.effectiveFlopsPerSecond(), 1e-3);
        assertEquals(3.538e9, f.memoryCapacityBytes(), 1e-3);
    }

    @Test
    void invalidScenarioIsRefusedWithEveryProblem() {
        Topology t = clientAndFunctions();
        Topology broken = t.withLinks(List.of(t.links().get(0).withBandwidthBps(-5), t.links().get(1)));
        Plan plan = new Plan(List.of(new Stage(1, 1, "f1"), new Stage(3, 3, "nowhere")),
                List.of(new EnabledExit("missing", 1.5)), null);
        Scenario s = new Scenario("bad", twoUnits(), broken, plan, Workload.NONE);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> Evaluator.evaluate(s));
        List<String> paths = e.problems().stream().map(Problem::path).toList();
        assertTrue(paths.contains("topology.links[0].bandwidthBps"), paths.toString());
        assertTrue(e.getMessage().contains("must be > 0"));
    }

    @Test
    void invalidPlanIsRefusedWithPaths() {
        Evaluator ev = new Evaluator(twoUnits(), clientAndFunctions());
        Plan plan = new Plan(List.of(new Stage(1, 1, "f1"), new Stage(3, 3, "nowhere")),
                List.of(new EnabledExit("missing", 1.5)), null);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> ev.evaluate(plan, new Workload(Double.NaN, null, null, null)));
        List<String> paths = e.problems().stream().map(Problem::path).toList();
        assertTrue(paths.contains("plan.stages[1].firstUnit"), paths.toString());
        assertTrue(paths.contains("plan.stages[1].node"), paths.toString());
        assertTrue(paths.contains("plan.exits[0].exit"), paths.toString());
        assertTrue(paths.contains("workload.arrivalRatePerSecond"), paths.toString());
    }

    @Test
    void unreachableStageIsAProblem() {
        Topology t = clientAndFunctions();
        Topology cut = t.withLinks(List.of(t.links().get(0)));
        Evaluator ev = new Evaluator(twoUnits(), cut);
        Plan plan = new Plan(List.of(new Stage(1, 1, "f1"), new Stage(2, 2, "f2")));
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> ev.evaluate(plan, Workload.NONE));
        assertEquals("plan.stages[1].node", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("no route from 'f1' to 'f2'"));
    }

    @Test
    void valuesThatWouldOverflowAreRefusedByTheirRanges() {
        ModelProfile huge = new ModelProfile("m", null, 1000, 100.0, List.of(new Unit("u1", "conv", 1e308, 0, 10)),
                null, null, null, null, null, null);
        Topology slow = new Topology(List.of(new Node("phone", 0, "arm", 1e-10)), null, "phone", null, null);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> new Evaluator(huge, slow));
        assertEquals(List.of("profile.units[0].flops", "topology.nodes[0].flopsPerSecond"),
                e.problems().stream().map(p -> p.path()).toList());
    }
}
