package org.splitscope.whatif;

import java.util.List;

import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.perf.Metrics;

/**
 * One point of a sweep: the current plan's metrics at this value and, when the sweep re-optimizes,
 * the best plan there and its metrics. Where the scenario is invalid at this value (a bandwidth of
 * 0, say) there are problems instead of numbers.
 *
 * @param proven false where the search returned its best plan without proving it optimal (it
 *               searched a narrowed space, say; its notes say why); true where it did, or where
 *               there is no best plan to judge
 */
public record SweepPoint(double value, Metrics current, Plan optimalPlan, Metrics optimal, List<Problem> problems,
                         boolean proven) {
    public SweepPoint {
        problems = List.copyOf(problems);
    }

    public SweepPoint(double value, Metrics current, Plan optimalPlan, Metrics optimal, List<Problem> problems) {
        this(value, current, optimalPlan, optimal, problems, true);
    }

    /** Whether this point has a best plan that the search did not prove optimal. */
    public boolean unproven() {
        return optimalPlan != null && !proven;
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
