package org.splitscope.ui.model;

/** How wide a unit's bar on the model strip is. */
public enum WidthMode {
    EVEN("Even"),
    /** Proportional to the unit's FLOPs, so the strip reads as "where the compute is". */
    FLOPS("By FLOPs"),
    /** Proportional to the unit's parameter bytes, "where the weights are". */
    PARAMS("By parameter bytes");

    private final String label;

    WidthMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
