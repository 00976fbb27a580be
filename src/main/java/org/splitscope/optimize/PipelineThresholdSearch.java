package org.splitscope.optimize;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.splitscope.perf.Tolerance;

/**
 * The exact pipeline placement: binary search on the objective over the sorted finite set of
 * values it can take, with an exhaustive feasibility check per threshold.
 *
 * <p>Every load of a plan is a sum of terms, each fixed by one choice ({@link PipelineTerms}).
 * The largest term of a plan is therefore one of O(V + V N^2 + N V^2) values, and whether some
 * plan of at most K stages on distinct nodes, each fitting its node's memory, has every term at
 * most T is monotone in T. The check is a depth-first search over (next unit,
 * previous node, nodes used), exhaustive with failed states memoized (their future depends on
 * nothing else, since each term is checked alone), pruned by two relaxations: the fewest stages
 * that can still finish from a cut when nodes may repeat (a dynamic program per threshold,
 * O(N^2 V + N V^2)), and the fewest unused nodes whose memory can hold the units left.
 * Distinct nodes make the check exponential in the worst case (a Hamiltonian path is a special
 * case); on SEIFER's clusters it is fast, and a budget of visited states bounds it, after which
 * the result says so with its proven gap. A cancelled token stops it the same way, keeping the
 * best plan and the bound proven so far (the caller turns that into {@link SearchStopped}).
 *
 * <p>The least threshold T* is a lower bound on the objective of every plan (a resource's load is
 * at least each of its terms). Its plan's true value sums the terms that share a resource (the
 * source serializing the input and hosting a stage; two transfers over one link); when nothing
 * is shared it equals T* and the plan is optimal. Otherwise the depth-first search runs again
 * over plans, on the true summed loads with the bound tightening as better plans are found, and
 * closes the gap between T* and the best true value.
 */
final class PipelineThresholdSearch {
    /** Visited states after which the search stops and reports its gap. */
    static final long DEFAULT_BUDGET = 1_000_000;
    private static final int INF = Integer.MAX_VALUE / 4;

    private final PipelineCosts costs;
    private final PipelineObjective objective;
    private final SearchRequest request;
    private final CancellationToken token;
    private final int units;
    private final int nodes;
    private final int maxStages;
    private final long budget;
    private final PipelineTerms terms;
    // the terms' tables, read directly by the searches
    private final double[] input;
    private final double[] result;
    private final double[][][] transfer;
    private final double[][][] stage;
    private final double[] values;
    private final double[] params; // [u]: parameter bytes of units u..N
    private final double[] work; // [u]: FLOPs of units u..N, or null when stage times are not FLOPs over rate
    private final double[] speed; // [w]: FLOPs per second of load
    private final double[] capacity; // [w]: memory, +inf when unlimited

    private long visited;
    private boolean stopped;
    private double lowerBound = Double.NaN;
    private boolean proven;

    // per-threshold state
    private double threshold;
    private int[][] need; // [c][u]: fewest stages to finish after a stage on u ended at cut c
    private int[][] stageNeed; // [a][w]: fewest stages to finish with a stage on w starting at a
    private final Set<State> failed = new HashSet<>();
    private final long[] used;
    private final int[] planNodes;
    private final int[] planEnds;
    private PipelineCandidate best;
    /** The plan's summed loads while closing the gap; null during the feasibility checks. */
    private PipelineLoads loads;

