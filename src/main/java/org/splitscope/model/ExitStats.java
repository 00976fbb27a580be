package org.splitscope.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How often, and how well, samples leave at each exit. Either per-sample measurements (exact)
 * or per-exit threshold curves (approximate). Arrays are indexed in the order of the profile's
 * {@code exits}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SampleStats.class, name = "samples"),
        @JsonSubTypes.Type(value = CurveStats.class, name = "curves")})
public sealed interface ExitStats permits SampleStats, CurveStats {
    void validate(String path, int exitCount, ExitCriterion criterion, Problems p);
}
