package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitscope.model.ModelProfile;

/**
 * SEIFER's edge-cluster pipeline placement (Parthasarathy and Krishnamachari, "SEIFER: Scalable
 * Edge Inference for Deep Neural Networks", 2022): cut the model into at most K stages
 * (K = {@code space().maxStages()}) on distinct nodes so that the bottleneck, the largest
 * per-request load of any node or link, is least (pipelined throughput is its inverse), or,
 * with {@link PipelineObjective#COMMUNICATION}, so that the slowest transfer is least. Loads are
 * the evaluator's busy times: compute with (de)serialization over concurrency, link busy time
 * on the router's least-time routes, the input from the source and the result to the sink
 * included. Memory caps, pins, forbids and the utilization limit hold; plans carry no exits.
 *
 * <p>Method: {@link PipelineThresholdSearch}, a binary search over the sorted finite set of values
 * the objective can take, with an exhaustive feasibility check per threshold (depth-first over
 * next unit, previous node and nodes used, failed states memoized), seeded with the three
 * baselines ({@link RandomPipeline}, {@link GreedyPipeline}, {@link PartitionThenPlace}) so that
 * it never returns worse than they do. It finds a plan whenever one exists and proves the
 * optimum, unless its budget of checked states runs out (then the result is the best found,
 * labelled not exact, with the proven lower bound and the gap in its notes). Plans after the
 * first ({@code count > 1}) come from {@link PipelineBranchAndBound}, seeded with the optimum.
 * Running time: O(V^2 N) routes and O(V N^2 + N V^2) terms, then O(log(terms)) feasibility
 * checks of O(N^2 V + N V^2) each plus the states they visit (exponential in the worst case; a
 * few dozen on SEIFER's clusters of 5 to 50 boards), for V nodes and N units.
 */
public final class PipelinePlacement {
    public static final String METHOD = "pipeline threshold search";
    /** States the threshold search may check before it stops with its gap. */
    public static final long DEFAULT_BUDGET = PipelineThresholdSearch.DEFAULT_BUDGET;
    /** Expansions of the branch and bound that ranks the plans after the proven best. */
    private static final long RANKS_BUDGET = 2_000;
    private static final long RANDOM_SEED = 1;

    private final SearchRequest request;
    private final PipelineObjective objective;
    private final long budget;
    private double lowerBound = Double.NaN;

    /** @throws InvalidSearchException listing every problem of the request */
    public PipelinePlacement(SearchRequest request, PipelineObjective objective) {
        this(request, objective, DEFAULT_BUDGET);
    }

    /** With a budget of states of its own (tests drive the search to completion or stop it early). */
    PipelinePlacement(SearchRequest request, PipelineObjective objective, long budget) {
        PipelineRequests.validate(request, objective);
        this.request = request;
        this.objective = objective;
        this.budget = budget;
    }

    /**
     * The best {@code count} plans, best first, each evaluated by the evaluator; objective values
     * are seconds per request.
     *
     * @throws InfeasibleConstraintsException when no plan meets the constraints, saying why
     * @throws SearchStopped when the token is cancelled, with the best plan so far and the proven lower bound
     */
    public List<RankedPlan> top(int count, Progress progress, CancellationToken token) {
        if (count < 1) {
            throw new IllegalArgumentException("ask for at least one plan, got " + count);
        }
        PipelineCosts costs = new PipelineCosts(request);
        int stages = PipelineRequests.stages(request, costs);
        PipelineCandidate seed = null;
        for (PipelineCandidate c : new PipelineCandidate[] {RandomPipeline.candidate(costs, objective, request, stages,
                RANDOM_SEED), GreedyPipeline.candidate(costs, objective, request, stages),
                PartitionThenPlace.candidate(costs, objective, request, stages)}) {
            if (c != null && !Double.isNaN(c.value()) && (seed == null || c.value() < seed.value())) {
                seed = c;
            }
        }
        PipelineThresholdSearch exact = new PipelineThresholdSearch(costs, objective, request, stages, budget, token);
        PipelineCandidate optimum = exact.run(seed);
        lowerBound = exact.lowerBound();
        if (token.isCancelled()) {
            throw stopped(optimum, exact.visited());
        }
        boolean complete = exact.proven();
        long work = exact.visited();
        List<PipelineCandidate> found = optimum == null ? List.of() : List.of(optimum);
        if (count > 1 && optimum != null) {
            // the threshold search proves the best plan; the ranks after it come from the branch and bound
            PipelineLoads loads = new PipelineLoads(costs, objective, request);
            try {
                PipelineBound bound = new PipelineBound(costs, objective, loads, stages, token);
                PipelineBranchAndBound search = new PipelineBranchAndBound(costs, objective, loads, bound, stages,
                        RANKS_BUDGET, count, progress, token);
                search.offer(optimum);
                search.offer(seed);
                complete &= search.run();
                work += search.expansions();
                found = search.best();
            } catch (java.util.concurrent.CancellationException e) {
                throw stopped(optimum, work); // the best plan stands; only the ranks after it are missing
            }
        }
        List<String> notes = PipelineRequests.notes(request);
        if (found.isEmpty()) {
            throw infeasible(costs, stages, complete);
        }
        double best = found.get(0).value();
        if (exact.proven()) {
            notes.add("proved optimal: binary search over " + exact.thresholds() + " candidate values, "
                    + exact.visited() + " states checked" + (count > 1 && !complete ? " (plans after the first: best"
                    + " found within the branch and bound's budget)" : ""));
        } else {
            notes.add(String.format(Locale.ROOT, "stopped after %d states; lower bound %.6g s per request, best %.6g s,"
                    + " gap %.2f%%", exact.visited(), lowerBound, best, 100 * gap(best, lowerBound)));
        }
        List<RankedPlan> ranked = PipelineRequests.ranked(request, objective, found, METHOD, complete, work, notes);
        if (ranked.isEmpty()) {
            Double accuracy = request.evaluator().evaluate(found.get(0).plan(request.evaluator().topology()),
                    request.workload()).accuracy();
            throw new InfeasibleConstraintsException("No plan meets the constraints.", List.of(new UnmetConstraint(
                    Constraint.ACCURACY_FLOOR, true, "Without exits every plan has the same accuracy, "
                    + Infeasibility.percent(accuracy) + ", below the accuracy floor "
                    + Infeasibility.percent(request.constraints().accuracyFloor()) + ".")));
        }
        return ranked;
    }

