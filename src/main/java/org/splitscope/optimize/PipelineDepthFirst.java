package org.splitscope.optimize;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.splitscope.perf.Tolerance;

/**
 * The depth-first search over pipeline plans behind {@link PipelineThresholdSearch}, one loop for
 * its two uses. The feasibility check asks whether some plan of at most K stages on distinct
 * nodes has every term at most a threshold: it stops at the first plan and memoizes failed
 * states over (next unit, previous node, nodes used), whose future depends on nothing else since
 * each term is checked alone. Closing the gap, it checks each stage's summed loads
 * ({@link PipelineLoads}) and goes on past every plan, each one tightening the threshold. Both
 * prune by {@link FewestStages} and {@link UnusedNodes}, and both stop once the budget of visited
 * states is spent or the token is cancelled.
 */
final class PipelineDepthFirst {
    private final PipelineCosts costs;
    private final PipelineObjective objective;
    private final SearchRequest request;
    private final CancellationToken token;
    private final int units;
    private final int nodes;
    private final int maxStages;
    private final long budget;
    private final PipelineTerms terms;
    // the terms' tables, read directly in the loop
    private final double[] input;
    private final double[][][] transfer;
    private final double[][][] stage;
    private final UnusedNodes unused;
    private final Set<State> failed = new HashSet<>();
    private final int[] planNodes;
    private final int[] planEnds;

    private long visited;
    private boolean stopped;
    private double threshold;
    private FewestStages fewest;
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

    PipelineDepthFirst(PipelineCosts costs, PipelineObjective objective, SearchRequest request, PipelineTerms terms,
                       int maxStages, long budget, CancellationToken token) {
        this.costs = costs;
        this.objective = objective;
        this.request = request;
        this.terms = terms;
        this.token = token;
        this.budget = budget;
        this.maxStages = maxStages;
        units = costs.units;
        nodes = costs.nodeCount;
        input = terms.input;
        transfer = terms.transfer;
        stage = terms.stage;
        unused = new UnusedNodes(costs, objective);
        planNodes = new int[maxStages];
        planEnds = new int[maxStages];
    }

    /** The plan to beat from the start (or null). */
    void seed(PipelineCandidate incumbent) {
        best = incumbent;
    }

    /** The best plan by true value so far, the seed included; null when none. */
    PipelineCandidate best() {
        return best;
    }

    boolean stopped() {
        return stopped;
    }

    long visited() {
        return visited;
    }

    /** Whether some plan has every term at most t; the plan found is offered to the best so far ({@link #consider}). */
    boolean feasible(double t) {
        if (token.isCancelled()) {
            stopped = true;
            return false;
        }
        threshold = t;
        failed.clear();
        unused.clear();
        fewest = new FewestStages(terms, units, nodes, threshold);
        return dive(0, 1, -1);
    }

    /**
     * Where resources are shared the true value exceeds the largest term: the same search over
     * plans on the summed loads, each term still checked against the best value so far, keeping
     * the best true value (branch and bound with an exact objective).
     */
    void closeGap() {
        if (token.isCancelled()) {
            stopped = true;
            return;
        }
        threshold = best == null ? Double.POSITIVE_INFINITY : best.value();
        fewest = new FewestStages(terms, units, nodes, threshold);
        unused.clear();
        loads = new PipelineLoads(costs, objective, request);
        dive(0, 1, -1);
        loads = null;
    }

    /**
     * Stage k starts at unit a after a stage on previous (-1: the first stage).
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
            key = new State(a, previous, unused.snapshot());
            if (failed.contains(key)) {
                return false;
            }
        }
        int left = maxStages - k;
        for (int w = 0; w < nodes && !stopped; w++) {
            if (unused.isUsed(w) || fewest.startingAt(a, w) > left) {
                continue;
            }
            double in = k == 0 ? input[w] : transfer[a - 1][previous][w];
            if (in > threshold) {
                continue;
            }
            double[] s = stage[w][a];
            unused.flip(w);
            for (int i = s.length - 1; i >= 0 && !stopped; i--) {
                int b = a + i;
                if (s[i] > threshold || fewest.afterCut(b, w) > left - 1 || !push(previous, w, a, b)) {
                    continue;
                }
                planNodes[k] = w;
                planEnds[k] = b;
                boolean found = b == units ? complete(k)
                        : unused.fewestFor(b + 1, threshold) <= left - 1 && dive(k + 1, b + 1, w);
                pop();
                if (found) {
                    unused.flip(w);
                    return true;
                }
            }
            unused.flip(w);
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
        fewest = new FewestStages(terms, units, nodes, threshold);
        return false;
    }

    /** Keeps a plan the feasibility check found when its true value beats the best so far. */
    private void consider(int[] ns, int[] ends) {
        double v = PipelineLoads.value(costs, objective, request, ns, ends);
        if (!Double.isNaN(v) && beats(v)) {
            best = new PipelineCandidate(ns, ends, v);
        }
    }

    private boolean beats(double v) {
        return best == null || Tolerance.less(v, best.value());
    }
}
