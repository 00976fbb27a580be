package org.splitscope.optimize;

import java.util.Arrays;

/**
 * The bounds of every child of a prefix that enables its last exit ({@link SampleExitSearch}):
 * with no exit left after it, a child's completions only choose where the model ends, so its
 * samples' outcomes are known but for that end. The exit at h with threshold t lets its passers
 * leave there; the rest all leave at the end, the final classifier or (partial models) a
 * terminal exit after h. On a placement whose leaving costs do not fall with depth
 * ({@link PlacementCosts}) the earliest end that can meet the accuracy floor is the cheapest, so
 * the least over the placements of the samples' leaving costs with that end bounds every
 * completion of the child, all but exactly (only the heads the samples pass are left out).
 *
 * <p>All children of a node are bounded together: the rest's right samples at each end are
 * counted once, an end whose right samples alone cannot meet the floor is skipped without
 * counting, so a child costs a few passes over the samples' words instead of a node of its own.
 * Nothing is counted where the least leaving costs already reach the cut (the plans kept, or for
 * the node's own bound the least found): for the node when every sample left leaves at its first
 * exit, for an exit when its loosest passers leave there and the rest at its earliest end, for a
 * child from the first end on whose costs reach it.
 */
final class LastExitBound {
    private final SampleSets sets;
    private final int need;
    private final boolean partial;
    private final int[] rightAt; // [end]: the rest's samples right there (exits, then the final classifier)
    private final int[] mostRightFrom; // [end]: the most of rightAt at an end from there on (where partial)
    /** [h][t] after {@link #compute}: the child's bound, summed over the samples; +infinity where no end meets the floor. */
    final double[][] bound;
    // of all samples: [h][t] passing; [h][t][x] passing and right at x (x > h; the final classifier last); [x] right at x
    private final int[][] passing;
    private final int[] mostPassing; // [h]: the most passing at any threshold
    private final int[][][] passingRight;
    private final int[] rightAll;
    /** Exit-threshold pairs counted at most for {@link #outside}. */
    private static final long MAX_PAIRS = 4_000_000;
    /** [a][b] (exit and threshold as h * grid + t, a's exit before b's): of all samples, those a passes and b does not; null when too many. */
    private final int[][] outside;
    private double[] leastLeave; // [exit, then the end]: the least leaving cost over the placements
    private double[][] leastOf;
    /** Children counted by the last {@link #compute}. */
    int children;
    private double[] decidedAt;
    private double[][] leave;
    private int lastBelow; // the placement that last came in below the cut (leastUnless)

    LastExitBound(SampleSets sets, int need, boolean partial) {
        this.sets = sets;
        this.need = need;
        this.partial = partial;
        rightAt = new int[sets.exits + 1];
        mostRightFrom = new int[sets.exits + 1];
        bound = new double[sets.exits][sets.grid.length];
        passing = new int[sets.exits][sets.grid.length];
        passingRight = new int[sets.exits][sets.grid.length][];
        rightAll = new int[sets.exits + 1];
        mostPassing = new int[sets.exits];
        for (int h = 0; h < sets.exits; h++) {
            for (int t = 0; t < sets.grid.length; t++) {
                passing[h][t] = SampleSets.count(sets.pass[h][t]);
                mostPassing[h] = Math.max(mostPassing[h], passing[h][t]);
            }
        }
        int kinds = sets.exits * sets.grid.length;
        outside = (long) kinds * kinds > MAX_PAIRS ? null : new int[kinds][];
        for (int x = 0; x <= sets.exits; x++) {
            rightAll[x] = SampleSets.count(x < sets.exits ? sets.ok[x] : sets.okFinal);
        }
    }

    /** {@link #outside}'s row for exit-threshold a, counted when first needed (a search may never need it). */
    private int[] outside(int a) {
        int[] row = outside[a];
        if (row == null) {
            int kinds = outside.length;
            long[] pa = sets.pass[a / sets.grid.length][a % sets.grid.length];
            row = new int[kinds];
            for (int b = (a / sets.grid.length + 1) * sets.grid.length; b < kinds; b++) {
                long[] pb = sets.pass[b / sets.grid.length][b % sets.grid.length];
                int c = 0;
                for (int w = 0; w < pa.length; w++) {
                    c += Long.bitCount(pa[w] & ~pb[w]);
                }
                row[b] = c;
            }
            outside[a] = row;
        }
        return row;
    }

