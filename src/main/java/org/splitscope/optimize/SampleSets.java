package org.splitscope.optimize;

import java.util.Arrays;
import java.util.List;

import org.splitscope.model.ExitCriterion;
import org.splitscope.model.SampleStats;

/**
 * Per-sample exit statistics as bit sets for {@link SampleExitSearch}: which samples pass each
 * exit at each threshold of the grid (the evaluator's rule: confidence >= threshold for maxProb,
 * normalized entropy <= threshold for entropy), which each exit and the final classifier get
 * right. The search combines them word by word; the evaluator stays the judge of every plan.
 */
final class SampleSets {
    /** Bit-set words the search may keep (128 MB). */
    static final long MAX_WORDS = 16_000_000L;

    final int samples;
    final int words;
    final int exits;
    /** The grid, ascending. */
    final double[] grid;
    final long[][][] pass; // [exit][threshold index]
    final long[][] loosest; // [exit]: passing at some threshold of the grid
    final long[][] ok; // [exit]
    final long[] okFinal;
    final long[][] okFrom; // [i]: right at some exit >= i or at the final classifier; [exits] = okFinal
    final long[] all;

    /** Words the sets of these statistics take, to refuse before allocating them. */
    static long wordsNeeded(SampleStats stats, int thresholds) {
        long w = (stats.sampleCount() + 63L) / 64;
        return w * stats.confidence().length * (thresholds + 3L);
    }

    SampleSets(SampleStats stats, ExitCriterion criterion, List<Double> thresholds) {
        samples = stats.sampleCount();
        words = (samples + 63) >>> 6;
        exits = stats.confidence().length;
        grid = thresholds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        pass = new long[exits][grid.length][];
        loosest = new long[exits][];
        ok = new long[exits][];
        for (int e = 0; e < exits; e++) {
            double[] c = stats.confidence()[e];
            loosest[e] = new long[words];
            for (int t = 0; t < grid.length; t++) {
                long[] set = new long[words];
                for (int s = 0; s < samples; s++) {
                    boolean passes = criterion == ExitCriterion.MAX_PROB ? c[s] >= grid[t] : c[s] <= grid[t];
                    set[s >>> 6] |= (passes ? 1L : 0L) << s;
                }
                pass[e][t] = set;
                or(loosest[e], set);
            }
            ok[e] = bits(stats.correct()[e]);
        }
        okFinal = bits(stats.correctFinal());
        okFrom = new long[exits + 1][];
        okFrom[exits] = okFinal;
        for (int e = exits - 1; e >= 0; e--) {
            okFrom[e] = okFrom[e + 1].clone();
            or(okFrom[e], ok[e]);
        }
        all = new long[words];
        Arrays.fill(all, -1L);
        if ((samples & 63) != 0) {
            all[words - 1] = (1L << (samples & 63)) - 1;
        }
    }

    private long[] bits(boolean[] values) {
        long[] set = new long[words];
        for (int s = 0; s < values.length; s++) {
            if (values[s]) {
                set[s >>> 6] |= 1L << s;
            }
        }
        return set;
    }

    static void or(long[] into, long[] x) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= x[w];
        }
    }

    static int count(long[] x) {
        int n = 0;
        for (long v : x) {
            n += Long.bitCount(v);
        }
        return n;
    }

    static int countAnd(long[] x, long[] y) {
        int n = 0;
        for (int w = 0; w < x.length; w++) {
            n += Long.bitCount(x[w] & y[w]);
        }
        return n;
    }

    static int countAnd(long[] x, long[] y, long[] z) {
        int n = 0;
        for (int w = 0; w < x.length; w++) {
            n += Long.bitCount(x[w] & y[w] & z[w]);
        }
        return n;
    }
}
