package org.splitscope.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.splitscope.optimize.Objective;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.ResourceUse;
import org.splitscope.perf.Tolerance;

/**
 * Why a search's winner won, in a few plain sentences: its objective value, its bottleneck (the
 * resource that sets its throughput, with its busy time per request), and what the runner-up
 * loses on (each figure where it is worse, by how much) and gains on. It reads only the
 * evaluator's {@link Metrics} carried by the ranked plans, so every number it names is one the
 * window and the command line show too. Running time: O(R) for R resources of the winner.
 */
public final class WinnerExplanation {
    /** The figures compared between the winner and the runner-up, in the order they are named. */
    public enum Figure {
        MEAN_LATENCY("mean latency", true),
        LOADED_LATENCY("mean latency under load", true),
        P95_LATENCY("p95 latency", true),
        ACCURACY("accuracy", false),
        COST("cost per million requests", true),
        THROUGHPUT("throughput", false);

        private final String label;
        private final boolean lowerIsBetter;

        Figure(String label, boolean lowerIsBetter) {
            this.label = label;
            this.lowerIsBetter = lowerIsBetter;
        }

        public String label() {
            return label;
        }

        /** The figure in SI units; {@code null} when unknown (accuracy without statistics, unbounded throughput). */
        Double of(Metrics m) {
            return switch (this) {
                case MEAN_LATENCY -> m.meanLatency();
                // without an arrival rate it is the mean latency again, which is compared already
                case LOADED_LATENCY -> m.arrivalRatePerSecond() > 0 && m.loadedLatency() != null
                        ? m.loadedLatency().mean() : null;
                case P95_LATENCY -> m.latency().p95();
                case ACCURACY -> m.accuracy();
                case COST -> m.costUsdPerMillion();
                case THROUGHPUT -> m.throughputPerSecond();
            };
        }

        String format(double v) {
            return switch (this) {
                case MEAN_LATENCY, LOADED_LATENCY, P95_LATENCY -> String.format(Locale.ROOT, "%.2f ms", v * 1e3);
                case ACCURACY -> String.format(Locale.ROOT, "%.2f %%", v * 100);
                case COST -> String.format(Locale.ROOT, "$%.4g", v);
                case THROUGHPUT -> String.format(Locale.ROOT, "%.4g requests/s", v);
            };
        }

        /**
         * A difference, named the way people say it: "1.20 ms", "2.00 percentage points", "$0.5";
         * one too small for two decimals keeps two significant digits ("0.0023 ms", not "0.00 ms":
         * plans of a list can differ that little, and a difference never reads as none).
         */
        String formatDifference(double d) {
            return switch (this) {
                case ACCURACY -> small(d * 100) + " percentage points";
                case MEAN_LATENCY, LOADED_LATENCY, P95_LATENCY -> small(d * 1e3) + " ms";
                default -> format(d);
            };
        }

        private static String small(double v) {
            return v == 0 || Math.abs(v) >= 0.005 ? String.format(Locale.ROOT, "%.2f", v)
                    : new java.math.BigDecimal(v).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * One figure on which the runner-up differs from the winner.
     *
     * @param by how much worse (or better) the runner-up is, always positive, in SI units
     */
    public record Difference(Figure figure, double winner, double runnerUp, double by) {
    }

    private final Objective objective;
    private final List<RankedPlan> ranked;

    /**
     * @param objective what the search ranked by
     * @param ranked    the search's plans, best first; may be empty
     */
    public WinnerExplanation(Objective objective, List<RankedPlan> ranked) {
        this.objective = objective;
        this.ranked = List.copyOf(ranked);
    }

    /** The winner's bottleneck resource; {@code null} when there is no winner or nothing is busy. */
    public ResourceUse bottleneck() {
        if (ranked.isEmpty() || ranked.get(0).metrics().bottleneck() == null) {
            return null;
        }
        Metrics m = ranked.get(0).metrics();
        return m.resource(m.bottleneck());
    }

    /** The figures on which the runner-up is worse than the winner; empty without a runner-up. */
    public List<Difference> runnerUpLosses() {
        return differences(true);
    }

    /** The figures on which the runner-up is better than the winner (what the objective traded away). */
    public List<Difference> runnerUpGains() {
        return differences(false);
    }

    private List<Difference> differences(boolean losses) {
        List<Difference> out = new ArrayList<>();
        if (ranked.size() < 2) {
            return out;
        }
        Metrics w = ranked.get(0).metrics();
        Metrics r = ranked.get(1).metrics();
        for (Figure f : Figure.values()) {
            Double a = f.of(w);
            Double b = f.of(r);
            if (a == null || b == null || Tolerance.equal(a, b)) {
                continue;
            }
            boolean runnerUpWorse = f.lowerIsBetter ? b > a : b < a;
            if (runnerUpWorse == losses) {
                out.add(new Difference(f, a, b, Math.abs(b - a)));
            }
        }
        return out;
    }

    /** The explanation, a sentence a line. */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (ranked.isEmpty()) {
            out.add("No plan was found, so there is no winner to explain.");
            return out;
        }
        RankedPlan winner = ranked.get(0);
        out.add("The winner has the best " + objective.label() + " of the plans that meet the constraints: "
                + objectiveText(winner) + ".");
        ResourceUse b = bottleneck();
        if (b == null) {
            out.add("Nothing in it is busy, so it has no bottleneck.");
        } else {
            out.add(String.format(Locale.ROOT, "Its bottleneck is %s %s, busy %.2f ms per request, which limits it to %.4g requests/s.",
                    b.kind() == ResourceUse.Kind.LINK ? "the link" : "the node", b.id(), b.busySeconds() * 1e3,
                    1 / b.loadPerRequest()));
        }
        if (ranked.size() < 2) {
            out.add("There is no runner-up to compare it with.");
            return out;
        }
        List<Difference> losses = runnerUpLosses();
        List<Difference> gains = runnerUpGains();
        if (losses.isEmpty() && gains.isEmpty()) {
            out.add("The runner-up ties with it on every figure; it ranks second only by the tie-break (fewer stages first).");
            return out;
        }
        out.add(losses.isEmpty() ? "The runner-up is worse on none of the figures shown; it ranks second by the tie-break."
                : "The runner-up loses on " + list(losses) + ".");
        if (!gains.isEmpty()) {
            out.add("It is better on " + list(gains) + ", but the ranking puts " + objective.label() + " first.");
        }
        return out;
    }

    /** The sentences as one paragraph. */
    public String text() {
        return String.join(" ", sentences());
    }

    private String objectiveText(RankedPlan p) {
        double v = p.objectiveValue();
        return switch (objective) {
            case MEAN_LATENCY -> Figure.MEAN_LATENCY.format(v);
            case LOADED_LATENCY -> Figure.LOADED_LATENCY.format(v);
            case P95_LATENCY -> Figure.P95_LATENCY.format(v);
            case COST -> String.format(Locale.ROOT, "$%.4g per million requests", v * 1e6);
            case THROUGHPUT -> Double.isInfinite(v) ? "unbounded" : Figure.THROUGHPUT.format(v);
            case ACCURACY -> Double.isNaN(v) ? "unknown" : Figure.ACCURACY.format(v);
        };
    }

    /** "mean latency (0.21 ms higher), accuracy (0.05 percentage points lower)" */
    private static String list(List<Difference> ds) {
        return ds.stream().map(d -> d.figure().label() + " (" + d.figure().formatDifference(d.by()) + " "
                + (d.runnerUp() > d.winner() ? "higher" : "lower") + ")").collect(Collectors.joining(", "));
    }
}
