package org.splitscope.testbed;

import java.util.List;

/**
 * What a testbed run measured for one plan.
 *
 * @param latencies           end-to-end seconds of each request sent one at a time
 * @param meanLatency         their mean
 * @param p95Latency          the smallest latency that at least 95% of them do not exceed
 * @param throughputPerSecond answers per second with the pipeline kept full (requests sent
 *                            faster than it serves them): (answers - 1) / (last answer - start - meanLatency)
 * @param arrivalRate         the target rate of the open-loop phase (Poisson arrivals), 0 when none ran
 * @param loadedMeanLatency   mean latency in that phase, {@code null} when none ran
 * @param achievedRate        answers per second in that phase, {@code null} when none ran
 */
public record Measurement(List<Double> latencies, double meanLatency, double p95Latency, double throughputPerSecond,
                          double arrivalRate, Double loadedMeanLatency, Double achievedRate) {
    public Measurement {
        latencies = List.copyOf(latencies);
    }

    /** The performance model's percentile rule (smallest L with P(latency <= L) >= q) on a sample. */
    static double percentile(List<Double> sample, double q) {
        double[] sorted = sample.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(q * sorted.length - 1e-9) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
