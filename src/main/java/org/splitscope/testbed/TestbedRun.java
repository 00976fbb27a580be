package org.splitscope.testbed;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The plans of one testbed session beside their predictions, with the fit of the two over all of
 * them: what the command prints at the end, the window's Testbed panel shows and a report's
 * testbed section prints.
 *
 * @param deviceClass           the class this machine's unit times were stored under
 * @param machineFlopsPerSecond this machine's FLOP rate over the profiled units ({@link SlowDown})
 * @param slowDowns             per plan, the slow-down factor of each stage's node
 * @param notes                 what the run could not imitate ({@link SlowDown#tooFast})
 */
public record TestbedRun(List<PlanResult> results, String deviceClass, double machineFlopsPerSecond,
                         List<List<Double>> slowDowns, List<String> notes) {
    /** The goal the testbed is held to: measured mean latency and throughput within 10% of the prediction. */
    public static final double GOAL_PERCENT = 10;

    public TestbedRun {
        results = List.copyOf(results);
        slowDowns = slowDowns.stream().map(List::copyOf).toList();
        notes = List.copyOf(notes);
        if (slowDowns.size() != results.size()) {
            throw new IllegalArgumentException(slowDowns.size() + " slow-down lists for " + results.size() + " plans");
        }
    }

    /** R^2 of measured against predicted mean latency about y = x ({@link RSquared}); NaN under two plans. */
    public double rSquaredMeanLatency() {
        return RSquared.of(results.stream().mapToDouble(r -> r.predicted().latency().mean()).toArray(),
                results.stream().mapToDouble(r -> r.measured().meanLatency()).toArray());
    }

    /** The same for throughput; NaN when a prediction has none. */
    public double rSquaredThroughput() {
        return RSquared.of(results.stream().mapToDouble(r -> r.predicted().throughputPerSecond() == null ? Double.NaN
                        : r.predicted().throughputPerSecond()).toArray(),
                results.stream().mapToDouble(r -> r.measured().throughputPerSecond()).toArray());
    }

    /** How many plans have this error (percent) within {@link #GOAL_PERCENT}; a NaN error (no prediction) is not. */
    public long withinGoal(ToDoubleFunction<PlanResult> errorPercent) {
        return results.stream().filter(r -> Math.abs(errorPercent.applyAsDouble(r)) <= GOAL_PERCENT).count();
    }

    /** The largest absolute finite error (percent) over the plans; NaN when none has one. */
    public double largestError(ToDoubleFunction<PlanResult> errorPercent) {
        return results.stream().mapToDouble(errorPercent).filter(Double::isFinite).map(Math::abs).max().orElse(Double.NaN);
    }
}
