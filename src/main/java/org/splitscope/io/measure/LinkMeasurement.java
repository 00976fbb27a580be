package org.splitscope.io.measure;

/**
 * A measured network path between two nodes of the topology.
 *
 * @param latencySeconds one-way latency (half the measured round trip); {@code null} when the
 *                       measurement had none (the link keeps its own)
 * @param where          where it is in its file ("row 3", "end.sum_received")
 */
public record LinkMeasurement(String from, String to, double bandwidthBps, Double latencySeconds, String where) {
}
