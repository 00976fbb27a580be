package org.splitscope.perf;

import java.util.List;

/**
 * The latency distribution of one request: a mixture over outcomes (and serverless cold starts),
 * its mean and percentiles. A percentile q is the smallest latency L with P(latency <= L) >= q.
 */
public record LatencySummary(double mean, double p50, double p95, double p99, List<LatencyPoint> distribution) {

    /** Summarizes atoms that may repeat and come in any order. */
    static LatencySummary of(List<LatencyPoint> atoms) {
        List<LatencyPoint> sorted = atoms.stream()
                .filter(a -> a.probability() > 0)
                .sorted((a, b) -> Double.compare(a.seconds(), b.seconds()))
                .toList();
        java.util.ArrayList<LatencyPoint> merged = new java.util.ArrayList<>(sorted.size());
        double mean = 0;
        for (LatencyPoint a : sorted) {
            mean += a.seconds() * a.probability();
            int last = merged.size() - 1;
            if (last >= 0 && Tolerance.equal(merged.get(last).seconds(), a.seconds())) {
                LatencyPoint m = merged.get(last);
                merged.set(last, new LatencyPoint(m.seconds(), m.probability() + a.probability()));
            } else {
                merged.add(a);
            }
        }
        return new LatencySummary(mean, quantile(merged, 0.50), quantile(merged, 0.95), quantile(merged, 0.99),
                List.copyOf(merged));
    }

    static double quantile(List<LatencyPoint> sortedAtoms, double q) {
        double cumulative = 0;
        for (LatencyPoint a : sortedAtoms) {
            cumulative += a.probability();
            // the tolerance keeps 0.95 reached by summing 0.05 steps from being missed by rounding
            if (cumulative >= q - 1e-12) {
                return a.seconds();
            }
        }
        return sortedAtoms.isEmpty() ? 0 : sortedAtoms.get(sortedAtoms.size() - 1).seconds();
    }
}