    /** {@link #passingRight}'s entries for exit h at threshold t, counted when first needed. */
    private int[] passingRight(int h, int t) {
        int[] row = passingRight[h][t];
        if (row == null) {
            long[] pass = sets.pass[h][t];
            row = new int[sets.exits + 1];
            for (int x = h; x <= sets.exits; x++) {
                row[x] = SampleSets.countAnd(pass, x < sets.exits ? sets.ok[x] : sets.okFinal);
            }
            passingRight[h][t] = row;
        }
        return row;
    }

    /**
     * Bounds the children and the node's own configurations (no further exit). A child is first
     * bounded with as many samples leaving at h as pass there (of all samples) but those the decided
     * exits took (all they took but those outside the passers, by the counts of the exits' pairs),
     * the rest at the next end, which needs no counting; only where that stays below the cut are
     * its samples counted.
     *
     * @param on        the decided exits
     * @param at        their threshold indexes
     * @param rest      the samples no decided exit takes
     * @param correct   samples the decided exits get right
     * @param next      the first exit a child may enable
     * @param only      the one threshold index a child may use (a shared threshold), or -1 for every one
     * @param decidedAt [placement]: the decided exits' samples' summed leaving cost there
     * @param leave     [placement][exit, then the model's end]: one request's leaving cost, nondecreasing
     * @param kept      the plans kept (summed): a child bound at or above it needs no more counting
     * @param node      for the node's own bound: a child at or above the least found needs no more
     *                  counting either, and each end is the first that the counts cannot rule out
     *                  without counting the passers right there; else (the children to queue) an
     *                  end below kept is counted exactly
     * @return the least bound of the node's completions, summed over the samples (+infinity: none meets the floor)
     */
    double compute(int[] on, int[] at, long[] rest, int correct, int next, int only, double[] decidedAt, double[][] leave,
            double kept, boolean node) {
        int e = sets.exits;
        int n = SampleSets.count(rest);
        this.decidedAt = decidedAt;
        this.leave = leave;
        if (leastOf != leave) {
            leastOf = leave;
            lastBelow = 0;
            leastLeave = new double[e + 1];
            Arrays.fill(leastLeave, Double.POSITIVE_INFINITY);
            for (double[] c : leave) {
                for (int x = 0; x <= e; x++) {
                    leastLeave[x] = Math.min(leastLeave[x], c[x]);
                }
            }
        }
        double leastDecided = Double.POSITIVE_INFINITY;
        for (double d : decidedAt) {
            leastDecided = Math.min(leastDecided, d);
        }
        int takenAll = sets.samples - n; // the samples the decided exits took
        children = 0;
        // every sample left leaves at next or later: where that alone reaches the plans kept, nothing needs counting
        double earliest = leastDecided + times(n, leastLeave[next]);
        if (earliest < kept) {
            earliest = cost(-1, 0, next, n);
        }
        if (!(earliest < kept)) {
            for (int h = next; h < e; h++) {
                for (int t = 0; t < sets.grid.length; t++) {
                    bound[h][t] = only < 0 || t == only ? earliest : Double.POSITIVE_INFINITY;
                }
                children += only < 0 ? sets.grid.length : 1;
            }
            return earliest;
        }
        boolean floor = need != Integer.MIN_VALUE;
        if (floor) {
            for (int x = next; x < e; x++) {
                rightAt[x] = SampleSets.countAnd(rest, sets.ok[x]);
            }
            rightAt[e] = SampleSets.countAnd(rest, sets.okFinal);
            mostRightFrom[e] = rightAt[e];
            for (int x = e - 1; x >= next; x--) {
                mostRightFrom[x] = Math.max(rightAt[x], partial ? mostRightFrom[x + 1] : rightAt[e]);
            }
        }
        // the node's own configurations: every sample left runs to the end
        int ownEnd = partial && next < e ? next : e;
        while (floor && ownEnd <= e && correct + rightAt[ownEnd] < need) {
            ownEnd = ownEnd < e && partial ? ownEnd + 1 : e + 1;
        }
        double least = ownEnd > e ? Double.POSITIVE_INFINITY : cost(-1, 0, ownEnd, n);
        double skipped = Double.POSITIVE_INFINITY; // the least quick bound of the children not counted
        int[][] outsideRows = new int[outside == null ? 0 : on.length][];
        for (int i = 0; i < outsideRows.length; i++) {
            outsideRows[i] = outside(on[i] * sets.grid.length + at[i]);
        }
        for (int h = next; h < e; h++) {
            Arrays.fill(bound[h], Double.POSITIVE_INFINITY);
            long[] ok = sets.ok[h];
            int firstEnd = partial && h + 1 < e ? h + 1 : e;
            // no end before one where the rest's right samples at h and there may meet the floor, whatever the threshold
            int from = firstEnd;
            while (floor && from < e && correct + rightAt[h] + rightAt[from] < need) {
                from++;
            }
            // every threshold at once: no child lets more leave at h than its loosest passers, nor ends before from
            double cut = node ? Math.min(kept, least) : kept;
            int loosest = Math.min(n, only >= 0 ? passing[h][only] : mostPassing[h]);
            double everyThreshold = leastDecided + times(loosest, leastLeave[h]) + times(n - loosest, leastLeave[from]);
            if (everyThreshold < cut) {
                everyThreshold = leastUnless(h, loosest, from, n - loosest, cut);
            }
            if (!(everyThreshold < cut)) {
                for (int t = 0; t < sets.grid.length; t++) {
                    if (only < 0 || t == only) {
                        children++;
                        bound[h][t] = everyThreshold;
                    }
                }
                skipped = Math.min(skipped, everyThreshold);
                continue;
            }
            for (int t = 0; t < sets.grid.length; t++) {
                if (only >= 0 && t != only) {
                    continue;
                }
                children++;
                // the passers the decided exits took: all they took but those outside the passers
                int outsideAll = 0;
                for (int[] row : outsideRows) {
                    outsideAll += row[h * sets.grid.length + t];
                }
                int most = Math.min(n, passing[h][t] - (outside == null ? 0 : Math.max(0, takenAll - outsideAll)));
                cut = node ? Math.min(kept, least) : kept;
                double atH = leastDecided + times(most, leastLeave[h]);
                int end = floor ? firstEnd(h, t, from, correct, most, takenAll, outside == null ? takenAll : outsideAll,
                        atH, n - most, cut) : firstEnd;
                if (end < 0) {
                    continue; // no end can meet the floor
                }
                double quick = atH + times(n - most, leastLeave[end]);
                if (quick < cut) {
                    quick = leastUnless(h, most, end, n - most, cut);
                }
                if (!(quick < cut)) {
                    bound[h][t] = quick;
                    skipped = Math.min(skipped, quick);
                    continue;
                }
                long[] pass = sets.pass[h][t];
                int leaving = 0;
                int right = 0;
                for (int w = 0; w < rest.length; w++) {
                    long x = rest[w] & pass[w];
                    leaving += Long.bitCount(x);
                    right += Long.bitCount(x & ok[w]);
                }
                double b = floor ? atFloor(rest, pass, correct + right, h, t, leaving, n - leaving, node ? Double.NEGATIVE_INFINITY : kept)
                        : cost(h, leaving, firstEnd, n - leaving);
                bound[h][t] = b;
                least = Math.min(least, b);
            }
        }
        return Math.min(least, skipped);
    }

