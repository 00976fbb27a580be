package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.splitscope.optimize.ExitFront.Label;
import org.splitscope.perf.Tolerance;

/**
 * The previous exits that may lead to one state of {@link ExitFront}'s program, with what their
 * prefixes allow (the most accuracy a prefix adds, its Lagrangian bound per multiplier), and the
 * pruning of the state's labels against them: a label is kept where it is on the (objective,
 * accuracy) front at the rate of some live previous exit and passes that exit's bounds. One per
 * thread: the states of one unit are decided side by side.
 */
final class LiveExits {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /**
     * Threads that mark shares of a state's fronts beside the caller ({@link #prune}). Not the
     * common pool: where the state fell to one of its workers, the share that worker forked sat in
     * its own queue until it had marked the other, as the waiting caller outside the pool cannot
     * take it (half the busiest states were marked one share after the other, measured).
     */
    private static final ExecutorService MARKING = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "splitscope-front-marking");
        t.setDaemon(true);
        return t;
    });

    private final ExitGraph g;
    private final int count;
    private final boolean cost;
    private final double floor;
    private final double upper;
    private final double[] lambdas;
    private final ExitBounds[] lagrangian;
    private final ExitBounds accuracy;
    private final ThroughBounds through;
    /** How many previous exits are live at the state. */
    private int live;
    private final double[] liveRate; // rising
    private final double[] liveAcc; // the most accuracy a prefix adds
    private final double[][] livePrefix; // [j]: Lagrangian prefix bound + lambda_j floor
    private double rateMin;
    private double rateMax;
    private double accMax;
    /** Below this a label's accuracy plus the most a prefix adds fails the floor (Tolerance's test, a little wider). */
    private final double accNeed;
    private final double[] prefixMin;

    /**
     * @param count how many best plans are sought: a label is kept where fewer than that many
     *        others cover it at the rate of some live previous exit
     */
    LiveExits(ExitGraph graph, boolean cost, double floor, double upper, double[] multipliers, ExitBounds[] bounds,
              ExitBounds mostAccuracy, ThroughBounds through, int count) {
        this.g = graph;
        this.count = count;
        this.cost = cost;
        this.floor = floor;
        this.upper = upper;
        this.lambdas = multipliers;
        this.lagrangian = bounds;
        this.accuracy = mostAccuracy;
        this.through = through;
        liveRate = new double[g.kappas];
        liveAcc = new double[g.kappas];
        livePrefix = new double[lambdas.length][g.kappas];
        prefixMin = new double[lambdas.length];
        accNeed = floor - SLACK * (1 + Math.abs(floor));
    }

    /**
     * Collects the previous exits that may lead to state (x, a, ns) with their prefix bounds;
     * false when none does (no prefix, or the state's own bounds already exceed the upper bound).
     */
    boolean gather(int x, int a, int ns) {
        live = 0;
        int[] kappas = through.kappa(x);
        for (int k = through.first(x, a, ns), to = through.end(x, a, ns); k < to; k++) {
            if (!through.within(x, k, upper)) {
                continue;
            }
            int kappa = kappas[k];
            for (int j = 0; j < lambdas.length; j++) {
                livePrefix[j][live] = lagrangian[j].at(x, a, ns, kappa) + lambdas[j] * floor;
            }
            double before = accuracy.at(x, a, ns, kappa);
            liveRate[live] = g.kappaRate[kappa];
            liveAcc[live] = -before;
            live++;
        }
        if (live == 0) {
            return false;
        }
        rateMin = liveRate[0];
        rateMax = liveRate[live - 1];
        accMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < live; i++) {
            accMax = Math.max(accMax, liveAcc[i]);
        }
        for (int j = 0; j < lambdas.length; j++) {
            double least = Double.POSITIVE_INFINITY;
            for (int i = 0; i < live; i++) {
                least = Math.min(least, livePrefix[j][i]);
            }
            prefixMin[j] = least;
        }
        return true;
    }

    /** Where each rate of the live previous exits begins in them (they go by rising rate); one more entry ends the last. */
    private int[] rateGroups() {
        int[] starts = new int[live + 1];
        int count = 0;
        for (int i = 0; i < live; i++) {
            if (i == 0 || liveRate[i] != liveRate[i - 1]) {
                starts[count++] = i;
            }
        }
        starts[count++] = live;
        return Arrays.copyOf(starts, count);
    }

    /**
     * Marks in keep the labels on the front at the rates first, first + stride, ... of groups
     * ({@link #rateGroups}) that pass the bounds of a live previous exit of that rate. Only sets
     * entries to true, so shares of the rates may mark one array at the same time.
     */
    private void mark(Lines ls, int[] groups, int first, int stride, boolean[] keep) {
        int n = ls.rho.length;
        double[] o = new double[n];
        double[] accAt = new double[n];
        int[] valid = new int[n];
        int[] order = new int[n];
        int[] tmp = new int[n];
        for (int q = 0; q < n; q++) {
            valid[q] = q;
        }
        int[] failing = new int[n];
        double[] covers = new double[count];
        double[] limit = new double[lambdas.length];
        int hot = 0; // the multiplier that failed the last label is tried first: neighbours fail alike
        int size = n; // valid[0..size): the labels still valid, rates only rise
        int unbounded = zeroMultiplier();
        for (int group = first; group < groups.length - 1; group += stride) {
            int i = groups[group];
            int next = groups[group + 1];
            double r = liveRate[i];
            // the exits of one rate share the order. A label that fails a bound at every exit of
            // the rate covers only labels that fail it too (the bounds grow with the objective and
            // shrink with accuracy), so it is left out of the sort; with multiplier 0 that is any
            // label costlier than upper - prefix, known before its accuracy is read
            double cutoff = Double.NEGATIVE_INFINITY;
            double accMost = Double.NEGATIVE_INFINITY;
            Arrays.fill(limit, Double.NEGATIVE_INFINITY);
            for (int e = i; e < next; e++) {
                double prefix = unbounded < 0 ? Double.NEGATIVE_INFINITY : livePrefix[unbounded][e];
                cutoff = Math.max(cutoff, upper - prefix + 1e-9 * (Math.abs(upper) + Math.abs(prefix)));
                accMost = Math.max(accMost, liveAcc[e]);
                for (int j = 0; j < lambdas.length; j++) {
                    limit[j] = Math.max(limit[j], limit(livePrefix[j][e], lambdas[j]));
                }
            }
            double accLeast = floor - accMost - SLACK * (1 + Math.abs(floor) + Math.abs(accMost));
            int within = 0;
            int fails = 0;
            int beyond = 0;
            for (int k = 0; k < size; k++) {
                int q = valid[k];
                if (ls.rho[q] < r) {
                    continue;
                }
                o[q] = ls.aO[q] - ls.bO[q] * r;
                if (o[q] <= cutoff) {
                    double acc = ls.aA[q] - ls.bA[q] * r;
                    accAt[q] = acc;
                    int failed = failed(o[q], acc, accLeast, limit, hot);
                    if (failed == PASSES) {
                        order[within++] = q;
                    } else {
                        failing[fails++] = q;
                        hot = failed < 0 ? hot : failed;
                    }
                } else {
                    tmp[beyond++] = q;
                }
            }
            // the valid labels for the next rate by this rate's objective (those that failed merged in,
            // those beyond the cutoff last), so that the next rate's come nearly sorted
            System.arraycopy(tmp, 0, valid, within + fails, beyond);
            size = within + fails + beyond;
            IndexSort.sort(order, within, o, accAt, tmp);
            if (fails == 0) {
                System.arraycopy(order, 0, valid, 0, within);
            } else {
                for (int k = 0, p = 0, f = 0; k < within + fails; k++) {
                    valid[k] = f == fails || p < within && o[order[p]] <= o[failing[f]] ? order[p++] : failing[f++];
                }
            }
            for (int e = i; e < next; e++) {
                markFront(order, within, o, accAt, e, keep, covers);
            }
        }
    }

    /**
     * Marks the labels of order[0..size) (sorted by objective) that fewer than count others cover
     * (on the front, for one plan) and that pass live exit i's bounds. top holds count entries: the
     * most accurate labels so far, falling; a label no more accurate than the last of them is
     * covered by count labels before it.
     */
    private void markFront(int[] order, int size, double[] o, double[] accAt, int i, boolean[] keep, double[] top) {
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < size; k++) {
            int q = order[k];
            double acc = accAt[q];
            if (covered(top, acc)) {
                continue;
            }
            if (keep[q] || Tolerance.less(liveAcc[i] + acc, floor)) {
                continue;
            }
            boolean within = true;
            for (int j = 0; j < lambdas.length && within; j++) {
                double prefix = livePrefix[j][i];
                within = o[q] - lambdas[j] * acc + prefix - upper <= 1e-9 * (Math.abs(upper) + Math.abs(prefix) + lambdas[j]);
            }
            if (within) {
                keep[q] = true;
            }
        }
    }

    /**
     * Whether a label of this accuracy, coming after others in objective order, is covered by as
     * many of them as top holds (top: the most accurate so far, falling; no more accurate than its
     * last); if not, it takes its place in top.
     */
    static boolean covered(double[] top, double acc) {
        int at = top.length - 1;
        if (acc <= top[at]) {
            return true;
        }
        for (; at > 0 && top[at - 1] < acc; at--) {
            top[at] = top[at - 1];
        }
        top[at] = acc;
        return false;
    }

    /** Wider than markFront's tolerances and the rounding of these rearranged tests: the filter never fails a label they pass. */
    private static final double SLACK = 1e-8;

    /**
     * The most objective - lambda x accuracy a label may have and pass markFront's test of a
     * multiplier at an exit with this prefix bound (the test rearranged, a little wider).
     */
    private double limit(double prefix, double lambda) {
        return upper - prefix + 1e-9 * (Math.abs(upper) + Math.abs(prefix) + lambda)
                + SLACK * 1e-3 * (1 + Math.abs(upper) + Math.abs(prefix));
    }

    private static final int PASSES = Integer.MIN_VALUE;

    /**
     * Which of markFront's tests a label with objective o and accuracy acc at a rate fails at
     * every live exit there, tried with the most accuracy and the widest limit of the rate's exits
     * (widened by {@link #SLACK}): -1 accuracy, j multiplier j (hot first), or {@link #PASSES}.
     */
    private int failed(double o, double acc, double accLeast, double[] limit, int hot) {
        if (acc < accLeast) {
            return -1;
        }
        if (o - lambdas[hot] * acc > limit[hot]) {
            return hot;
        }
        for (int j = 0; j < limit.length; j++) {
            if (o - lambdas[j] * acc > limit[j]) {
                return j;
            }
        }
        return PASSES;
    }

    /** The index of multiplier 0 (the hull always solves it), or -1. */
    private int zeroMultiplier() {
        for (int j = 0; j < lambdas.length; j++) {
            if (lambdas[j] == 0) {
                return j;
            }
        }
        return -1;
    }

    /**
     * A quick necessary test before {@link #prune}: over the live previous exits' rates that
     * the label allows, its figures are lines, so their best is at an end; with each exit's own
     * prefix bound replaced by the least over the live exits, a label failing the accuracy test or
     * one multiplier's test fails it at every exit.
     */
    boolean mayHelp(Label l) {
        double hi = Math.min(l.rho(), rateMax);
        if (hi < rateMin) {
            return false;
        }
        double lo = rateMin;
        double accBest = Math.max(l.aA() - l.bA() * lo, l.aA() - l.bA() * hi);
        if (accMax + accBest < accNeed) {
            return false;
        }
        for (int j = 0; j < lambdas.length; j++) {
            double atLo = objective(l, lo) - lambdas[j] * (l.aA() - l.bA() * lo);
            double atHi = objective(l, hi) - lambdas[j] * (l.aA() - l.bA() * hi);
            double prefix = prefixMin[j];
            if (Math.min(atLo, atHi) + prefix - upper > 1e-9 * (Math.abs(upper) + Math.abs(prefix) + lambdas[j])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keeps exactly the labels on the front of some live previous exit (evaluated at its rate,
     * among the labels valid there) that pass that exit's bounds. A label that fails the bounds
     * cannot cover one that passes them (the bounds only grow with the objective and shrink with
     * accuracy), so the front is taken over the valid labels that may pass some exit's bounds at
     * that rate, and the bounds tested again, exit by exit, on its members. The previous exits go
     * by rising rate, so each order is the last one nearly sorted: insertion sort.
     */
    Label[] prune(List<Label> list) {
        if (list.isEmpty()) {
            return null;
        }
        int n = list.size();
        Label[] ls = list.toArray(new Label[0]);
        boolean[] keep = new boolean[n];
        Lines lines = new Lines(ls, cost);
        int[] groups = rateGroups();
        int parts = (long) n * live >= ExitFront.parallelWork ? Math.min(groups.length - 1, Math.max(2, CORES)) : 1;
        if (parts <= 1) {
            mark(lines, groups, 0, 1, keep);
        } else {
            // the rates dealt out in turn: the work per rate changes along the rates, so every share meets
            // low and high rates alike, and each still comes to nearly the order its last rate left
            List<Future<?>> others = new ArrayList<>();
            for (int p = 1; p < parts; p++) {
                int share = p;
                others.add(MARKING.submit(() -> mark(lines, groups, share, parts, keep)));
            }
            mark(lines, groups, 0, parts, keep);
            for (Future<?> share : others) {
                join(share);
            }
        }
        List<Label> kept = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            if (keep[q]) {
                kept.add(ls[q]);
            }
        }
        return kept.isEmpty() ? null : kept.toArray(new Label[0]);
    }

    private static void join(Future<?> share) {
        try {
            share.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while marking");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A state's labels as lines in r in flat arrays: they are read again at every live rate. */
    private static final class Lines {
        final double[] aO;
        final double[] bO;
        final double[] aA;
        final double[] bA;
        final double[] rho;

        Lines(Label[] ls, boolean cost) {
            int n = ls.length;
            aO = new double[n];
            bO = new double[n];
            aA = new double[n];
            bA = new double[n];
            rho = new double[n];
            for (int q = 0; q < n; q++) {
                Label l = ls[q];
                aO[q] = cost ? l.aC() : l.aL();
                bO[q] = cost ? l.bC() : l.bL();
                aA[q] = l.aA();
                bA[q] = l.bA();
                rho[q] = l.rho();
            }
        }
    }

    private double objective(Label l, double r) {
        return cost ? l.aC() - l.bC() * r : l.aL() - l.bL() * r;
    }
}
