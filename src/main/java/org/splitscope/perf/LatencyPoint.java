package org.splitscope.perf;

/** One atom of the latency distribution: this many seconds with this probability. */
public record LatencyPoint(double seconds, double probability) {
}
