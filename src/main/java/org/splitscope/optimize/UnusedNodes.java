package org.splitscope.optimize;

import java.util.Arrays;

/**
 * The nodes a partial pipeline plan has not used yet, and a lower bound on how many of them the
 * units left still need: enough (largest first) to hold their parameters in memory and, where
 * stage times are FLOPs over a rate, to compute their FLOPs within the threshold.
 */
final class UnusedNodes {
    private final int units;
    private final int nodes;
    private final double[] params; // [u]: parameter bytes of units u..N
    private final double[] work; // [u]: FLOPs of units u..N, or null when stage times are not FLOPs over rate
    private final double[] speed; // [w]: FLOPs per second of load
    private final double[] capacity; // [w]: memory, +inf when unlimited
    private final long[] used;

    UnusedNodes(PipelineCosts costs, PipelineObjective objective) {
        units = costs.units;
        nodes = costs.nodeCount;
        capacity = new double[nodes];
        for (int w = 0; w < nodes; w++) {
            capacity[w] = costs.capacity(w);
        }
        params = new double[units + 2];
        for (int u = units; u >= 1; u--) {
            params[u] = params[u + 1] + costs.unitParams(u);
        }
        speed = new double[nodes];
        boolean proportional = objective.countsNodes();
        for (int w = 0; w < nodes; w++) {
            speed[w] = costs.flopsPerLoadSecond(w);
            proportional &= !Double.isNaN(speed[w]);
        }
        if (proportional) {
            work = new double[units + 2];
            for (int u = units; u >= 1; u--) {
                work[u] = work[u + 1] + costs.unitFlops(u);
            }
        } else {
            work = null;
        }
        used = new long[(nodes + 63) / 64];
    }

    /** Every node unused again. */
    void clear() {
        Arrays.fill(used, 0);
    }

    boolean isUsed(int w) {
        return (used[w >>> 6] & (1L << w)) != 0;
    }

    /** Marks w used when unused, unused when used. */
    void flip(int w) {
        used[w >>> 6] ^= 1L << w;
    }

    /** The used nodes as a key that later flips do not change. */
    long[] snapshot() {
        return used.clone();
    }

    /**
     * A lower bound on the stages units a..N still need on unused nodes, each stage's load at
     * most the threshold (0 when a > N).
     */
    int fewestFor(int a, double threshold) {
        if (a > units) {
            return 0;
        }
        int byMemory = fewest(params[a], capacity, 1);
        // a stage at exactly the threshold computes T x speed FLOPs up to rounding: leave it room
        return work == null ? byMemory : Math.max(byMemory, fewest(work[a], speed, threshold * (1 + 1e-9)));
    }

    /** The fewest unused nodes whose per-node amounts (times scale), largest first, add up to need; at least 1. */
    private int fewest(double need, double[] amount, double scale) {
        if (need <= 0) {
            return 1;
        }
        double[] free = new double[nodes];
        int n = 0;
        for (int w = 0; w < nodes; w++) {
            if (!isUsed(w)) {
                double x = amount[w] * scale;
                if (x == Double.POSITIVE_INFINITY) {
                    return 1;
                }
                free[n++] = x;
            }
        }
        Arrays.sort(free, 0, n);
        double left = need;
        for (int i = n - 1, count = 1; i >= 0; i--, count++) {
            left -= free[i];
            if (left <= 1e-9 * need) { // sums in another order than the stage checks: room for rounding
                return count;
            }
        }
        return FewestStages.NONE;
    }
}
