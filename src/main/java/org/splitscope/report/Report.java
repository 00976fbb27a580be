package org.splitscope.report;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.InvalidSearchException;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.testbed.TestbedRun;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepResult;

/**
 * Everything a plan report shows: the scenario, the evaluator's metrics for its plan, the
 * optimizer's best plan for comparison, the assumptions in force and an optional sweep. Rendering
 * (HTML, PDF) reads this record and computes no figure.
 *
 * @param sweep   {@code null} when the caller ran none
 * @param testbed plans run for real beside their predictions, {@code null} when the caller ran none
 * @param grid    a two-parameter what-if (the best plan at every point), {@code null} when the caller ran none
 */
public record Report(Scenario scenario, Metrics metrics, OptimizerResult optimizer, List<Assumption> assumptions,
                     SweepResult sweep, TestbedRun testbed, SweepGrid.Result grid) {
    /** The optimizer's objective in reports: the one {@code optimize} uses by default. */
    public static final Objective OBJECTIVE = Objective.MEAN_LATENCY;

    public Report {
        assumptions = List.copyOf(assumptions);
    }

    public Report(Scenario scenario, Metrics metrics, OptimizerResult optimizer, List<Assumption> assumptions,
                  SweepResult sweep) {
        this(scenario, metrics, optimizer, assumptions, sweep, null, null);
    }

    /** The same report with a testbed section ({@code null}: without one). */
    public Report withTestbed(TestbedRun run) {
        return new Report(scenario, metrics, optimizer, assumptions, sweep, run, grid);
    }

    /** The same report with a two-parameter what-if section ({@code null}: without one). */
    public Report withGrid(SweepGrid.Result g) {
        return new Report(scenario, metrics, optimizer, assumptions, sweep, testbed, g);
    }

    /**
     * Evaluates the scenario's plan and runs the exact search (objective {@link #OBJECTIVE}, the
     * workload's goals as constraints). The scenario must be valid.
     *
     * @throws CancellationException when the token is cancelled during the search
     */
    public static Report assemble(Scenario s, SweepResult sweep, CancellationToken token) {
        Metrics m = new Evaluator(s.profile(), s.topology()).evaluate(s.plan(), s.workload());
        return new Report(s, m, optimize(s, token), Assumptions.of(s, m), sweep);
    }

    static OptimizerResult optimize(Scenario s, CancellationToken token) {
        SearchRequest request = SearchRequest.of(s, OBJECTIVE);
        try {
            List<RankedPlan> best = new ExactChainSearch(request).top(1, Progress.NONE, token);
            return best.isEmpty() ? OptimizerResult.skipped(OBJECTIVE, "the search found no plan")
                    : new OptimizerResult(OBJECTIVE, best.get(0), null);
        } catch (InvalidSearchException e) {
            return OptimizerResult.skipped(OBJECTIVE, "the search is not possible for this scenario: "
                    + String.join("; ", e.problems().stream().map(Object::toString).toList()));
        } catch (InfeasibleConstraintsException e) {
            return OptimizerResult.skipped(OBJECTIVE, "no plan meets the workload's goals: " + e.getMessage());
        }
    }
}
