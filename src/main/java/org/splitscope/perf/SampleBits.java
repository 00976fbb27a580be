package org.splitscope.perf;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.splitscope.model.ExitCriterion;
import org.splitscope.model.SampleStats;

/**
 * Per-sample exit statistics as bit sets, one bit per validation sample, so that the joint
 * outcome of S samples over E enabled exits costs O(S E / 64) word operations instead of S E
 * unpredictable branches. The set of samples that pass an exit at a threshold is computed once
 * (O(S), branch-free) and memoized, because a drag or a sweep keeps revisiting the same few
 * thresholds.
 */
final class SampleBits {
    private static final int MAX_CACHED = 512;

    private final double[][] confidence; // not the record itself: it is the weak key of SHARED
    private final ExitCriterion criterion;
    private final int samples;
    private final long[][] correct; // per exit
    private final long[] correctFinal;
    private final Map<PassKey, long[]> passing = new ConcurrentHashMap<>();

    private record PassKey(int exit, double threshold) {
    }

    /**
     * Shared by every evaluator of the same statistics, so that editing the topology (a new
     * evaluator per edit) keeps the memoized passing sets. Records compare arrays by reference,
     * so the weak keys behave as identities and a replaced profile is simply forgotten.
     */
    private static final Map<SampleStats, SampleBits> SHARED = new java.util.WeakHashMap<>();

    static SampleBits of(SampleStats stats, ExitCriterion criterion) {
        synchronized (SHARED) {
            SampleBits bits = SHARED.get(stats);
            if (bits == null || bits.criterion != criterion) {
                bits = new SampleBits(stats, criterion);
                SHARED.put(stats, bits);
            }
            return bits;
        }
    }

    private SampleBits(SampleStats stats, ExitCriterion criterion) {
        this.confidence = stats.confidence();
        this.criterion = criterion;
        this.samples = stats.sampleCount();
        correct = new long[stats.correct().length][];
        for (int e = 0; e < correct.length; e++) {
            correct[e] = bits(stats.correct()[e]);
        }
        correctFinal = bits(stats.correctFinal());
    }

    int samples() {
        return samples;
    }

    int words() {
        return (samples + 63) >>> 6;
    }

    long[] correct(int exit) {
        return correct[exit];
    }

    long[] correctFinal() {
        return correctFinal;
    }

    /** Every sample as a set, the unused high bits of the last word clear. */
    long[] all() {
        long[] all = new long[words()];
        java.util.Arrays.fill(all, -1L);
        int rest = samples & 63;
        if (rest != 0) {
            all[all.length - 1] = (1L << rest) - 1;
        }
        return all;
    }

    /** The samples whose confidence at the exit passes the threshold. */
    long[] passing(int exit, double threshold) {
        PassKey key = new PassKey(exit, threshold);
        long[] cached = passing.get(key);
        if (cached != null) {
            return cached;
        }
        if (passing.size() >= MAX_CACHED) {
            passing.clear();
        }
        long[] set = new long[words()];
        double[] c = confidence[exit];
        if (criterion == ExitCriterion.MAX_PROB) {
            for (int j = 0; j < samples; j++) {
                set[j >>> 6] |= (c[j] >= threshold ? 1L : 0L) << j;
            }
        } else {
            for (int j = 0; j < samples; j++) {
                set[j >>> 6] |= (c[j] <= threshold ? 1L : 0L) << j;
            }
        }
        passing.put(key, set);
        return set;
    }

    private long[] bits(boolean[] values) {
        long[] set = new long[words()];
        for (int j = 0; j < values.length; j++) {
            if (values[j]) {
                set[j >>> 6] |= 1L << j;
            }
        }
        return set;
    }
}
