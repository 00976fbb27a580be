package org.splitscope.optimize;

import java.util.Arrays;

/**
 * How early the undecided samples of a partial exit configuration can leave, at most, in any
 * completion that can still meet the accuracy floor ({@link SampleExitSearch}'s relaxation).
 *
 * <p>A completion enables at most q more exits after the decided ones, each at a threshold of
 * the grid, and ends at the final classifier or (partial models) at a terminal exit where every
 * remaining sample leaves. For each later exit h this computes an upper bound on the number of
 * remaining samples that leave at or before h: all of them if some terminal at or before h can
 * still meet the floor, else those passing one of at most q enabled exits up to h (at the
 * loosest threshold, so the q largest passing sets), less the ones that would leave wrong though
 * they could still be right later, beyond the accuracy the floor leaves to spare. Such a bound
 * holds at every h, so its suffix minimum (nondecreasing) does too. Whenever the cost of leaving
 * later never falls, spreading the remaining samples by this bound costs no more than any
 * completion does (first-order dominance), which makes the chain program on it a lower bound.
 * O(E W) word operations for E exits and W words of samples, O(E^2 W) at worst for the
 * terminal test.
 */
final class LeaveBound {
    private final SampleSets sets;
    private final long[] lam;
    private final long[] good;
    private final int[] top;
    private final int[] gains; // [h]: remaining samples exit h may let leave right that the final classifier gets wrong
    /** [h]: at most this many of the remaining samples leave at an exit at or before h. */
    final int[] leaveBy;
    /** How many samples any completion can get right, at most (decided ones included). */
    int maxCorrect;
    // for leastCost: [h] the remaining samples passing some exit in [next, h]; the bound without terminals
    private final int[] unionBy;
    private final int[] capBy;
    private final double[] gain;
    private final double[][] reach;
    private final int[] passAt; // [h]: remaining samples that exit h may pass
    private final int[] rightAt; // [h]: remaining samples that exit h may pass and gets right
    private final int[] firstMost; // [h]: at most so many remaining samples leave at h when it is the first exit enabled
    private final int[][] looseFirst; // [h]: the grid's thresholds, loosest first (the passing sets nest)
    private final double[] spare; // [h]: samples that may leave wrong by h beyond those the chosen exits get right (floor)
    private final int[] lateGain; // [h]: remaining samples the final classifier gets wrong that some exit after h may let leave right
    private final long[] lateRight;
    private final double[][][] most; // [j & 1][set][p]: see leastCost
    private final java.util.Map<long[][], int[][][]> beyond = new java.util.IdentityHashMap<>();
    // [set][p][h]: of all samples, those in h's set and not in p's
    // (sets: passing; passing and right; passing, right and wrong at the end)
    private int[][][] newAt;
    private boolean floor;
    private int n;
    private int from;
    private int exitsLeft;
    private int firstTerminal;

