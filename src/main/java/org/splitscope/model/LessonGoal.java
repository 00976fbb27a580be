package org.splitscope.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One thing a lesson asks the student to reach, e.g. mean latency at most 60 ms. Exactly one of
 * the bounds is set, in the metric's own unit.
 */
public record LessonGoal(Metric metric, @OptionalField Double atMost, @OptionalField Double atLeast) {

    /** What a goal bounds, in the unit people read in the window. */
    public enum Metric {
        @JsonProperty("meanLatencyMs") MEAN_LATENCY_MS("mean latency", "ms"),
        @JsonProperty("p95LatencyMs") P95_LATENCY_MS("p95 latency", "ms"),
        @JsonProperty("accuracy") ACCURACY("accuracy", ""),
        @JsonProperty("throughputPerSecond") THROUGHPUT_PER_SECOND("throughput", "req/s"),
        @JsonProperty("costUsdPerMillion") COST_USD_PER_MILLION("cost per million requests", "USD");

        private final String label;
        private final String unit;

        Metric(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }
    }

    void validate(String path, Problems p) {
        if (metric == null) {
            p.add(path + ".metric", "missing; one of meanLatencyMs, p95LatencyMs, accuracy, throughputPerSecond, costUsdPerMillion");
        }
        if ((atMost == null) == (atLeast == null)) {
            p.add(path, "set exactly one of atMost and atLeast");
        }
        if (atMost != null && p.finite(atMost, path + ".atMost")) {
            p.nonNegative(atMost, path + ".atMost");
        }
        if (atLeast != null && p.finite(atLeast, path + ".atLeast")) {
            p.nonNegative(atLeast, path + ".atLeast");
        }
        if (metric == Metric.ACCURACY) {
            Double bound = atMost != null ? atMost : atLeast;
            if (bound != null && bound > 1) {
                p.add(path + (atMost != null ? ".atMost" : ".atLeast"), "accuracy is a share in [0, 1], got " + bound);
            }
        }
    }
}
