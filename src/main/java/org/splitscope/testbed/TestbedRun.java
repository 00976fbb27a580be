package org.splitscope.testbed;

import java.util.List;

/**
 * The plans of one testbed session beside their predictions, with the fit of the two over all of
 * them: what the window's Testbed panel shows and a report's testbed section prints.
 *
 * @param deviceClass           the class this machine's unit times were stored under
 * @param machineFlopsPerSecond this machine's FLOP rate over the profiled units ({@link SlowDown})
 * @param slowDowns             per plan, the slow-down factor of each stage's node
 */
public record TestbedRun(List<PlanResult> results, String deviceClass, double machineFlopsPerSecond,
                         List<List<Double>> slowDowns) {
    public TestbedRun {
        results = List.copyOf(results);
        slowDowns = slowDowns.stream().map(List::copyOf).toList();
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
}
