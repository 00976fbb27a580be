package org.splitscope.report;

import org.splitscope.optimize.Objective;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.perf.Metrics;

/**
 * What the optimizer says about a report's scenario: the best plan for an objective under the
 * workload's goals, or why no search was made.
 *
 * @param best           the best plan, re-evaluated by the evaluator; {@code null} when skipped
 * @param skippedBecause why there is no best plan (the search is impossible or no plan meets the goals)
 */
public record OptimizerResult(Objective objective, RankedPlan best, String skippedBecause) {
    public static OptimizerResult skipped(Objective objective, String why) {
        return new OptimizerResult(objective, null, why);
    }

    public boolean found() {
        return best != null;
    }

    /** How much worse the current plan is than the best, in the objective's units (0 when it is the best). */
    public double gap(Metrics current) {
        double worse = objective.oriented(current) - objective.oriented(best.metrics());
        return Double.isNaN(worse) ? Double.NaN : Math.max(0, worse);
    }
}
