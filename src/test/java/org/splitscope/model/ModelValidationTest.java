package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Rules of the model records that the file tests do not reach: each names its field. */
class ModelValidationTest {
    private static final List<Unit> UNITS = List.of(new Unit("a", "conv", 1, 1, 1), new Unit("b", "conv", 1, 1, 1),
            new Unit("c", "fc", 1, 1, 1));

    private static ModelProfile profile(List<ExitHead> exits, ExitStats stats, List<RangeLatencyTable> ranges) {
        return new ModelProfile("m", null, 10, null, UNITS, exits, stats, null, ranges, null, null);
    }

    private static void assertProblem(List<Problem> problems, String path, String words) {
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(words)),
                () -> "expected " + path + " (" + words + ") in " + problems);
    }

    @Test
    void twoRangeTablesForOneClassAreRefused() {
        RangeLatencyTable t = new RangeLatencyTable("gpu", false, List.of(new RangeLatency(1, 2, 0.1)));
        assertProblem(profile(null, null, List.of(t, t)).validate("profile"),
                "profile.rangeLatencies[1].deviceClass", "already has a range table");
    }

    @Test
    void rangeOutsideTheModelIsRefused() {
        RangeLatencyTable t = new RangeLatencyTable("gpu", false, List.of(new RangeLatency(2, 9, 0.1)));
        assertProblem(profile(null, null, List.of(t)).validate("profile"), "profile.rangeLatencies[0].ranges[0]",
                "not within units 1..3");
    }

    @Test
    void exitsNeedStatisticsAndAnOrder() {
        List<ExitHead> exits = List.of(new ExitHead("x", 2, 1, 1), new ExitHead("y", 1, 1, 1), new ExitHead("z", 3, 1, 1));
        List<Problem> p = profile(exits, null, null).validate("profile");
        assertProblem(p, "profile.exitStats", "no exit statistics");
        assertProblem(p, "profile.exits[1].afterUnit", "model order");
        assertProblem(p, "profile.exits[2].afterUnit", "final classifier");
    }

    @Test
    void curveThresholdOutsideItsTableIsRefused() {
        ExitCurve c = new ExitCurve(new double[] {0.2, 0.8}, new double[] {0.1, 0.5}, new double[] {0.9, 0.8}, 0.7);
        ModelProfile p = profile(List.of(new ExitHead("x", 1, 1, 1)), new CurveStats(List.of(c), 0.9, null), null);
        Topology t = new Topology(List.of(new Node("n", 0, "cpu", 1e9)), null, "n", null, null);
        Plan plan = new Plan(List.of(new Stage(1, 3, "n")), List.of(new EnabledExit("x", 0.1)), null);
        assertProblem(plan.validate("plan", p, t), "plan.exits[0].threshold", "outside the curve table");
    }

    @Test
    void terminalExitTakesNoThresholdAndEndsTheStages() {
        ModelProfile p = profile(List.of(new ExitHead("x", 1, 1, 1)),
                new SampleStats(new double[][] {{0.5}}, new boolean[][] {{true}}, new boolean[] {true}), null);
        Topology t = new Topology(List.of(new Node("n", 0, "cpu", 1e9)), null, "n", null, null);
        Plan plan = new Plan(List.of(new Stage(1, 3, "n")), List.of(new EnabledExit("x", 0.5)), "x");
        List<Problem> problems = plan.validate("plan", p, t);
        assertProblem(problems, "plan.exits[0].exit", "terminal exit");
        assertProblem(problems, "plan.stages[0].lastUnit", "must be 1");
    }

    @Test
    void serverlessPricingChecksItsFields() {
        Problems p = new Problems();
        new ServerlessPricing(-1, 0, 0, 0.001, null, 1.5).validate("x", p);
        List<Problem> list = p.list();
        assertProblem(list, "x.usdPerGBSecond", ">= 0");
        assertProblem(list, "x.memoryGB", "> 0");
        assertProblem(list, "x.coldStartProbability", "between 0 and 1");
    }
}
