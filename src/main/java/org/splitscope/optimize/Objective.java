package org.splitscope.optimize;

import org.splitscope.perf.Metrics;

/** What a search optimizes; every value is read from the evaluator's {@link Metrics}. */
public enum Objective {
    MEAN_LATENCY("mean latency", true),
    /**
     * The mean latency with the M/D/1 waits at the workload's arrival rate (the figure the SLO
     * holds); a plan that saturates a node or link has none and is infeasible for it.
     */
    LOADED_LATENCY("mean latency under load", true),
    P95_LATENCY("p95 latency", true),
    COST("cost per request", true),
    THROUGHPUT("throughput", false),
    ACCURACY("accuracy", false);

    private final String label;
    private final boolean minimize;

    Objective(String label, boolean minimize) {
        this.label = label;
        this.minimize = minimize;
    }

    public String label() {
        return label;
    }

    public boolean minimize() {
        return minimize;
    }

    /**
     * The objective's value for a plan: seconds, USD per request, requests per second or a share.
     * Unknown accuracy, and the loaded latency of a saturated plan, are NaN; a plan that keeps nothing busy has infinite throughput.
     */
    public double value(Metrics m) {
        return switch (this) {
            case MEAN_LATENCY -> m.meanLatency();
            case LOADED_LATENCY -> m.loadedLatency() == null ? Double.NaN : m.loadedLatency().mean();
            case P95_LATENCY -> m.latency().p95();
            case COST -> m.costUsdPerRequest();
            case THROUGHPUT -> m.throughputPerSecond() == null ? Double.POSITIVE_INFINITY : m.throughputPerSecond();
            case ACCURACY -> m.accuracy() == null ? Double.NaN : m.accuracy();
        };
    }

    /** The value turned so that smaller is better; unknown values rank last. */
    public double oriented(Metrics m) {
        double v = value(m);
        if (Double.isNaN(v)) {
            return Double.POSITIVE_INFINITY;
        }
        return minimize ? v : -v;
    }
}