    LeaveBound(SampleSets sets) {
        this.sets = sets;
        lam = new long[sets.words];
        good = new long[sets.words];
        top = new int[sets.exits + 1];
        gains = new int[sets.exits];
        leaveBy = new int[sets.exits];
        unionBy = new int[sets.exits];
        capBy = new int[sets.exits];
        gain = new double[sets.exits];
        reach = new double[2][sets.exits];
        most = new double[2][3][sets.exits];
        passAt = new int[sets.exits];
        rightAt = new int[sets.exits];
        spare = new double[sets.exits];
        lateGain = new int[sets.exits];
        lateRight = new long[sets.words];
        firstMost = new int[sets.exits];
        looseFirst = new int[sets.exits][];
        for (int h = 0; h < sets.exits; h++) {
            int[] c = new int[sets.grid.length];
            Integer[] t = new Integer[sets.grid.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = i;
                c[i] = SampleSets.count(sets.pass[h][i]);
            }
            Arrays.sort(t, (x, y) -> Integer.compare(c[y], c[x]));
            looseFirst[h] = Arrays.stream(t).mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * At a floor, the most remaining samples exit h can let leave as the first exit a completion
     * enables: its passers at the loosest threshold at which the samples it takes that are wrong
     * there but right at some later exit or the end do not already sink the floor (every later
     * outcome is at most right there). One threshold where the passes are shared.
     */
    private int firstMost(long[] rest, int correct, int h, long[][] passes, int need) {
        long[] after = sets.okFrom[h + 1];
        long[] ok = sets.ok[h];
        int laterRight = SampleSets.countAnd(rest, after);
        boolean free = passes[h] == sets.loosest[h];
        int[] order = free ? looseFirst[h] : new int[] {-1};
        for (int t : order) {
            long[] p = t < 0 ? passes[h] : sets.pass[h][t];
            int passing = 0;
            int lost = 0;
            int won = 0;
            for (int w = 0; w < rest.length; w++) {
                long x = rest[w] & p[w];
                passing += Long.bitCount(x);
                lost += Long.bitCount(x & after[w] & ~ok[w]);
                won += Long.bitCount(x & ok[w] & ~after[w]);
            }
            if (correct + laterRight - lost + won >= need) {
                return passing;
            }
        }
        return -1;
    }

    /**
     * [set][p][h], h > p: of all samples, those in exit h's set and not in exit p's, for the sets
     * the exits may pass; the exits that pass and get right; and those the final classifier gets
     * wrong too. Once per passes.
     */
    private int[][][] newAt(long[][] passes) {
        return beyond.computeIfAbsent(passes, ps -> {
            int e = sets.exits;
            int[][][] out = new int[3][e][e];
            for (int p = 0; p < e; p++) {
                for (int h = p + 1; h < e; h++) {
                    int[] c = new int[3];
                    for (int w = 0; w < sets.words; w++) {
                        long inH = ps[h][w];
                        long inP = ps[p][w];
                        long rightH = inH & sets.ok[h][w];
                        long rightP = inP & sets.ok[p][w];
                        c[0] += Long.bitCount(inH & ~inP);
                        c[1] += Long.bitCount(rightH & ~rightP);
                        c[2] += Long.bitCount(rightH & ~sets.okFinal[w] & ~(rightP & ~sets.okFinal[w]));
                    }
                    for (int k = 0; k < 3; k++) {
                        out[k][p][h] = c[k];
                    }
                }
            }
            return out;
        });
    }

    /**
     * @param rest     the samples no decided exit takes
     * @param correct  samples the decided exits get right
     * @param next     the first exit a completion may enable
     * @param exitsLeft how many more exits a completion may enable
     * @param passes   [h]: the samples exit h may pass (loosest threshold, or the shared one)
     * @param partial  whether a completion may end at a terminal exit
     * @param need     samples that must be right (the floor), or Integer.MIN_VALUE
     * @return false when no completion can meet the floor
     */
    boolean compute(long[] rest, int correct, int next, int exitsLeft, long[][] passes, boolean partial, int need) {
        n = SampleSets.count(rest);
        from = next;
        newAt = newAt(passes);
        firstTerminal = -1;
        int e = sets.exits;
        this.exitsLeft = Math.min(exitsLeft, e);
        Arrays.fill(lam, 0);
        Arrays.fill(good, 0);
        int q = Math.min(exitsLeft, e);
        int kept = 0; // top[0..kept): the largest passing counts so far, descending
        int topSum = 0;
        boolean terminal = false;
        floor = need != Integer.MIN_VALUE;
        if (q == 0) {
            return noExitsLeft(rest, correct, next, partial, need);
        }
        int endRight = SampleSets.countAnd(rest, sets.okFinal);
        if (floor && !partial) {
            lateGains(rest, next, passes);
        }
        for (int h = next; h < e; h++) {
            long[] ok = sets.ok[h];
            if (partial && !terminal) {
                terminal = !floor || terminalMeets(rest, correct, next, h, q, passes, need);
                if (terminal) {
                    firstTerminal = h;
                }
            }
            long[] p = passes[h];
            int passing = 0;
            int gain = 0;
            for (int w = 0; w < lam.length; w++) {
                long x = rest[w] & p[w];
                passing += Long.bitCount(x);
                lam[w] |= x;
                good[w] |= x & ok[w];
                gain += Long.bitCount(x & ok[w] & ~sets.okFinal[w]);
            }
            gains[h] = gain;
            passAt[h] = passing;
            rightAt[h] = SampleSets.countAnd(rest, p, ok);
            firstMost[h] = floor && this.exitsLeft > 0 ? firstMost(rest, correct, h, passes, need) : passing;
            if (q > 0) {
                int at = Math.min(kept, q - 1);
                if (kept < q || passing > top[at]) {
                    if (kept < q) {
                        kept++;
                    } else {
                        topSum -= top[at];
                    }
                    int i = kept - 1;
                    while (i > 0 && top[i - 1] < passing) {
                        top[i] = top[i - 1];
                        i--;
                    }
                    top[i] = passing;
                    topSum += passing;
                }
            }
            int left = SampleSets.count(lam);
            int cap = Math.min(left, topSum);
            int byB;
            if (!floor) {
                byB = cap;
            } else {
                long[] after = sets.okFrom[h + 1];
                int most = 0;
                int free = 0;
                int hopeless = 0;
                int later = 0;
                int wrongAtEnd = 0;
                for (int w = 0; w < lam.length; w++) {
                    wrongAtEnd += Long.bitCount(lam[w] & ~sets.okFinal[w]);
                    long keepsRight = good[w] | after[w];
                    most += Long.bitCount(rest[w] & keepsRight);
                    free += Long.bitCount(lam[w] & (good[w] | ~after[w]));
                    hopeless += Long.bitCount(lam[w] & ~after[w]);
                    later += Long.bitCount(rest[w] & after[w]);
                }
                spare[h] = correct + later + hopeless - need;
                if (!partial) {
                    // every completion ends at the final classifier: a sample that stays past h is right only
                    // there or by leaving right at a later exit, which the final classifier may get wrong
                    spare[h] = Math.min(spare[h], correct + endRight + lateGain[h] - need + wrongAtEnd);
                }
                int slack = correct + most - need;
                byB = slack < 0 ? -1 : Math.min(cap, free + Math.min(left - free, slack));
            }
            if (!floor) {
                spare[h] = Double.POSITIVE_INFINITY;
            }
            leaveBy[h] = terminal ? n : byB;
            if (leaveBy[h] < 0) {
                return false;
            }
            unionBy[h] = left;
            capBy[h] = Math.max(0, byB); // larger only loosens: a bound still
        }
        for (int h = e - 2; h >= next; h--) {
            leaveBy[h] = Math.min(leaveBy[h], leaveBy[h + 1]);
            if (firstTerminal < 0 || h + 1 < firstTerminal) {
                // a completion that ends at a terminal t lets every sample leave by t: a cap from t on bounds only the others
                capBy[h] = Math.min(capBy[h], capBy[h + 1]);
            }
        }
        maxCorrect = correct + (partial ? SampleSets.countAnd(rest, sets.okFrom[Math.min(next, e)]) : rightWithoutTerminal(rest, next, q));
        return !floor || maxCorrect >= need;
    }

    /** {@link #lateGain} from next on: one pass from the last exit back. */
    private void lateGains(long[] rest, int next, long[][] passes) {
        Arrays.fill(lateRight, 0);
        for (int h = sets.exits - 1; h >= next; h--) {
            int c = 0;
            for (int w = 0; w < lateRight.length; w++) {
                c += Long.bitCount(rest[w] & lateRight[w] & ~sets.okFinal[w]);
                lateRight[w] |= passes[h][w] & sets.ok[h][w];
            }
            lateGain[h] = c;
        }
    }

    /**
     * A lower bound on the summed cost of the remaining samples after {@link #compute}, when a
     * request leaving at exit h costs at least {@code cost[h]} ({@code cost[exits]}: the final
     * classifier), nondecreasing: the least over every choice of at most exitsLeft further exit
     * positions (and a terminal where one may meet the floor) of the cost when the samples leave
     * as early as those positions allow. By h, at most the samples in the union of the chosen
     * exits' passing sets up to h have left: the first one's own set, then per next chosen exit
     * what its set adds to the previous one's (and no more than all exits in between pass, and
     * the bound without terminals); before the first, none; from a terminal on, all. At a floor
     * also at most the chosen exits' right leavers (counted the same way), the hopeless ones and
     * the wrong ones the floor can spare, and until the second chosen exit no more than the first
     * one passes at the loosest threshold that can still meet the floor. Each state (positions chosen, last position) keeps the
     * most of every count over the ways into it, which only loosens. {@link #leaveBy} lets the
     * samples leave at every exit they pass, which three exits cannot do. O(exitsLeft E^2).
     * Negative infinity where a cost is not finite.
     */
    double leastCost(double[] cost) {
        int e = sets.exits;
        if (n == 0) {
            return 0;
        }
        for (int h = from; h <= e; h++) {
            if (!Double.isFinite(cost[h])) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        for (int h = from; h < e; h++) {
            gain[h] = Math.max(0, cost[h + 1] - cost[h]); // what leaving by h saves on leaving at h + 1
        }
        // the saving of a terminal at t from there on: all n samples leave by every later h
        double best = firstTerminal >= 0 ? n * (cost[e] - cost[firstTerminal]) : 0;
        // reach[j&1][p]: the most saved before p when the j-th chosen exit is at p; most[j&1][k][p]:
        // at most so many remaining samples are in the union of the chosen exits' k-th sets (see newAt)
        double[] cur = reach[0];
        double[] nxt = reach[1];
        double[][] lab = most[0];
        double[][] nextLab = most[1];
        for (int p = from; p < e; p++) {
            cur[p] = 0;
            lab[0][p] = passAt[p];
            lab[1][p] = rightAt[p];
            lab[2][p] = gains[p];
        }
        for (int j = 1; j <= exitsLeft; j++) {
            boolean more = j < exitsLeft; // the last chosen exit has no next one to reach
            for (int p = from; p < e; p++) {
                nxt[p] = Double.NEGATIVE_INFINITY;
                nextLab[0][p] = 0;
                nextLab[1][p] = 0;
                nextLab[2][p] = 0;
            }
            for (int p = from; p < e; p++) {
                double base = cur[p];
                if (base == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double seg = 0;
                double passed = Math.min(unionBy[p], lab[0][p]);
                if (j == 1 && firstMost[p] < 0) {
                    continue; // no threshold lets it be the first one and meet the floor
                }
                // until the next chosen exit: the first one's passers at a threshold that can meet the floor
                double until = j == 1 ? Math.min(passed, firstMost[p]) : passed;
                double right = lab[1][p];
                double gained = lab[2][p];
                int[] fresh = newAt[0][p];
                int[] freshRight = newAt[1][p];
                int[] freshGained = newAt[2][p];
                for (int h = p; h < e; h++) {
                    // the right leavers, the hopeless ones, and as many wrong ones as the floor spares
                    double leaving = Math.min(Math.min(capBy[h], until), right + gained + spare[h]);
                    seg += Math.max(0, leaving) * gain[h];
                    if (h + 1 < e && more) {
                        nxt[h + 1] = Math.max(nxt[h + 1], base + seg); // the next chosen exit at h + 1
                        nextLab[0][h + 1] = Math.max(nextLab[0][h + 1], Math.min(unionBy[h + 1], passed + fresh[h + 1]));
                        nextLab[1][h + 1] = Math.max(nextLab[1][h + 1], right + freshRight[h + 1]);
                        nextLab[2][h + 1] = Math.max(nextLab[2][h + 1], gained + freshGained[h + 1]);
                    }
                    if (h + 1 < e && firstTerminal >= 0 && h + 1 >= firstTerminal) {
                        best = Math.max(best, base + seg + n * (cost[e] - cost[h + 1])); // a terminal at h + 1
                    }
                }
                best = Math.max(best, base + seg); // no later exit: the rest run to the end
            }
            if (j < exitsLeft) {
                double[] x = cur;
                cur = nxt;
                nxt = x;
                double[][] y = lab;
                lab = nextLab;
                nextLab = y;
            }
        }
        return n * cost[e] - best;
    }

    /**
     * {@link #compute} where no more exits may be enabled: no remaining sample leaves before the
     * end, a terminal exit where its own right samples can meet the floor (partial models).
     */
    private boolean noExitsLeft(long[] rest, int correct, int next, boolean partial, int need) {
        int e = sets.exits;
        for (int h = next; h < e; h++) {
            if (partial && firstTerminal < 0 && (!floor || correct + SampleSets.countAnd(rest, sets.ok[h]) >= need)) {
                firstTerminal = h;
            }
            leaveBy[h] = firstTerminal >= 0 ? n : 0;
            unionBy[h] = 0;
            capBy[h] = 0;
        }
        maxCorrect = correct + SampleSets.countAnd(rest, partial ? sets.okFrom[Math.min(next, e)] : sets.okFinal);
        return !floor || maxCorrect >= need;
    }

    /**
     * Without partial models a sample ends right at the final classifier or by leaving right at
     * one of at most q more exits: at most the samples right at the end plus the q largest gains,
     * and at most those some exit could let leave right or the end gets right.
     */
    private int rightWithoutTerminal(long[] rest, int next, int q) {
        int[] g = Arrays.copyOfRange(gains, Math.min(next, sets.exits), sets.exits);
        Arrays.sort(g);
        int most = SampleSets.countAnd(rest, sets.okFinal);
        for (int i = g.length - 1; i >= Math.max(0, g.length - q); i--) {
            most += g[i];
        }
        return Math.min(most, countGoodOrFinal(rest));
    }

    private int countGoodOrFinal(long[] rest) {
        int c = 0;
        for (int w = 0; w < rest.length; w++) {
            c += Long.bitCount(rest[w] & (good[w] | sets.okFinal[w]));
        }
        return c;
    }

    /**
     * Whether a completion ending at terminal exit t can meet the floor, at best: every sample
     * right at t, plus at most one more per sample some earlier enabled exit could let leave
     * right, and per exit at most the samples it passes that it gets right and t does not.
     */
    private boolean terminalMeets(long[] rest, int correct, int next, int t, int q, long[][] passes, int need) {
        long[] okT = sets.ok[t];
        int atT = SampleSets.countAnd(rest, okT);
        if (correct + atT >= need) {
            return true;
        }
        int gainable = 0;
        for (int w = 0; w < good.length; w++) {
            gainable += Long.bitCount(good[w] & ~okT[w]);
        }
        if (q == 0 || correct + atT + gainable < need) {
            return false;
        }
        int[] gains = new int[t - next];
        for (int i = next; i < t; i++) {
            long[] p = passes[i];
            long[] ok = sets.ok[i];
            int g = 0;
            for (int w = 0; w < rest.length; w++) {
                g += Long.bitCount(rest[w] & p[w] & ok[w] & ~okT[w]);
            }
            gains[i - next] = g;
        }
        Arrays.sort(gains);
        int sum = 0;
        for (int i = gains.length - 1; i >= Math.max(0, gains.length - q); i--) {
            sum += gains[i];
        }
        return correct + atT + Math.min(gainable, sum) >= need;
    }
}