    /**
     * The first end from {@code from} on (terminal exits, then the final classifier) that the counts of all
     * samples cannot rule out for exit h at threshold t: at most {@code most} of the rest leave at
     * h, of the passers right at h or at the end the decided exits took at most those they took
     * (and at least those they took but those outside the passers); -1 where no end can meet the
     * floor. The search stops at an end where the least leaving costs ({@code atH} for the
     * decided samples and those leaving at h, the {@code staying} ones at that end) reach the cut:
     * every end ruled out before it, the child's best end is no earlier, so that bound holds.
     */
    private int firstEnd(int h, int t, int from, int correct, int most, int takenAll, int outsideAll, double atH,
            int staying, double cut) {
        int e = sets.exits;
        int[] passersRight = passingRight(h, t);
        int takenPassing = Math.min(takenAll, passing[h][t]);
        int rightAtH = Math.min(most, passersRight[h] - Math.max(0, rightAll[h] - rightAt[h] - outsideAll));
        if (correct + rightAtH + mostRightFrom[from] < need) {
            return -1; // not even with every sample of the rest right at its best end
        }
        for (int x = from; x <= e; x++) {
            if (!(atH + times(staying, leastLeave[x]) < cut)) {
                return x;
            }
            int lostAtLeast = passersRight[x] - Math.min(takenPassing, rightAll[x] - rightAt[x]);
            if (correct + rightAtH + rightAt[x] - Math.max(0, lostAtLeast) >= need) {
                return x;
            }
        }
        return -1;
    }

