package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.SampleStats;

/**
 * {@link LeaveBound#leastCost}, the bound on the summed leaving cost of the undecided samples,
 * against every completion of random small instances: at most so many more exits at any
 * thresholds, ending at the final classifier or at a terminal exit, meeting the floor.
 */
class LeaveBoundTest {
    private static final double[] GRID = {0.3, 0.6, 0.9};

    @Test
    void leastCostBoundsEveryCompletionAndIsNeverWeakerThanTheEarliestShares() {
        Random r = new Random(14);
        int tighter = 0;
        int fewerRight = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int samples = 1 + r.nextInt(40);
            int exits = 1 + r.nextInt(6);
            SampleStats stats = RandomSamples.draw(r, samples, exits, 0.4, 0.5);
            SampleSets sets = new SampleSets(stats, ExitCriterion.MAX_PROB,
                    List.of(GRID[0], GRID[1], GRID[2]));
            int next = r.nextInt(exits);
            int left = r.nextInt(4);
            boolean partial = r.nextBoolean();
            int need = r.nextBoolean() ? Integer.MIN_VALUE : r.nextInt(samples + 1);
            double[] cost = new double[exits + 1];
            for (int h = 0; h <= exits; h++) {
                cost[h] = (h == 0 ? 0 : cost[h - 1]) + r.nextDouble() * (r.nextInt(3) == 0 ? 0 : 1);
            }
            double[] outcome = bestCompletion(sets, next, left, partial, need, cost);
            double best = outcome[0];
            LeaveBound bound = new LeaveBound(sets);
            boolean possible = bound.compute(sets.all, 0, next, left, sets.loosest, partial, need);
            if (!possible) {
                assertEquals(Double.POSITIVE_INFINITY, best, "trial " + trial + ": a completion meets the floor");
                continue;
            }
            assertTrue(bound.maxCorrect >= outcome[1], "trial " + trial + ": at most " + bound.maxCorrect
                    + " right, but a completion gets " + outcome[1]);
            if (!partial && left < exits - next && bound.maxCorrect < SampleSets.countAnd(sets.all, sets.okFinal)
                    + SampleSets.countAnd(sets.all, orOkLeaving(sets, next))) {
                fewerRight++;
            }
            double least = bound.leastCost(cost);
            assertTrue(least <= best + 1e-9, "trial " + trial + ": bound " + least + " above a completion's " + best);
            double earliest = 0;
            int before = 0;
            for (int h = next; h < exits; h++) {
                earliest += (bound.leaveBy[h] - before) * cost[h];
                before = bound.leaveBy[h];
            }
            earliest += (samples - before) * cost[exits];
            assertTrue(least >= earliest - 1e-9, "trial " + trial + ": weaker than the earliest shares");
            if (least > earliest + 1e-9) {
                tighter++;
            }
        }
        assertTrue(tighter > 100, "tighter than the earliest shares on " + tighter + " instances only");
        assertTrue(fewerRight > 20, "the exits left limit the right samples on " + fewerRight + " instances only");
    }

    /**
     * With some samples taken by decided exits (some of them right), the bound still stays at or
     * below every completion, and counting the chosen exits' right leavers against the floor
     * makes it tighter than the earliest shares on some instances.
     */
    @Test
    void leastCostBoundsEveryCompletionAfterDecidedExits() {
        Random r = new Random(1415);
        int tighter = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int samples = 1 + r.nextInt(40);
            int exits = 1 + r.nextInt(6);
            SampleStats stats = RandomSamples.draw(r, samples, exits, 0.4, 0.5);
            SampleSets sets = new SampleSets(stats, ExitCriterion.MAX_PROB,
                    List.of(GRID[0], GRID[1], GRID[2]));
            long[] rest = new long[sets.words];
            int right = keepSome(r, rest, samples);
            int next = r.nextInt(exits);
            int left = r.nextInt(4);
            boolean partial = r.nextBoolean();
            int need = r.nextInt(3) == 0 ? Integer.MIN_VALUE : r.nextInt(samples + 1);
            double[] cost = new double[exits + 1];
            for (int h = 0; h <= exits; h++) {
                cost[h] = (h == 0 ? 0 : cost[h - 1]) + r.nextDouble() * (r.nextInt(3) == 0 ? 0 : 1);
            }
            double best = bestCompletion(sets, rest, right, next, left, partial, need, cost)[0];
            LeaveBound bound = new LeaveBound(sets);
            if (!bound.compute(rest, right, next, left, sets.loosest, partial, need)) {
                assertEquals(Double.POSITIVE_INFINITY, best, "trial " + trial + ": a completion meets the floor");
                continue;
            }
            double least = bound.leastCost(cost);
            assertTrue(least <= best + 1e-9, "trial " + trial + ": bound " + least + " above a completion's " + best);
            double earliest = 0;
            int before = 0;
            for (int h = next; h < exits; h++) {
                earliest += (bound.leaveBy[h] - before) * cost[h];
                before = bound.leaveBy[h];
            }
            earliest += (SampleSets.count(rest) - before) * cost[exits];
            if (least > earliest + 1e-9) {
                tighter++;
            }
        }
        assertTrue(tighter > 100, "tighter than the earliest shares on " + tighter + " instances only");
    }

    /**
     * Regression: every sample must be right, and sample 0 is right only at the later heads, not
     * at the final classifier, so no completion without a terminal meets the floor by the last
     * exit. That cap (none may leave) was carried back to every earlier exit, also for the
     * completions that end at a terminal, so the bound said no sample could leave before the
     * terminal while exit 2 at 0.1 lets two leave right (the search missed that optimum).
     */
    @Test
    void aCapWithoutTerminalsDoesNotHoldBackTheCompletionsThatEndAtOne() {
        double[][] entropy = {{0.2, 0.4, 0.8, 0.9, 0.3, 0.9}, {0.7, 0.1, 0.0, 0.9, 0.7, 0.4}, {0.8, 0.5, 0.1, 0.6, 0.6, 0.4},
            {0.5, 1.0, 0.0, 0.5, 0.4, 0.7}, {0.5, 0.5, 0.5, 0.4, 0.2, 0.9}};
        boolean[][] correct = {{false, true, true, false, true, true}, {false, true, true, true, false, false},
            {true, false, false, true, true, true}, {true, true, true, true, true, true}, {true, true, true, true, true, true}};
        boolean[] fin = {false, true, true, true, true, true};
        SampleSets sets = new SampleSets(new SampleStats(entropy, correct, fin), ExitCriterion.ENTROPY, List.of(0.1, 0.4));
        double[] cost = {0.038, 0.153, 0.162, 0.162, 0.262, 0.434};
        LeaveBound bound = new LeaveBound(sets);
        assertTrue(bound.compute(sets.all, 0, 0, 2, sets.loosest, true, 6));
        double best = bestCompletion(sets, 0, 2, true, 6, cost)[0];
        assertEquals(2 * 0.153 + 4 * 0.162, best, 1e-9, "exit 2 at 0.1, then the terminal at exit 3 or 4");
        assertTrue(bound.leastCost(cost) <= best + 1e-9, "bound " + bound.leastCost(cost) + " above the best completion " + best);
    }

    /**
     * Regression (SampleExitSearchProperties, seed 24424): without partial models the wrong
     * leavers the floor spares were counted as if only the final classifier could still get the
     * samples that stay right; a later exit can too. Sample 0 passes exit 0 right; sample 1 is
     * right only at exit 1, wrong at the end, and every sample must be right: exits 0 and 1 cost
     * 1 + 2. The bound said none could leave at exit 0 (both at exit 1: 4), above that optimum,
     * and the search pruned it behind a plan that only tied the inflated bound.
     */
    @Test
    void aSampleTheFinalClassifierGetsWrongMayStillBeRightAtALaterExit() {
        double[][] entropy = {{0.2, 0.9}, {0.2, 0.2}};
        boolean[][] correct = {{true, false}, {true, true}};
        boolean[] fin = {true, false};
        SampleSets sets = new SampleSets(new SampleStats(entropy, correct, fin), ExitCriterion.ENTROPY, List.of(0.5));
        double[] cost = {1, 2, 4};
        LeaveBound bound = new LeaveBound(sets);
        assertTrue(bound.compute(sets.all, 0, 0, 2, sets.loosest, false, 2));
        double best = bestCompletion(sets, 0, 2, false, 2, cost)[0];
        assertEquals(1 + 2, best, 1e-9, "sample 0 at exit 0, sample 1 at exit 1");
        assertTrue(bound.leastCost(cost) <= best + 1e-9, "bound " + bound.leastCost(cost) + " above the best completion " + best);
    }

    /**
     * Floors that bind: each instance's floor is at most two samples below the most any
     * completion gets right, so that the accounting of wrong leavers decides the bound.
     */
    @Test
    void leastCostBoundsEveryCompletionAtABindingFloor() {
        Random r = new Random(24424);
        int binding = 0;
        for (int trial = 0; trial < 3000; trial++) {
            int samples = 1 + r.nextInt(30);
            int exits = 1 + r.nextInt(5);
            SampleStats stats = RandomSamples.draw(r, samples, exits, 0.2 + 0.5 * r.nextDouble(), 0.3);
            SampleSets sets = new SampleSets(stats, ExitCriterion.MAX_PROB, List.of(GRID[0], GRID[1], GRID[2]));
            long[] rest = new long[sets.words];
            int right = keepSome(r, rest, samples);
            int next = r.nextInt(exits);
            int left = r.nextInt(4);
            boolean partial = r.nextInt(3) == 0;
            double[] cost = new double[exits + 1];
            for (int h = 0; h <= exits; h++) {
                cost[h] = (h == 0 ? 0 : cost[h - 1]) + r.nextDouble() * (r.nextInt(3) == 0 ? 0 : 1);
            }
            int mostRight = (int) bestCompletion(sets, rest, right, next, left, partial, Integer.MIN_VALUE, cost)[1];
            int need = Math.max(0, mostRight - r.nextInt(3));
            double best = bestCompletion(sets, rest, right, next, left, partial, need, cost)[0];
            LeaveBound bound = new LeaveBound(sets);
            assertTrue(bound.compute(rest, right, next, left, sets.loosest, partial, need), "trial " + trial + ": "
                    + mostRight + " right, yet the bound says no completion meets the floor of " + need);
            double least = bound.leastCost(cost);
            assertTrue(least <= best + 1e-9, "trial " + trial + ": bound " + least + " above a completion's " + best);
            double unbound = bestCompletion(sets, rest, right, next, left, partial, Integer.MIN_VALUE, cost)[0];
            binding += best > unbound + 1e-9 ? 1 : 0;
        }
        assertTrue(binding > 300, "the floor binds on " + binding + " instances only");
    }

    /** Samples some exit from next on may let leave right, that the final classifier gets wrong. */
    private static long[] orOkLeaving(SampleSets sets, int next) {
        long[] out = new long[sets.words];
        for (int h = next; h < sets.exits; h++) {
            for (int w = 0; w < out.length; w++) {
                out[w] |= sets.loosest[h][w] & sets.ok[h][w] & ~sets.okFinal[w];
            }
        }
        return out;
    }

    /** The least summed cost over every completion that meets the floor (or infinity), and the most samples any completion gets right. */
    private static double[] bestCompletion(SampleSets sets, int next, int left, boolean partial, int need, double[] cost) {
        return bestCompletion(sets, sets.all, 0, next, left, partial, need, cost);
    }

    /** As above for the samples in rest only, with correct more right from exits decided before. */
    private static double[] bestCompletion(SampleSets sets, long[] rest, int correct, int next, int left, boolean partial, int need,
                                           double[] cost) {
        int e = sets.exits;
        double best = Double.POSITIVE_INFINITY;
        int mostRight = 0;
        List<int[]> chosen = new ArrayList<>();
        subsets(next, e, left, new ArrayList<>(), chosen);
        for (int[] on : chosen) {
            int grid = sets.grid.length;
            int configs = (int) Math.pow(grid, on.length);
            for (int code = 0; code < configs; code++) {
                int[] at = new int[on.length];
                int c = code;
                for (int i = 0; i < on.length; i++) {
                    at[i] = c % grid;
                    c /= grid;
                }
                int firstTerminal = on.length == 0 ? next : on[on.length - 1] + 1;
                for (int t = partial ? firstTerminal : e; t <= e; t++) {
                    double sum = 0;
                    int right = correct;
                    for (int s = 0; s < sets.samples; s++) {
                        if (!bit(rest, s)) {
                            continue;
                        }
                        int leaves = t;
                        for (int i = 0; i < on.length && leaves == t; i++) {
                            if (bit(sets.pass[on[i]][at[i]], s)) {
                                leaves = on[i];
                            }
                        }
                        sum += cost[leaves];
                        right += bit(leaves == e ? sets.okFinal : sets.ok[leaves], s) ? 1 : 0;
                    }
                    mostRight = Math.max(mostRight, right);
                    if (need == Integer.MIN_VALUE || right >= need) {
                        best = Math.min(best, sum);
                    }
                }
            }
        }
        return new double[] {best, mostRight};
    }

    private static void subsets(int from, int exits, int left, List<Integer> on, List<int[]> out) {
        out.add(on.stream().mapToInt(Integer::intValue).toArray());
        if (left == 0) {
            return;
        }
        for (int h = from; h < exits; h++) {
            on.add(h);
            subsets(h + 1, exits, left - 1, on, out);
            on.remove(on.size() - 1);
        }
    }

    /**
     * Keeps about three in four samples in rest (the others left at decided exits) and returns
     * how many of those that left are right, drawn up to their number.
     */
    private static int keepSome(Random r, long[] rest, int samples) {
        int taken = 0;
        for (int s = 0; s < samples; s++) {
            if (r.nextInt(4) != 0) {
                rest[s >>> 6] |= 1L << s;
            } else {
                taken++;
            }
        }
        return taken == 0 ? 0 : r.nextInt(taken + 1);
    }

    private static boolean bit(long[] set, int s) {
        return (set[s >>> 6] >>> s & 1) != 0;
    }
}
