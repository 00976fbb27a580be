package org.splitscope.optimize;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.splitscope.perf.Tolerance;

/**
 * The previous exits with which a plan through a state of a nested {@link ExitGraph} may still
 * meet an accuracy floor within an upper bound, and the least objective such a plan can have:
 * the best over the multipliers of the Lagrangian bounds (prefix {@link ExitBounds} plus the
 * scalar program's suffix value), with the most accuracy it can have (prefix plus suffix) at
 * least the floor. These do not depend on the guessed upper bounds of {@link ExitDp#closeGap},
 * so they are found once per floor, for the highest bound there will be (the hull's plan); each
 * guess then reads a short list per state instead of every previous exit of every state, which
 * on PORTEND's ResNet-110 keeps about one in a thousand.
 */
final class ThroughBounds {
    private final ExitGraph g;
    /** [x][(a pairs + ns)]: where the state's previous exits start in kappa[x] and bound[x]; one more entry ends the last. */
    private final int[][] from;
    /** [x][]: the previous exits kept, by rising rate within a state. */
    private final int[][] kappa;
    /** [x][]: their least objective, rounded down. */
    private final float[][] bound;
    /** Tolerance on the objective bound, as wide as the loosest multiplier's. */
    private final double slack;

    /**
     * @param most the highest upper bound that will be asked (the hull's plan)
     * @param prefixes forward Lagrangian values per multiplier
     * @param suffixes the scalar program's suffix values per multiplier (null entries where not recorded)
     * @param prefixAccuracy forward values with ca = 1 alone (minus the most accuracy a prefix adds)
     * @param suffixAccuracy the scalar program's suffix values with ca = 1 alone, or null (no accuracy bound)
     */
    ThroughBounds(ExitGraph graph, double floor, double most, double[] multipliers, ExitBounds[] prefixes,
                  StateValues[] suffixes, ExitBounds prefixAccuracy, StateValues suffixAccuracy) {
        this.g = graph;
        int last = g.last;
        from = new int[last + 1][];
        kappa = new int[last + 1][];
        bound = new float[last + 1][];
        slack = Arrays.stream(multipliers).max().orElse(0);
        IntStream.rangeClosed(1, last).parallel().forEach(x -> keep(x, floor, most, multipliers, prefixes, suffixes,
                prefixAccuracy, suffixAccuracy));
    }

    private void keep(int x, double floor, double most, double[] multipliers, ExitBounds[] prefixes, StateValues[] suffixes,
                      ExitBounds prefixAccuracy, StateValues suffixAccuracy) {
        int kEnd = g.kappaEnd[x];
        int[] byRate = Arrays.stream(g.kappaByRate).filter(k -> k < kEnd).toArray();
        int blocks = (x + 1) * g.pairs;
        int[] start = new int[blocks + 1];
        int[] kept = new int[16];
        float[] least = new float[16];
        int count = 0;
        StateValues before = prefixAccuracy.values();
        double tolerance = 1e-9 * (Math.abs(most) + slack);
        int bounded = 0; // the multipliers with suffix values
        for (StateValues q : suffixes) {
            bounded += q == null ? 0 : 1;
        }
        StateValues[] prefix = new StateValues[bounded];
        StateValues[] suffix = new StateValues[bounded];
        double[] atFloor = new double[bounded];
        for (int j = 0, m = 0; j < multipliers.length; j++) {
            if (suffixes[j] != null) {
                prefix[m] = prefixes[j].values();
                suffix[m] = suffixes[j];
                atFloor[m++] = multipliers[j] * floor;
            }
        }
        double[] lagrangian = new double[kEnd];
        for (int block = g.pairs; block < blocks; block++) { // a >= 1
            start[block] = count;
            // a row that no prefix or (with the accuracy bound) no suffix reaches is infinite: nothing to keep
            int accBefore = before.row(x, block);
            int accAfter = suffixAccuracy == null ? 0 : suffixAccuracy.row(x, block);
            if (accBefore < 0 || accAfter < 0) {
                continue;
            }
            // the best Lagrangian bound of every previous exit first, in memory order (branch-free, vectorized)
            Arrays.fill(lagrangian, Double.NEGATIVE_INFINITY);
            boolean reached = true;
            for (int j = 0; j < bounded && reached; j++) {
                int p = prefix[j].row(x, block);
                int q = suffix[j].row(x, block);
                reached = p >= 0 && q >= 0;
                if (reached) {
                    float[] pv = prefix[j].values(x);
                    float[] qv = suffix[j].values(x);
                    double add = atFloor[j];
                    for (int k = 0; k < kEnd; k++) {
                        lagrangian[k] = Math.max(lagrangian[k], (double) pv[p + k] + add + qv[q + k]);
                    }
                }
            }
            if (!reached) {
                continue; // one multiplier's bound is infinite throughout
            }
            float[] beforeValues = before.values(x);
            float[] afterValues = suffixAccuracy == null ? null : suffixAccuracy.values(x);
            for (int k : byRate) {
                double b = lagrangian[k];
                if (b - most > tolerance) {
                    continue;
                }
                float prefixAcc = beforeValues[accBefore + k];
                if (prefixAcc == Float.POSITIVE_INFINITY) {
                    continue; // no prefix leads here
                }
                if (afterValues != null) {
                    float suffixAcc = afterValues[accAfter + k];
                    double acc = -((double) prefixAcc + suffixAcc); // both are minus accuracies rounded down
                    if (suffixAcc == Float.POSITIVE_INFINITY || acc < floor && Tolerance.less(acc, floor)) {
                        continue;
                    }
                }
                if (count == kept.length) {
                    kept = Arrays.copyOf(kept, 2 * count);
                    least = Arrays.copyOf(least, 2 * count);
                }
                kept[count] = k;
                least[count++] = ExitBounds.down(b);
            }
        }
        start[blocks] = count; // the blocks below a = 1 hold none
        from[x] = start;
        kappa[x] = Arrays.copyOf(kept, count);
        bound[x] = Arrays.copyOf(least, count);
    }

    /** Where state (x, a, ns)'s previous exits start in {@link #kappa(int)} and {@link #bound(int)}. */
    int first(int x, int a, int ns) {
        return from[x][a * g.pairs + ns];
    }

    /** Where state (x, a, ns)'s previous exits end. */
    int end(int x, int a, int ns) {
        return from[x][a * g.pairs + ns + 1];
    }

    int[] kappa(int x) {
        return kappa[x];
    }

    /** Whether a kept previous exit's plans may be within the upper bound. */
    boolean within(int x, int at, double upper) {
        return !(bound[x][at] - upper > 1e-9 * (Math.abs(upper) + slack));
    }
}
