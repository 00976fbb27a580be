package org.splitscope.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a sample's confidence is compared with an exit's threshold. */
public enum ExitCriterion {
    /** Exit when the top class probability is at least the threshold. */
    @JsonProperty("maxProb") MAX_PROB,
    /** Exit when the normalized entropy of the prediction is at most the threshold (PORTEND). */
    @JsonProperty("entropy") ENTROPY;

    public boolean passes(double confidence, double threshold) {
        return this == MAX_PROB ? confidence >= threshold : confidence <= threshold;
    }
}
