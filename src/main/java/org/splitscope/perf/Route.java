package org.splitscope.perf;

/**
 * The path one transfer takes and what it costs in time.
 *
 * @param links       link indices in travel order (empty when source and destination coincide)
 * @param linkSeconds each hop's share of the transfer time (propagation, its first packet, and
 *                    for the slowest hop the pipelined remaining packets); they sum to seconds
 * @param seconds     PORTEND's fragmentation model:
 *                    {@code sum latency + (F-1) 8 MTU / min bandwidth + sum 8 min(x, MTU) / bandwidth}
 */
public record Route(int[] links, double[] linkSeconds, double seconds) {
    static final Route LOCAL = new Route(new int[0], new double[0], 0);
}
