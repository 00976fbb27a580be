package org.splitscope.perf;

/** How the accuracy and outcome shares were obtained; shown with every result. */
public enum AccuracyMethod {
    /** Exact and joint, from per-sample confidences. */
    SAMPLES("exact (per-sample statistics)"),
    /** Approximate: per-exit curves, assuming an exit's rate ignores earlier exits. */
    CURVES_INDEPENDENT("approximate (curves, independent exits)"),
    /** Approximate: per-exit curves, PORTEND's nested assumption. */
    CURVES_NESTED("approximate (curves, nested exits)"),
    /** The profile has no exit statistics, so accuracy is unknown. */
    UNKNOWN("unknown (no exit statistics)");

    private final String description;

    AccuracyMethod(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean approximate() {
        return this == CURVES_INDEPENDENT || this == CURVES_NESTED;
    }
}