    /**
     * The child's bound with the first end after h (terminal exits, then the final classifier)
     * at which the samples that do not pass may meet the floor: an end is counted exactly only
     * while the bound with it stays below kept (-infinity: none, each end is the first the counts
     * of all samples cannot rule out).
     */
    private double atFloor(long[] rest, long[] pass, int rightSoFar, int h, int t, int leaving, int staying, double kept) {
        int e = sets.exits;
        int taken = passing[h][t] - leaving; // passers that the decided exits took
        int[] passersRight = passingRight(h, t);
        for (int x = h + 1; x < e && partial; x++) {
            // the passers right at x leave at h: of all of them, at most the decided exits' took some
            int lostAtLeast = passersRight[x] - Math.min(taken, rightAll[x] - rightAt[x]);
            if (rightSoFar + rightAt[x] - Math.max(0, lostAtLeast) < need) {
                continue;
            }
            double b = cost(h, leaving, x, staying);
            if (!(b < kept)) {
                return b; // every later end costs no less
            }
            long[] ok = sets.ok[x];
            int lost = 0;
            for (int w = 0; w < rest.length; w++) {
                lost += Long.bitCount(rest[w] & pass[w] & ok[w]);
            }
            if (rightSoFar + rightAt[x] - lost >= need) {
                return b;
            }
        }
        int rightAtEndPassing = SampleSets.countAnd(rest, pass, sets.okFinal);
        return rightSoFar + rightAt[e] - rightAtEndPassing >= need ? cost(h, leaving, e, staying) : Double.POSITIVE_INFINITY;
    }

    /**
     * {@link #cost} where only a value at or above the cut is used: the first placement below it
     * ends the search (the placement that did so last is tried first), and that value, not the
     * least, is returned.
     */
    private double leastUnless(int h, int leaving, int end, int staying, double cut) {
        double least = Double.POSITIVE_INFINITY;
        for (int k = 0; k < leave.length; k++) {
            int p = k == 0 ? lastBelow : k == lastBelow ? 0 : k;
            double[] c = leave[p];
            double sum = decidedAt[p] + times(leaving, c[h]) + times(staying, c[end]);
            if (sum < cut) {
                lastBelow = p;
                return sum;
            }
            least = Math.min(least, sum);
        }
        return least;
    }

    /** The least over the placements of the samples' leaving costs: the decided ones, those leaving at h, the rest at end. */
    private double cost(int h, int leaving, int end, int staying) {
        double least = Double.POSITIVE_INFINITY;
        for (int p = 0; p < leave.length; p++) {
            double[] c = leave[p];
            double sum = decidedAt[p] + (h < 0 ? 0 : times(leaving, c[h])) + times(staying, c[end]);
            least = Math.min(least, sum);
        }
        return least;
    }

    private static double times(int samples, double cost) {
        return PlacementBound.times(samples, cost);
    }
}
