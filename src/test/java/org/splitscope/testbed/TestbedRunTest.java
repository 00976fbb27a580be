package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/** The count of plans within the goal and the largest error, as the command, the window and the report print them. */
class TestbedRunTest {
    /** One plan per factor: measured mean latency = factor x predicted, throughput = predicted / factor. */
    private static TestbedRun run(double... factor) {
        Scenario s = ScenarioFiles.read(Path.of("sample-scenarios", "portend-three-tier.json")).orElseThrow();
        int units = s.profile().unitCount();
        String a = s.plan().stages().get(0).node();
        String b = s.plan().stages().get(s.plan().stages().size() - 1).node();
        List<PlanResult> results = new ArrayList<>();
        List<List<Double>> slow = new ArrayList<>();
        for (int i = 0; i < factor.length; i++) {
            Plan p = new Plan(List.of(new Stage(1, i + 1, a), new Stage(i + 2, units, b)));
            Metrics m = new Evaluator(s.profile(), s.topology()).evaluate(p, s.workload());
            double mean = m.latency().mean() * factor[i];
            results.add(new PlanResult(p, "x", new Measurement(List.of(mean), mean, mean,
                    m.throughputPerSecond() / factor[i], 0, null, null), m, null, 0));
            slow.add(List.of(1.0, 1.0));
        }
        return new TestbedRun(results, "cpu", 1e9, slow, List.of());
    }

    @Test
    void countsThePlansWithinTenPercentEitherWay() {
        TestbedRun run = run(1.05, 0.92, 1.25, 0.5);
        assertEquals(2, run.withinGoal(PlanResult::meanLatencyError), "+5% and -8% are within, +25% and -50% not");
        assertEquals(50, run.largestError(PlanResult::meanLatencyError), 1e-9);
        // throughput 1/1.05 - 1 = -4.8%, 1/0.92 - 1 = +8.7%, 1/1.25 - 1 = -20%, 1/0.5 - 1 = +100%
        assertEquals(2, run.withinGoal(PlanResult::throughputError));
        assertEquals(100, run.largestError(PlanResult::throughputError), 1e-9);
    }

    @Test
    void anErrorWithoutAPredictionIsNeitherWithinNorTheLargest() {
        TestbedRun run = run(1.05);
        assertEquals(0, run.withinGoal(r -> Double.NaN));
        assertEquals(Double.NaN, run.largestError(r -> Double.NaN));
        assertEquals(1, run.withinGoal(PlanResult::meanLatencyError));
    }

    @Test
    void slowDownsMustMatchThePlans() {
        TestbedRun one = run(1.0);
        assertThrows(IllegalArgumentException.class, () -> new TestbedRun(one.results(), "cpu", 1e9, List.of(), List.of()));
    }
}
