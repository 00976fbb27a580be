package org.splitscope.perf;

/**
 * Busy time of one node or link per request, and what it means under load.
 *
 * @param busySeconds        expected busy seconds per request (B_r)
 * @param visitsPerRequest   expected visits per request (a visit is a maximal run of work on a
 *                           node, or one crossing of a link)
 * @param meanServiceSeconds busy seconds per visit
 * @param utilization        lambda * B_r / concurrency (0 without an arrival rate)
 * @param waitSeconds        M/D/1 wait per visit; {@code null} when saturated
 */
public record ResourceUse(String id, Kind kind, double busySeconds, int concurrency,
                          double visitsPerRequest, double meanServiceSeconds, double utilization,
                          Double waitSeconds, boolean saturated) {
    public enum Kind { NODE, LINK }

    /** Seconds of this resource's capacity one request takes: B_r / concurrency. */
    public double loadPerRequest() {
        return busySeconds / concurrency;
    }
}
