package org.splitscope.ui.model;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.InvalidSearchException;
import org.splitscope.optimize.ExitRule;
import org.splitscope.optimize.FrontStopped;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.ParetoFront;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;

/**
 * The tier chain's exact search: the top plans from {@link ExactChainSearch} and the Pareto front
 * of (mean latency, accuracy, cost) from {@link ParetoFront}, over the same request (none when exits
 * sit only at stage ends, a space the front's program does not cover). The progress
 * runs through the ranking in its first half and the front in its second.
 */
public final class ExactChainMethod implements SearchMethod {
    @Override
    public String label() {
        return "Exact chain search (cuts, placement, exits)";
    }

    @Override
    public Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token) {
        SearchRequest request = settings.request(scenario);
        List<RankedPlan> ranked = new ExactChainSearch(request).top(settings.count(), half(progress, 0), token);
        if (request.space().exitRule() == ExitRule.STAGE_ENDS) {
            // the front's program covers the free exit space only; a front of other plans would mislead
            return new Result(ranked, List.of(), null, "no Pareto front for exits only at stage ends");
        }
        if (request.objective() == Objective.LOADED_LATENCY) {
            return new Result(ranked, List.of(), null, "no Pareto front under load: the front's latency is the mean"
                    + " without queueing");
        }
        List<ParetoPoint> front;
        try {
            front = new ParetoFront(request).points(half(progress, 1), token);
        } catch (FrontStopped e) {
            // the ranking finished before the stop: it stands, proven, with the part of the front proven by then
            String why = token.timedOut() ? "the time limit ran out" : "the search was stopped";
            return new Result(ranked, e.points(), null, e.points().size() + " on the Pareto front, complete above "
                    + String.format(java.util.Locale.ROOT, "%.2f %%", 100 * e.completeAbove()) + " accuracy (" + why
                    + " before the less accurate plans were searched)");
        } catch (CancellationException e) {
            // the ranking finished before the stop: it stands, proven, without its front
            return new Result(ranked, List.of(), null, token.timedOut()
                    ? "the time limit ran out before the Pareto front was finished"
                    : "the Pareto front was stopped before it was finished");
        } catch (InvalidSearchException e) {
            // the best plans may come from the exit branch and bound, while the front enumerates exit configurations
            return new Result(ranked, List.of(), null, "no Pareto front: " + e.problems().stream()
                    .map(SettingsText::describe).collect(java.util.stream.Collectors.joining("; ")));
        }
        return new Result(ranked, front);
    }

    /** Maps a search's own steps onto half {@code which} (0 or 1) of the run. */
    private static Progress half(Progress whole, int which) {
        final long scale = 1_000_000;
        return (done, total) -> whole.update(which * scale + (total <= 0 ? 0 : done * scale / total), 2 * scale);
    }

    @Override
    public String toString() {
        return label();
    }
}