    /** Stopped by the token: the best plan so far (the seed at least), within the bound the threshold search proved. */
    private SearchStopped stopped(PipelineCandidate best, long work) {
        List<String> notes = PipelineRequests.notes(request);
        List<RankedPlan> ranked = PipelineRequests.ranked(request, objective, best == null ? List.of() : List.of(best),
                METHOD, false, work, notes);
        return SearchStopped.of(ranked, best == null ? Double.NaN : best.value(), lowerBound, METHOD, work, notes);
    }

    /** The relaxation's lower bound on the objective (seconds per request) of the last search; NaN before one. */
    public double lowerBound() {
        return lowerBound;
    }

    /** (best - bound) / bound; 0 when both are 0. */
    static double gap(double best, double bound) {
        return bound > 0 ? (best - bound) / bound : best > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    private InfeasibleConstraintsException infeasible(PipelineCosts costs, int stages, boolean complete) {
        ModelProfile profile = request.evaluator().profile();
        int needed = 0;
        for (int a = 1; a <= costs.units; ) {
            int furthest = a - 1;
            for (int n = 0; n < costs.nodeCount; n++) {
                furthest = Math.max(furthest, costs.reach[n][a]);
            }
            if (furthest < a) {
                return new InfeasibleConstraintsException("No plan: unit " + a + " ('" + profile.unit(a).name()
                        + "') fits on no node (its memory, or the pins and forbids, rule out every node).",
                        List.of(new UnmetConstraint(Constraint.MEMORY, true, "Unit " + a + " needs "
                                + (profile.unit(a).paramBytes() + profile.unit(a).workingBytes()) + " bytes alone.")));
            }
            needed++;
            a = furthest + 1;
        }
        int usable = 0;
        for (int n = 0; n < costs.nodeCount; n++) {
            boolean hosts = false;
            for (int a = 1; a <= costs.units && !hosts; a++) {
                hosts = costs.reach[n][a] >= a;
            }
            usable += hosts ? 1 : 0;
        }
        if (needed > stages) {
            String why = usable < needed ? "only " + usable + " nodes can host any unit" : "space.maxStages allows "
                    + request.space().maxStages();
            return new InfeasibleConstraintsException("No plan: the model needs at least " + needed + " stages to fit"
                    + " in memory, but " + why + ".", List.of(new UnmetConstraint(Constraint.MEMORY, true,
                    "At least " + needed + " stages are needed, " + stages + " possible.")));
        }
        List<UnmetConstraint> unmet = new ArrayList<>();
        if (request.constraints().belowSaturation() && request.workload().arrivalRatePerSecond() > 0) {
            double rate = request.workload().arrivalRatePerSecond();
            unmet.add(new UnmetConstraint(Constraint.UTILIZATION, false, "Every plan found saturates some node or link at "
                    + rate + " requests/s: that needs a bottleneck below " + 1 / rate + " s per request."));
        }
        return new InfeasibleConstraintsException("No plan of at most " + stages + " stages on distinct nodes meets the"
                + " constraints" + (complete ? "" : " within the search budget") + " (routes, memory, pins, forbids"
                + " and utilization together).", unmet);
    }
}
