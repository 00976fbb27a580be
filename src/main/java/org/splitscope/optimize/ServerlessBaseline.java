package org.splitscope.optimize;

import org.splitscope.model.Scenario;
import org.splitscope.perf.Metrics;

/**
 * The unsplit deployment a serverless slicing is compared with: the whole model in one function,
 * input uncompressed, at the cheapest memory size that fits and meets the constraints.
 *
 * @param scenario  that deployment, or null when no memory size qualifies
 * @param metrics   the evaluator's figures for it, or null
 * @param memoryMB  its memory size, or null
 * @param reason    why no unsplit deployment qualifies, or null when one does
 */
public record ServerlessBaseline(Scenario scenario, Metrics metrics, Integer memoryMB, String reason) {
    public boolean exists() {
        return metrics != null;
    }

    /** USD per request of the unsplit deployment, or null when there is none. */
    public Double costUsdPerRequest() {
        return metrics == null ? null : metrics.costUsdPerRequest();
    }
}
