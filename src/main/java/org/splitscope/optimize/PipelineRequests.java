package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * What pipeline placement and its baselines share: which requests they accept, and turning the
 * plans they found into ranked plans scored by the evaluator.
 */
final class PipelineRequests {
    private PipelineRequests() {
    }

    /** @throws InvalidSearchException listing every problem, the request's own and what SEIFER's setting excludes */
    static void validate(SearchRequest request, PipelineObjective objective) {
        List<Problem> problems = new ArrayList<>(request.validate());
        if (objective == null) {
            problems.add(new Problem("objective", "missing: give BOTTLENECK or COMMUNICATION"));
        }
        if (request.objective() == Objective.LOADED_LATENCY) {
            problems.add(new Problem("objective", "pipeline placement (SEIFER) ranks plans by their bottleneck, not by the"
                    + " mean latency under load; the exact chain search ranks by that"));
        }
        if (request.space().placement() != null && request.space().placement() != Placement.DISTINCT) {
            problems.add(new Problem("space.placement", "pipeline placement puts every stage on a node of its own"
                    + " (SEIFER); use DISTINCT, got " + request.space().placement()));
        }
        if (request.constraints().latencySloSeconds() != null) {
            problems.add(new Problem("constraints.latencySloSeconds", "pipeline placement does not search under a latency"
                    + " SLO; drop it, or use ExhaustiveSearch for small clusters"));
        }
        if (request.constraints().budgetUsdPerRequest() != null) {
            problems.add(new Problem("constraints.budgetUsdPerRequest", "pipeline placement does not search under a"
                    + " budget; drop it, or use ExhaustiveSearch for small clusters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSearchException(problems);
        }
    }

    /** The most stages a plan may have: the space's limit, and at most one a unit and one a node. */
    static int stages(SearchRequest request, PipelineCosts costs) {
        return Math.min(request.space().maxStages(), Math.min(costs.units, costs.nodeCount));
    }

    /** A baseline's plan (null: none found) scored by the evaluator, not proven; empty when none or it misses a constraint. */
    static Optional<RankedPlan> baseline(SearchRequest request, PipelineObjective objective, PipelineCandidate found,
                                         String method, long evaluated) {
        return found == null ? Optional.empty() : ranked(request, objective, List.of(found), method, false, evaluated,
                notes(request)).stream().findFirst();
    }

    /** Notes every pipeline result carries. */
    static List<String> notes(SearchRequest request) {
        List<String> notes = new ArrayList<>();
        if (!request.evaluator().profile().exits().isEmpty()) {
            notes.add("the profile's " + request.evaluator().profile().exits().size() + " exits are not used: SEIFER"
                    + " pipelines carry no early exits");
        }
        return notes;
    }

    /**
     * The candidates scored by the evaluator, best first, as ranked plans; the value shown is the
     * evaluator's. Candidates that miss a constraint the search cannot see (the accuracy floor,
     * which no placement changes without exits) are dropped.
     */
    static List<RankedPlan> ranked(SearchRequest request, PipelineObjective objective, List<PipelineCandidate> found,
                                   String method, boolean exact, long evaluated, List<String> notes) {
        List<RankedPlan> out = new ArrayList<>();
        for (PipelineCandidate c : found) {
            Plan plan = c.plan(request.evaluator().topology());
            Metrics m = request.evaluator().evaluate(plan, request.workload());
            if (!request.constraints().metBy(m)) {
                continue;
            }
            double value = objective.value(m);
            List<String> planNotes = new ArrayList<>(notes);
            if (!Tolerance.equal(value, c.value())) {
                planNotes.add("the search estimated " + c.value() + " s but the evaluator gives " + value + " s");
            }
            out.add(new RankedPlan(0, plan, m, value, new Provenance(method, exact, evaluated + found.size(), planNotes)));
        }
        // plans of one bottleneck (or communication) time go in the exact search's later order:
        // mean latency, cost, accuracy, fewer stages
        out.sort(Comparator.comparing(r -> new double[] {r.objectiveValue(), r.metrics().meanLatency(),
                r.metrics().costUsdPerRequest(), r.metrics().accuracy() == null ? 0 : -r.metrics().accuracy(),
                r.plan().stages().size()}, Ranking::compareExactly));
        List<RankedPlan> ranked = new ArrayList<>();
        for (RankedPlan r : out) {
            ranked.add(new RankedPlan(ranked.size() + 1, r.plan(), r.metrics(), r.objectiveValue(), r.provenance()));
        }
        return List.copyOf(ranked);
    }
}
