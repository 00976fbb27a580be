package org.splitscope.explain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

import org.splitscope.model.Lesson;
import org.splitscope.model.LessonGoal;
import org.splitscope.perf.Metrics;

/**
 * How far a student's current plan is from a lesson's goals. Reads only the evaluator's
 * {@link Metrics}; a goal on a figure the plan does not have (accuracy without exit statistics,
 * throughput of a plan that keeps nothing busy) counts as unmet, with the reason.
 */
public final class LessonProgress {
    private LessonProgress() {
    }

    /** One goal, whether it is met, and a line saying so with the plan's own figure. */
    public record GoalState(LessonGoal goal, Double value, boolean met, String line) {
    }

    public static List<GoalState> of(Lesson lesson, Metrics m) {
        return lesson.goals().stream().map(g -> state(g, value(g.metric(), m))).toList();
    }

    public static boolean done(List<GoalState> states) {
        return !states.isEmpty() && states.stream().allMatch(GoalState::met);
    }

    /** The metric in the goal's unit, or null when the plan has no such figure. */
    static Double value(LessonGoal.Metric metric, Metrics m) {
        return switch (metric) {
            case MEAN_LATENCY_MS -> m.meanLatency() * 1e3;
            case P95_LATENCY_MS -> m.latency().p95() * 1e3;
            case ACCURACY -> m.accuracy();
            case THROUGHPUT_PER_SECOND -> m.throughputPerSecond();
            case COST_USD_PER_MILLION -> m.costUsdPerMillion();
        };
    }

    private static GoalState state(LessonGoal g, Double value) {
        boolean upper = g.atMost() != null;
        double bound = upper ? g.atMost() : g.atLeast();
        String want = g.metric().label() + (upper ? " at most " : " at least ") + show(g.metric(), bound);
        if (value == null || value.isNaN()) {
            return new GoalState(g, null, false, want + ": this plan has no " + g.metric().label());
        }
        boolean met = upper ? value <= bound : value >= bound;
        return new GoalState(g, value, met, want + ": now " + show(g.metric(), value));
    }

    private static String show(LessonGoal.Metric metric, double v) {
        return metric == LessonGoal.Metric.ACCURACY
                ? String.format(Locale.ROOT, "%.1f %%", v * 100)
                : new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString() + " " + metric.unit();
    }
}
