package org.splitscope.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.splitscope.chart.Formats;
import org.splitscope.perf.Metrics;

/**
 * One line of the what-if table: a metric of the current plan and of the best plan on the scaled
 * scenario, and best minus current, all as the window shows them ({@link Formats}).
 */
public record WhatIfRow(String metric, String current, String best, String difference) {
    /** The table for two metrics, either of which may be missing ({@link Formats#NONE} there). */
    public static List<WhatIfRow> of(Metrics current, Metrics best) {
        return List.of(
                row("Mean latency", current, best, Metrics::meanLatency, Formats::ms, Formats::ms),
                row("p95 latency", current, best, m -> m.latency().p95(), Formats::ms, Formats::ms),
                row("Accuracy", current, best, Metrics::accuracy, Formats::percent, WhatIfRow::points),
                row("Cost per million", current, best, Metrics::costUsdPerMillion, Formats::usd, Formats::usd),
                row("Throughput", current, best, Metrics::throughputPerSecond, Formats::rate, Formats::rate),
                new WhatIfRow("Bottleneck", text(current, Metrics::bottleneck), text(best, Metrics::bottleneck), ""));
    }

    private static WhatIfRow row(String name, Metrics current, Metrics best, Function<Metrics, Double> figure,
                                 Function<Double, String> format, Function<Double, String> formatDifference) {
        Double a = current == null ? null : figure.apply(current);
        Double b = best == null ? null : figure.apply(best);
        String difference = a == null || b == null ? Formats.NONE
                : (b - a >= 0 ? "+" : "−") + formatDifference.apply(Math.abs(b - a));
        // a figure the metrics lack still has its text (unbounded throughput); a plan that is missing has none
        return new WhatIfRow(name, current == null ? Formats.NONE : format.apply(a),
                best == null ? Formats.NONE : format.apply(b), difference);
    }

    /** A difference of two shares in percentage points: 93.6 % against 90.5 % differ by 3.1 pp, not 3.1 %. */
    static String points(Double share) {
        return String.format(Locale.ROOT, "%.1f pp", share * 100);
    }

    private static String text(Metrics m, Function<Metrics, String> f) {
        return m == null || f.apply(m) == null ? Formats.NONE : f.apply(m);
    }
}
