package org.splitscope.optimize;

import org.splitscope.model.Scenario;
import org.splitscope.perf.Metrics;

/**
 * What {@link ServerlessSlicing} found.
 *
 * @param scenario   the slicing: the topology with one function per stage and the plan
 * @param metrics    the evaluator's figures for it
 * @param provenance how it was found and whether it is proven cheapest
 * @param unsplit    the whole model in one function, for comparison
 */
public record ServerlessSlicingResult(Scenario scenario, Metrics metrics, Provenance provenance,
                                      ServerlessBaseline unsplit) {
    public double costUsdPerRequest() {
        return metrics.costUsdPerRequest();
    }

    /**
     * How much cheaper the slicing is than the unsplit deployment, in percent of the latter's cost
     * (0 when they cost the same); null when there is no unsplit deployment to compare with or it
     * costs nothing.
     */
    public Double savingPercent() {
        Double base = unsplit.costUsdPerRequest();
        if (base == null || base <= 0) {
            return null;
        }
        return 100 * (base - metrics.costUsdPerRequest()) / base;
    }
}
