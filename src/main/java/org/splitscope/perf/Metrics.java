package org.splitscope.perf;

import java.util.List;

/**
 * Every figure the evaluator computes for one plan, with the breakdowns charts need. Nothing
 * outside the evaluator computes a metric: views, reports and the optimizer read this record.
 * SI units: seconds, bytes, requests per second, US dollars, joules.
 *
 * @param latency             without load (one request alone)
 * @param loadedLatency       with M/D/1 waits at the arrival rate; equal to {@code latency} when
 *                            the rate is 0; {@code null} when any resource is saturated
 * @param accuracy            share of requests answered correctly; {@code null} when unknown
 * @param throughputPerSecond 1 / max_r (B_r / concurrency_r); {@code null} when nothing is busy
 * @param bottleneck          the resource that sets the throughput
 * @param costUsdPerHour      at the arrival rate; {@code null} without one
 * @param feasible            whether every node has the memory the plan needs
 */
public record Metrics(List<Outcome> outcomes,
                      LatencySummary latency,
                      LatencySummary loadedLatency,
                      Double accuracy,
                      AccuracyMethod accuracyMethod,
                      List<ResourceUse> resources,
                      Double throughputPerSecond,
                      String bottleneck,
                      double arrivalRatePerSecond,
                      boolean saturated,
                      double costUsdPerRequest,
                      double costUsdPerMillion,
                      Double costUsdPerHour,
                      List<CostItem> costItems,
                      double energyJoulesPerRequest,
                      List<EnergyUse> energy,
                      List<MemoryUse> memory,
                      boolean feasible,
                      Goals goals,
                      List<String> warnings) {

    public double meanLatency() {
        return latency.mean();
    }

    public ResourceUse resource(String id) {
        for (ResourceUse r : resources) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return null;
    }

    public Outcome outcome(String label) {
        for (Outcome o : outcomes) {
            if (o.label().equals(label)) {
                return o;
            }
        }
        return null;
    }
}
