package org.splitscope.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The assumption under which per-exit curves, each measured alone, are combined. */
public enum CurveCombination {
    /** An exit's rate does not depend on earlier exits. */
    @JsonProperty("independent") INDEPENDENT,
    /** PORTEND: samples that pass an earlier exit would pass every later one. */
    @JsonProperty("nested") NESTED
}
