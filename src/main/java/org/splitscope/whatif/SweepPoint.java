package org.splitscope.whatif;

import java.util.List;

import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.perf.Metrics;

/**
 * One point of a sweep: the current plan's metrics at this value and, when the sweep re-optimizes,
 * the best plan there and its metrics. Where the scenario is invalid at this value (a bandwidth of
 * 0, say) there are problems instead of numbers.
 */
public record SweepPoint(double value, Metrics current, Plan optimalPlan, Metrics optimal, List<Problem> problems) {
    public SweepPoint {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
