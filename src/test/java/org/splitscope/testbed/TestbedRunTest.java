package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The count of plans within the goal and the largest error, as the command, the window and the report print them. */
class TestbedRunTest {
    private static TestbedRun run(double... factor) {
        return SampleRuns.slower(factor);
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
