package org.splitscope.ui.model;

/** What a unit's bar height on the model strip shows. */
public enum HeightMode {
    FLOPS("FLOPs"),
    /** Seconds on the node that runs it: measured for its device class where the profile has it. */
    TIME("Time on its node");

    private final String label;

    HeightMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
