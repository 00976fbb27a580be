package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.SampleStats;

/**
 * {@link LastExitBound} against every completion of random small instances: decided exits take
 * their passers, one more exit at any threshold, then a terminal exit or the final classifier,
 * the summed leaving costs on a few placements whose costs do not fall with depth.
 */
class LastExitBoundTest {
    private static final List<Double> GRID = List.of(0.3, 0.6, 0.9);

    @Test
    void countedChildrenAreExactAndTheNodeBoundIsAtMostEveryCompletion() {
        Random r = new Random(1414);
        int floors = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int samples = 1 + r.nextInt(90);
            int exits = 2 + r.nextInt(5);
            SampleStats stats = RandomSamples.draw(r, samples, exits, 0.3, 0.6);
            SampleSets sets = new SampleSets(stats, ExitCriterion.MAX_PROB, GRID);
            Decided d = Decided.draw(r, stats, sets, samples, exits);
            int[] on = d.on();
            int[] at = d.at();
            int next = d.next();
            long[] rest = d.rest();
            int right = d.right();
            boolean partial = r.nextBoolean();
            int need = r.nextBoolean() ? Integer.MIN_VALUE : r.nextInt(samples + 1);
            floors += need == Integer.MIN_VALUE ? 0 : 1;
            double[][] leave = leaveCosts(r, exits);
            double[] decidedAt = decidedAt(sets, on, at, samples, leave);
            LastExitBound bound = new LastExitBound(sets, need, partial);
            double own = best(sets, rest, right, next, -1, 0, partial, need, leave, decidedAt);
            double least = own;
            bound.compute(on, at, rest, right, next, -1, decidedAt, leave, Double.POSITIVE_INFINITY, false);
            for (int h = next; h < exits; h++) {
                for (int t = 0; t < GRID.size(); t++) {
                    double want = best(sets, rest, right, h + 1, h, t, partial, need, leave, decidedAt);
                    assertEquals(want, bound.bound[h][t], 1e-9 * (1 + Math.abs(want)), "trial " + trial + ": child " + h + "@" + t);
                    least = Math.min(least, want);
                }
            }
            double node = bound.compute(on, at, rest, right, next, -1, decidedAt, leave, Double.POSITIVE_INFINITY, true);
            // finite even where no completion meets the floor, at times: the node's own bound takes a child's
            // first end that the counts of all samples do not rule out, without counting its passers there
            assertTrue(node <= least + 1e-9, "trial " + trial + ": node bound " + node + " above its best completion " + least);
        }
        assertTrue(floors > 500);
    }

    /**
     * Floors that bind (at most two samples below the most the node's completions get right), a
     * shared threshold at times, and plans kept near the best completion: a child's bound is
     * never above its best completion, and exact wherever that could beat the plans kept; the
     * node's bound is never above the best of its completions.
     */
    @Test
    void atBindingFloorsAndWithPlansKeptTheBoundsStayBelowEveryCompletion() {
        Random r = new Random(24424);
        int pruned = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int samples = 1 + r.nextInt(60);
            int exits = 2 + r.nextInt(5);
            SampleStats stats = RandomSamples.draw(r, samples, exits, 0.2 + 0.5 * r.nextDouble(), 0.3);
            SampleSets sets = new SampleSets(stats, ExitCriterion.MAX_PROB, GRID);
            Decided d = Decided.draw(r, stats, sets, samples, exits);
            int[] on = d.on();
            int[] at = d.at();
            int next = d.next();
            long[] rest = d.rest();
            int right = d.right();
            boolean partial = r.nextBoolean();
            int only = r.nextInt(3) == 0 ? r.nextInt(GRID.size()) : -1;
            double[][] leave = leaveCosts(r, exits);
            double[] decidedAt = decidedAt(sets, on, at, samples, leave);
            int mostRight = mostRight(sets, rest, right, next, only, partial);
            int need = Math.max(0, mostRight - r.nextInt(3));
            double own = best(sets, rest, right, next, -1, 0, partial, need, leave, decidedAt);
            double[][] want = new double[exits][GRID.size()];
            double least = own;
            for (int h = next; h < exits; h++) {
                for (int t = 0; t < GRID.size(); t++) {
                    want[h][t] = only >= 0 && t != only ? Double.POSITIVE_INFINITY
                            : best(sets, rest, right, h + 1, h, t, partial, need, leave, decidedAt);
                    least = Math.min(least, want[h][t]);
                }
            }
            double kept = r.nextInt(4) == 0 || least == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY
                    : least * (0.9 + 0.3 * r.nextDouble());
            LastExitBound bound = new LastExitBound(sets, need, partial);
            bound.compute(on, at, rest, right, next, only, decidedAt, leave, kept, false);
            for (int h = next; h < exits; h++) {
                for (int t = 0; t < GRID.size(); t++) {
                    if (only >= 0 && t != only) {
                        continue;
                    }
                    double w = want[h][t];
                    double b = bound.bound[h][t];
                    String what = "trial " + trial + ": child " + h + "@" + t + " kept " + kept;
                    assertTrue(b <= w + 1e-9 * (1 + Math.abs(w)), what + ": bound " + b + " above its best completion " + w);
                    if (w < kept) {
                        assertEquals(w, b, 1e-9 * (1 + Math.abs(w)), what + ": may beat the plans kept, so counted exactly");
                    } else {
                        assertTrue(b >= kept, what + ": bound " + b + " below the plans kept, yet no completion beats them");
                        pruned++;
                    }
                }
            }
            double node = bound.compute(on, at, rest, right, next, only, decidedAt, leave, kept, true);
            assertTrue(node <= least + 1e-9 * (1 + Math.abs(least)), "trial " + trial + ": node bound " + node
                    + " above its best completion " + least);
        }
        assertTrue(pruned > 1000, "children at or above the plans kept: " + pruned);
    }

    /** The most samples any completion of the node gets right (one more exit at most, any end). */
    private static int mostRight(SampleSets sets, long[] rest, int right, int next, int only, boolean partial) {
        int e = sets.exits;
        int most = Integer.MIN_VALUE;
        for (int h = next - 1; h < e; h++) {
            for (int t = 0; t < sets.grid.length; t++) {
                if (h >= next && only >= 0 && t != only || h < next && t > 0) {
                    continue;
                }
                for (int end = partial ? h + 1 : e; end <= e; end++) {
                    int ok = right;
                    for (int s = 0; s < sets.samples; s++) {
                        if (!bit(rest, s)) {
                            continue;
                        }
                        boolean leaves = h >= next && bit(sets.pass[h][t], s);
                        ok += bit(leaves ? sets.ok[h] : end == e ? sets.okFinal : sets.ok[end], s) ? 1 : 0;
                    }
                    most = Math.max(most, ok);
                }
            }
        }
        return most;
    }

    /**
     * The least summed cost over the placements and the ends from {@code from} on (terminal exits
     * where partial, the final classifier) that meet the floor, with one more exit h at threshold
     * t (h -1: none); infinity where none does.
     */
    private static double best(SampleSets sets, long[] rest, int right, int from, int h, int t, boolean partial, int need,
                               double[][] leave, double[] decidedAt) {
        int e = sets.exits;
        double least = Double.POSITIVE_INFINITY;
        for (int end = partial ? from : e; end <= e; end++) {
            int ok = right;
            int atH = 0;
            int atEnd = 0;
            for (int s = 0; s < sets.samples; s++) {
                if (!bit(rest, s)) {
                    continue;
                }
                if (h >= 0 && bit(sets.pass[h][t], s)) {
                    atH++;
                    ok += bit(sets.ok[h], s) ? 1 : 0;
                } else {
                    atEnd++;
                    ok += bit(end == e ? sets.okFinal : sets.ok[end], s) ? 1 : 0;
                }
            }
            if (need != Integer.MIN_VALUE && ok < need) {
                continue;
            }
            for (int p = 0; p < leave.length; p++) {
                double sum = decidedAt[p] + (atH == 0 ? 0 : atH * leave[p][h]) + (atEnd == 0 ? 0 : atEnd * leave[p][end]);
                least = Math.min(least, sum);
            }
        }
        return least;
    }

    /** One to three placements' costs of a request leaving at each exit (then the final classifier), nondecreasing, some steps 0. */
    private static double[][] leaveCosts(Random r, int exits) {
        double[][] leave = new double[1 + r.nextInt(3)][exits + 1];
        for (double[] c : leave) {
            for (int h = 0; h <= exits; h++) {
                c[h] = (h == 0 ? 0 : c[h - 1]) + r.nextDouble() * (r.nextInt(3) == 0 ? 0 : 1);
            }
        }
        return leave;
    }

    /** Per placement, what the samples the decided exits take cost where they leave. */
    private static double[] decidedAt(SampleSets sets, int[] on, int[] at, int samples, double[][] leave) {
        double[] decidedAt = new double[leave.length];
        for (int p = 0; p < leave.length; p++) {
            for (int s = 0; s < samples; s++) {
                int where = leavesAt(sets, on, at, s);
                decidedAt[p] += where >= 0 ? leave[p][where] : 0;
            }
        }
        return decidedAt;
    }

    private static int leavesAt(SampleSets sets, int[] on, int[] at, int s) {
        for (int i = 0; i < on.length; i++) {
            if (bit(sets.pass[on[i]][at[i]], s)) {
                return on[i];
            }
        }
        return -1;
    }

    /**
     * Exits decided before the node, each before the next, with their thresholds: the samples
     * none of them lets leave, how many of those that leave are right, and where the node starts.
     */
    private record Decided(int[] on, int[] at, int next, long[] rest, int right) {
        static Decided draw(Random r, SampleStats stats, SampleSets sets, int samples, int exits) {
            int k = r.nextInt(Math.min(3, exits));
            int[] on = new int[k];
            int[] at = new int[k];
            int next = 0;
            long[] rest = sets.all.clone();
            int right = 0;
            for (int i = 0; i < k; i++) {
                on[i] = next + r.nextInt(exits - next - (k - i));
                at[i] = r.nextInt(GRID.size());
                next = on[i] + 1;
                for (int s = 0; s < samples; s++) {
                    if (bit(rest, s) && bit(sets.pass[on[i]][at[i]], s)) {
                        rest[s >>> 6] &= ~(1L << s);
                        right += stats.correct()[on[i]][s] ? 1 : 0;
                    }
                }
            }
            return new Decided(on, at, next, rest, right);
        }
    }

    private static boolean bit(long[] set, int s) {
        return (set[s >>> 6] >>> s & 1) != 0;
    }
}
