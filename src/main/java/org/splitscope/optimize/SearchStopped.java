package org.splitscope.optimize;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * A search stopped before it finished (its token was cancelled, or a time or work budget ran
 * out), with what it had by then: the best plans found so far, each scored by the evaluator and
 * labelled not exact, and, where the search keeps one, a lower bound on the objective over the
 * whole space, from which the proven gap of the best plan follows. Values are in the search's
 * own orientation, smaller better ({@link Objective#oriented}, or seconds of bottleneck for
 * pipeline placement). A caller that only needs to know that the search stopped catches it as
 * the {@link CancellationException} it is; a search that runs another search inside it must not
 * let the inner one's partial result out as its own ({@link #plain}).
 */
public final class SearchStopped extends CancellationException {
    private static final long serialVersionUID = 1L;

    private final transient List<RankedPlan> best;
    private final double incumbent;
    private final double lowerBound;

    /**
     * @param best       the best plans so far, best first; may be empty
     * @param incumbent  the first plan's value, smaller better; NaN without a plan
     * @param lowerBound no plan of the space has a smaller value; NaN when the search keeps no bound
     */
    public SearchStopped(List<RankedPlan> best, double incumbent, double lowerBound) {
        super("the search was stopped before it finished");
        this.best = List.copyOf(best);
        this.incumbent = best.isEmpty() ? Double.NaN : incumbent;
        this.lowerBound = Double.isNaN(this.incumbent) ? lowerBound : Math.min(lowerBound, this.incumbent);
    }

    /** The best plans found before the stop, best first; empty when none was found. */
    public List<RankedPlan> best() {
        return best;
    }

    /** The best plan's value (smaller better); NaN without a plan. */
    public double incumbent() {
        return incumbent;
    }

    /** No plan of the space is better than this (never above the incumbent); NaN when unknown. */
    public double lowerBound() {
        return lowerBound;
    }

    /** (incumbent - lower bound) / |incumbent|: how far the best plan may be from the optimum; null when unknown. */
    public Double gap() {
        if (Double.isNaN(incumbent) || Double.isNaN(lowerBound) || Double.isInfinite(incumbent)) {
            return null;
        }
        double d = incumbent - lowerBound;
        if (d <= 0) {
            return 0.0;
        }
        return incumbent == 0 || Double.isInfinite(lowerBound) ? null : d / Math.abs(incumbent);
    }

    /** The gap as the searches' notes write it: "gap 3.21%", or "no bound on the gap". */
    public String gapText() {
        Double g = gap();
        return g == null ? "no bound on the gap" : "gap " + String.format(Locale.ROOT, "%.3g%%", 100 * g);
    }

    /** The same stop with the plans restated (e.g. their values in another unit). */
    public SearchStopped withBest(List<RankedPlan> restated) {
        SearchStopped s = new SearchStopped(restated, incumbent, lowerBound);
        s.setStackTrace(getStackTrace());
        return s;
    }

    /** Runs an inner search whose partial result would mean nothing to the caller: its stop becomes a plain one. */
    static <T> T plain(java.util.function.Supplier<T> search) {
        try {
            return search.get();
        } catch (SearchStopped e) {
            throw new CancellationException("the search was cancelled");
        }
    }

    /** A stop whose plans say so in their provenance: not exact, with the proven gap (or that none is known) in their notes. */
    static SearchStopped of(List<RankedPlan> best, double incumbent, double lowerBound, String method, long evaluated,
                            List<String> notes) {
        String gap = new SearchStopped(best, incumbent, lowerBound).gapText();
        List<String> all = new java.util.ArrayList<>(notes);
        all.add("stopped before the search finished: the best plan found so far, " + gap);
        Provenance p = new Provenance(method, false, evaluated, all);
        return new SearchStopped(best.stream().map(r -> new RankedPlan(r.rank(), r.plan(), r.metrics(), r.objectiveValue(),
                p)).toList(), incumbent, lowerBound);
    }
}
