package org.splitscope.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.splitscope.perf.LatencySummary;
import org.splitscope.perf.Metrics;

/**
 * Two evaluated states side by side: every headline figure of each, the difference (B - A) and
 * the relative change, and which way is better. It only reads the evaluator's {@link Metrics}; a
 * figure one state lacks (accuracy without exit statistics, latency under a saturating load) is
 * absent there, and so is its difference.
 */
public final class Comparison {
    private Comparison() {
    }

    /** What a row measures; {@code lowerIsBetter} says which sign of the difference is an improvement. */
    public enum Figure {
        MEAN_LATENCY("mean latency", "ms", true, m -> m.meanLatency() * 1e3),
        P50_LATENCY("p50 latency", "ms", true, m -> m.latency().p50() * 1e3),
        P95_LATENCY("p95 latency", "ms", true, m -> m.latency().p95() * 1e3),
        P99_LATENCY("p99 latency", "ms", true, m -> m.latency().p99() * 1e3),
        LOADED_MEAN_LATENCY("mean latency under load", "ms", true, m -> ms(m.loadedLatency())),
        ACCURACY("accuracy", "%", false, m -> m.accuracy() == null ? null : m.accuracy() * 100),
        THROUGHPUT("throughput", "req/s", false, Metrics::throughputPerSecond),
        COST_PER_MILLION("cost per million requests", "USD", true, Metrics::costUsdPerMillion),
        COST_PER_HOUR("cost per hour at the arrival rate", "USD", true, Metrics::costUsdPerHour),
        ENERGY("energy per request on devices", "J", true, Metrics::energyJoulesPerRequest);

        private final String label;
        private final String unit;
        private final boolean lowerIsBetter;
        private final Function<Metrics, Double> read;

        Figure(String label, String unit, boolean lowerIsBetter, Function<Metrics, Double> read) {
            this.label = label;
            this.unit = unit;
            this.lowerIsBetter = lowerIsBetter;
            this.read = read;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        public boolean lowerIsBetter() {
            return lowerIsBetter;
        }

        public Double of(Metrics m) {
            return read.apply(m);
        }

        private static Double ms(LatencySummary s) {
            return s == null ? null : s.mean() * 1e3;
        }
    }

    /**
     * One figure of both states.
     *
     * @param difference B - A, in the figure's unit; null when either is absent
     * @param percent    the difference relative to A; null when A is absent or 0
     */
    public record Row(Figure figure, Double a, Double b, Double difference, Double percent) {
        /** +1 when B is better, -1 when worse, 0 when equal or unknown. */
        public int verdict() {
            if (difference == null || difference == 0) {
                return 0;
            }
            boolean lower = difference < 0;
            return lower == figure.lowerIsBetter() ? 1 : -1;
        }
    }

    public static List<Row> of(Metrics a, Metrics b) {
        List<Row> rows = new ArrayList<>();
        for (Figure f : Figure.values()) {
            Double x = f.of(a);
            Double y = f.of(b);
            Double d = x == null || y == null ? null : y - x;
            Double pct = d == null || x == 0 ? null : 100 * d / Math.abs(x);
            rows.add(new Row(f, x, y, d, pct));
        }
        return rows;
    }
}
