package org.splitscope.perf;

import java.util.List;

/**
 * Where a request can leave the model, and what leaving there costs it.
 *
 * @param label         the exit's id, or {@code final}
 * @param afterUnit     the 1-based unit after which it leaves
 * @param stage         0-based index of the stage it leaves in
 * @param terminal      whether it is the last outcome (final classifier or a partial model's end)
 * @param probability   share of requests that leave here
 * @param latency       expected latency of such a request without load (cold starts in expectation)
 * @param loadedLatency with M/D/1 waits at the arrival rate; {@code null} when saturated
 * @param accuracy      accuracy of the requests that leave here; {@code null} when unknown or none leave
 * @param parts         latency breakdown, queueing parts included when loaded
 */
public record Outcome(String label, int afterUnit, int stage, String node, boolean terminal,
                      double probability, double latency, Double loadedLatency, Double accuracy,
                      List<LatencyPart> parts) {
    public static final String FINAL = "final";
}
