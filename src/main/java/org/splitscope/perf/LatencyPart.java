package org.splitscope.perf;

/**
 * One slice of an outcome's latency, for the stacked breakdown chart.
 *
 * @param resource the node or link id it is spent on
 */
public record LatencyPart(Kind kind, String resource, double seconds) {
    public enum Kind {
        /** Units and exit heads running on a node. */
        COMPUTE,
        /** Moving bytes over a link (propagation and packets). */
        TRANSFER,
        /** Turning a cut's tensor into bytes and back. */
        SERIALIZATION,
        /** Compressing and decompressing a cut (MOPAR codecs). */
        CODEC,
        /** Expected serverless cold-start delay. */
        COLD_START,
        /** M/D/1 waiting for a busy node or link under the arrival rate. */
        QUEUEING
    }
}
