package org.splitscope.optimize;

import org.splitscope.model.Plan;
import org.splitscope.perf.Metrics;

/**
 * One plan a search returns, with the evaluator's metrics for it (what the window shows).
 *
 * @param rank           1 for the best
 * @param objectiveValue the objective's value read from {@code metrics}
 */
public record RankedPlan(int rank, Plan plan, Metrics metrics, double objectiveValue, Provenance provenance) {
}
