package org.splitscope.chart;

import org.splitscope.perf.Metrics;

/** The figure a what-if sweep chart plots, read from the evaluator's {@link Metrics} in the window's units. */
public enum SweepMetric {
    LATENCY("mean latency (ms)"),
    COST("cost per million requests ($)"),
    ACCURACY("accuracy (%)"),
    THROUGHPUT("throughput (req/s)");

    private final String axis;

    SweepMetric(String axis) {
        this.axis = axis;
    }

    public String axis() {
        return axis;
    }

    /** The figure, or {@code null} where the metrics have none (unknown accuracy, unbounded throughput). */
    public Double value(Metrics m) {
        if (m == null) {
            return null;
        }
        return switch (this) {
            case LATENCY -> m.meanLatency() * 1e3;
            case COST -> m.costUsdPerMillion();
            case ACCURACY -> m.accuracy() == null ? null : m.accuracy() * 100;
            case THROUGHPUT -> m.throughputPerSecond();
        };
    }

    /** A figure of this metric as people read it, with its unit. */
    public String format(double v) {
        return switch (this) {
            case LATENCY -> Formats.ms(v / 1e3);
            case COST -> Formats.usd(v) + " per million requests";
            case ACCURACY -> Formats.percent(v / 100);
            case THROUGHPUT -> Formats.rate(v);
        };
    }

    @Override
    public String toString() {
        return axis;
    }
}
