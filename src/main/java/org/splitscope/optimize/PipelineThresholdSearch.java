package org.splitscope.optimize;

import java.util.Arrays;

import org.splitscope.perf.Tolerance;

/**
 * The exact pipeline placement: binary search on the objective over the sorted finite set of
 * values it can take, with an exhaustive feasibility check per threshold.
 *
 * <p>Every load of a plan is a sum of terms, each fixed by one choice ({@link PipelineTerms}).
 * The largest term of a plan is therefore one of O(V + V N^2 + N V^2) values, and whether some
 * plan of at most K stages on distinct nodes, each fitting its node's memory, has every term at
 * most T is monotone in T. The check ({@link PipelineDepthFirst}) is a depth-first search over
 * (next unit, previous node, nodes used), exhaustive with failed states memoized, pruned by two
 * relaxations: the fewest stages that can still finish from a cut when nodes may repeat
 * ({@link FewestStages}, a dynamic program per threshold), and the fewest unused nodes whose
 * memory can hold the units left ({@link UnusedNodes}).
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

    private final PipelineTerms terms;
    private final double[] values;
    private final PipelineDepthFirst search;
    private double lowerBound = Double.NaN;
    private boolean proven;

    PipelineThresholdSearch(PipelineCosts costs, PipelineObjective objective, SearchRequest request, int maxStages,
                            long budget, CancellationToken token) {
        terms = new PipelineTerms(costs, objective, request);
        values = terms.values;
        search = new PipelineDepthFirst(costs, objective, request, terms, maxStages, budget, token);
    }

    /**
     * The best plan, or null when none exists (proven, unless {@link #stopped()}); never worse
     * than the incumbent.
     *
     * @param incumbent a plan found elsewhere (or null): the search only looks at or below its terms
     */
    PipelineCandidate run(PipelineCandidate incumbent) {
        search.seed(incumbent);
        if (values.length == 0) {
            proven = true;
            return search.best();
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
        if (!hiFeasible && !search.feasible(values[hi])) {
            proven = !search.stopped();
            lowerBound = search.stopped() ? values[0] : Double.POSITIVE_INFINITY;
            return search.best();
        }
        int lo = 0;
        // invariant: some plan has every term at most values[hi]; none has them all below values[lo]
        while (lo < hi && !search.stopped()) {
            int mid = (lo + hi) >>> 1;
            if (search.feasible(values[mid])) {
                hi = mid;
            } else if (!search.stopped()) {
                lo = mid + 1;
            }
        }
        lowerBound = values[lo];
        if (search.stopped()) {
            return search.best();
        }
        if (search.best() != null && Tolerance.equal(search.best().value(), lowerBound)) {
            proven = true;
            return search.best();
        }
        search.closeGap();
        proven = !search.stopped();
        if (proven && search.best() != null) {
            lowerBound = search.best().value();
        }
        return search.best();
    }

    boolean stopped() {
        return search.stopped();
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
        return search.visited();
    }
}
