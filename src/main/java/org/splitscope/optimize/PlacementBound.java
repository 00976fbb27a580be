package org.splitscope.optimize;

/**
 * {@link SampleExitSearch}'s bound on the objective with the exits counted inside each placement
 * ({@link PlacementCosts}): under one placement a plan's objective is the sum of its samples'
 * leaving costs (the heads they pass left out), so the least over the placements of such a sum
 * bounds every plan of a subtree. A configuration's sum is all but exact; a prefix's undecided
 * samples are bounded per placement by {@link LeaveBound#leastCost}, or, where one exit is left,
 * by its children's sums ({@link LastExitBound}). Sums are over the samples, not divided.
 */
final class PlacementBound {
    private final double[][] leave; // [placement][exit, then the model's end]
    private final LeaveBound undecided;
    private final LastExitBound last;
    private final int exits;
    private final double[] quick; // [placement]: scratch for prefix
    private final double[] decidedAt;
    private final int[] order;

    PlacementBound(PlacementCosts placements, LeaveBound undecided, LastExitBound last, int exits) {
        this.leave = placements.leave;
        this.undecided = undecided;
        this.last = last;
        this.exits = exits;
        quick = new double[leave.length];
        decidedAt = new double[leave.length];
        order = new int[leave.length];
    }

    /** A configuration: the decided exits' samples at their exits, the rest at the terminal exit (or the end, -1). */
    double configuration(int[] on, int[] counts, int rest, int terminal) {
        double least = Double.POSITIVE_INFINITY;
        for (double[] c : leave) {
            double sum = times(rest, c[terminal >= 0 ? terminal : exits]);
            for (int i = 0; i < counts.length; i++) {
                sum += times(counts[i], c[on[i]]);
            }
            least = Math.min(least, sum);
        }
        return least;
    }

    /**
     * A prefix after {@link LeaveBound#compute}: the decided samples at their exits, the undecided
     * ones by {@link LeaveBound#leastCost} on each placement. A placement is skipped when a quicker
     * bound (the undecided samples leaving as early as {@link LeaveBound#leaveBy} allows) already
     * reaches the least found or the plans kept; where not full, the bound stops at the first
     * placement that may beat the plans kept (the search settles the node when it comes up).
     */
    double prefix(int[] on, int[] counts, int next, int rest, boolean full, double kept) {
        int count = leave.length;
        for (int i = 0; i < count; i++) {
            double[] c = leave[i];
            double decided = 0;
            for (int k = 0; k < on.length; k++) {
                decided += times(counts[k], c[on[k]]);
            }
            double q = decided + times(rest, c[exits]);
            for (int h = next; h < exits; h++) {
                double g = c[h + 1] - c[h];
                if (g > 0) {
                    q -= undecided.leaveBy[h] * g;
                }
            }
            decidedAt[i] = decided;
            quick[i] = q;
            order[i] = i;
        }
        sortByQuick(count);
        double least = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            int i = order[k];
            if (quick[i] >= least || quick[i] >= kept) {
                return Math.min(least, quick[i]); // the rest start no lower
            }
            least = Math.min(least, Math.max(quick[i], decidedAt[i] + undecided.leastCost(leave[i])));
            if (!full && least < kept) {
                return k + 1 < count ? Math.min(least, quick[order[k + 1]]) : least;
            }
        }
        return least;
    }

    /**
     * A prefix that may enable one more exit: {@link LastExitBound#compute}, whose
     * {@link LastExitBound#bound} then holds each child's sum.
     *
     * @param only the one threshold index a child may use (a shared threshold), or -1
     */
    double lastExit(int[] on, int[] at, int[] counts, long[] rest, int correct, int next, int only, double kept, boolean node) {
        for (int i = 0; i < leave.length; i++) {
            double sum = 0;
            for (int j = 0; j < on.length; j++) {
                sum += times(counts[j], leave[i][on[j]]);
            }
            decidedAt[i] = sum;
        }
        return last.compute(on, at, rest, correct, next, only, decidedAt, leave, kept, node);
    }

    private void sortByQuick(int count) {
        for (int a = 1; a < count; a++) {
            int x = order[a];
            int b = a - 1;
            while (b >= 0 && quick[order[b]] > quick[x]) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = x;
        }
    }

    /** Samples times a cost; none leaving costs nothing even where leaving is impossible. */
    static double times(int samples, double cost) {
        return samples == 0 ? 0 : samples * cost;
    }
}