    private record State(int a, int previous, long[] used) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.a == a && s.previous == previous && Arrays.equals(s.used, used);
        }

        @Override
        public int hashCode() {
            return (a * 31 + previous) * 31 + Arrays.hashCode(used);
        }
    }

    PipelineThresholdSearch(PipelineCosts costs, PipelineObjective objective, SearchRequest request, int maxStages,
                            long budget, CancellationToken token) {
        this.costs = costs;
        this.objective = objective;
        this.request = request;
        this.token = token;
        this.budget = budget;
        units = costs.units;
        nodes = costs.nodeCount;
        this.maxStages = maxStages;
        terms = new PipelineTerms(costs, objective, request);
        input = terms.input;
        result = terms.result;
        transfer = terms.transfer;
        stage = terms.stage;
        values = terms.values;
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
        planNodes = new int[maxStages];
        planEnds = new int[maxStages];
    }

    /**
     * The best plan, or null when none exists (proven, unless {@link #stopped()}); never worse
     * than the incumbent.
     *
     * @param incumbent a plan found elsewhere (or null): the search only looks at or below its terms
     */
    PipelineCandidate run(PipelineCandidate incumbent) {
        best = incumbent;
        if (values.length == 0) {
            proven = true;
            return best;
        }
        int hi = values.length - 1;
        boolean hiFeasible = false;
        if (incumbent != null) {
            int at = Arrays.binarySearch(values, terms.largest(incumbent.nodes(), incumbent.ends()));
            if (at >= 0) {
                hi = at;
                hiFeasible = true;
            }
        }
        if (!hiFeasible && !feasible(values[hi])) {
            proven = !stopped;
            lowerBound = stopped ? values[0] : Double.POSITIVE_INFINITY;
            return best;
        }
        int lo = 0;
        // invariant: some plan has every term at most values[hi]; none has them all below values[lo]
        while (lo < hi && !stopped) {
            int mid = (lo + hi) >>> 1;
            if (feasible(values[mid])) {
                hi = mid;
            } else if (!stopped) {
                lo = mid + 1;
            }
        }
        lowerBound = values[lo];
        if (stopped) {
            return best;
        }
        if (best != null && Tolerance.equal(best.value(), lowerBound)) {
            proven = true;
            return best;
        }
        closeGap();
        proven = !stopped;
        if (proven && best != null) {
            lowerBound = best.value();
        }
        return best;
    }

    /** Keeps a plan the feasibility check found when its true value beats the best so far. */
    private void consider(int[] ns, int[] ends) {
        double v = PipelineLoads.value(costs, objective, request, ns, ends);
        if (!Double.isNaN(v) && (best == null || Tolerance.less(v, best.value()))) {
            best = new PipelineCandidate(ns, ends, v);
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** Whether the plan returned is proven optimal (or "no plan" proven). */
    boolean proven() {
        return proven;
    }

    /** The largest threshold proven to admit no plan, or the optimum once proven; NaN before a run. */
    double lowerBound() {
        return lowerBound;
    }

    /** How many distinct values the objective can take (the binary search's range). */
    int thresholds() {
        return values.length;
    }

    long visited() {
        return visited;
    }

    /** Whether some plan has every term at most t; the plan found is offered to the best so far ({@link #consider}). */
    private boolean feasible(double t) {
        if (token.isCancelled()) {
            stopped = true;
            return false;
        }
        threshold = t;
        failed.clear();
        Arrays.fill(used, 0);
        computeNeed();
        return dive(0, 1, -1);
    }

    /** need and stageNeed at the current threshold: the relaxation where nodes may repeat (not consecutively). */
    private void computeNeed() {
        need = new int[units + 1][nodes];
        stageNeed = new int[units + 2][nodes];
        for (int u = 0; u < nodes; u++) {
            need[units][u] = result[u] <= threshold ? 0 : INF;
        }
        for (int c = units - 1; c >= 0; c--) {
            int a = c + 1;
            for (int w = 0; w < nodes; w++) {
                int best = INF;
                double[] s = stage[w][a];
                for (int i = 0; i < s.length; i++) {
                    if (s[i] <= threshold && need[a + i][w] < best) {
                        best = need[a + i][w];
                    }
                }
                stageNeed[a][w] = best >= INF ? INF : best + 1;
            }
            if (c == 0) {
                break;
            }
            for (int u = 0; u < nodes; u++) {
                int best = INF;
                double[] row = transfer[c][u];
                for (int w = 0; w < nodes; w++) {
                    if (row[w] <= threshold && stageNeed[a][w] < best) {
                        best = stageNeed[a][w];
                    }
                }
                need[c][u] = best;
            }
        }
    }

    private boolean isUsed(int w) {
        return (used[w >>> 6] & (1L << w)) != 0;
    }

    private void flip(int w) {
        used[w >>> 6] ^= 1L << w;
    }

    /**
     * Stage k starts at unit a after a stage on previous (-1: the first stage). One loop serves
     * both searches: the feasibility check (no {@link #loads}) stops at the first plan and
     * memoizes failed states; closing the gap it checks each stage's summed loads and goes on
     * past every plan, which only tightens the threshold.
     *
     * @return whether the feasibility check found a plan (always false while closing the gap)
     */
    private boolean dive(int k, int a, int previous) {
        if (stopped || ++visited > budget) {
            stopped = true;
            return false;
        }
        if ((visited & 0xFFF) == 0 && token.isCancelled()) {
            stopped = true;
            return false;
        }
        State key = null;
        if (loads == null && k > 0) { // with loads the future depends on the stages so far: nothing to memoize
            key = new State(a, previous, used.clone());
            if (failed.contains(key)) {
                return false;
            }
        }
        int left = maxStages - k;
        for (int w = 0; w < nodes && !stopped; w++) {
            if (isUsed(w) || stageNeed[a][w] > left) {
                continue;
            }
            double in = k == 0 ? input[w] : transfer[a - 1][previous][w];
            if (in > threshold) {
                continue;
            }
            double[] s = stage[w][a];
            flip(w);
            for (int i = s.length - 1; i >= 0 && !stopped; i--) {
                int b = a + i;
                if (s[i] > threshold || need[b][w] > left - 1 || !push(previous, w, a, b)) {
                    continue;
                }
                planNodes[k] = w;
                planEnds[k] = b;
                boolean found = b == units ? complete(k)
                        : fewestNodesFor(b + 1) <= left - 1 && dive(k + 1, b + 1, w);
                pop();
                if (found) {
                    flip(w);
                    return true;
                }
            }
            flip(w);
        }
        if (key != null && !stopped) {
            failed.add(key);
        }
        return false;
    }

    /**
     * Whether the search goes on with this stage: always in the feasibility check; closing the
     * gap, when the summed loads stay below saturation and can still beat the best plan.
     */
    private boolean push(int previous, int w, int a, int b) {
        if (loads == null) {
            return true;
        }
        if (loads.push(previous, w, a, b)) {
            if (loads.unsaturated(loads.worstLoad()) && beats(loads.value())) {
                return true;
            }
            loads.pop();
        }
        return false;
    }

    private void pop() {
        if (loads != null) {
            loads.pop();
        }
    }

    /**
     * Stages 0..k reach the last unit: the feasibility check keeps the plan if its true value
     * beats the best and stops (true); closing the gap, the plan (which beats the best) becomes
     * the best and its value the threshold, and the search goes on.
     */
    private boolean complete(int k) {
        int[] ns = Arrays.copyOf(planNodes, k + 1);
        int[] ends = Arrays.copyOf(planEnds, k + 1);
        if (loads == null) {
            consider(ns, ends);
            return true;
        }
        best = new PipelineCandidate(ns, ends, loads.value());
        threshold = best.value();
        computeNeed();
        return false;
    }

    private boolean beats(double v) {
        return best == null || Tolerance.less(v, best.value());
    }

    /**
     * A lower bound on the stages units a..N still need on unused nodes: enough of them (largest
     * first) to hold those units' parameters in memory and, where stage times are FLOPs over a
     * rate, to compute their FLOPs with each stage's load at most the threshold (0 when a > N).
     */
    private int fewestNodesFor(int a) {
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
        return INF;
    }

    /**
     * Where resources are shared the true value exceeds the largest term: the same depth-first
     * search over plans, on the summed loads ({@link PipelineLoads}), each term still checked
     * against the best value so far, keeping the best true value (branch and bound with an exact
     * objective).
     */
    private void closeGap() {
        if (token.isCancelled()) {
            stopped = true;
            return;
        }
        threshold = best == null ? Double.POSITIVE_INFINITY : best.value();
        computeNeed();
        Arrays.fill(used, 0);
        loads = new PipelineLoads(costs, objective, request);
        dive(0, 1, -1);
        loads = null;
    }
}
