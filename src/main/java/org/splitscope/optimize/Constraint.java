package org.splitscope.optimize;

/** The kinds of constraint a search can be asked to meet. */
public enum Constraint {
    ACCURACY_FLOOR("accuracy floor"),
    LATENCY_SLO("latency SLO (mean latency under load)"),
    BUDGET("budget per request"),
    MEMORY("memory (every node fits what it hosts)"),
    UTILIZATION("utilization below 1 at the arrival rate");

    private final String label;

    Constraint(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
