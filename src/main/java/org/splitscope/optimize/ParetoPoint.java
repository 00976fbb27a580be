package org.splitscope.optimize;

import org.splitscope.model.Plan;
import org.splitscope.perf.Metrics;

/** A plan on the Pareto front of (mean latency, accuracy, cost), with the evaluator's metrics for it. */
public record ParetoPoint(Plan plan, Metrics metrics, Provenance provenance) {
}
