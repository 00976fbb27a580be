package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitscope.chart.Formats;
import org.splitscope.model.Scenario;
import org.splitscope.model.Problem;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.InvalidSearchException;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.Provenance;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.ServerlessOptions;
import org.splitscope.optimize.ServerlessSlicing;
import org.splitscope.optimize.ServerlessSlicingResult;

/**
 * MOPAR's serverless slicing ({@link ServerlessSlicing}): the cheapest cut into at most "max
 * stages" functions, each with its memory size and input codec, under the latency SLO. The result
 * brings its own topology (one function per stage), which Apply puts in with the plan; the
 * comparison with the unsplit deployment is in the plan's notes.
 */
public final class ServerlessMethod implements SearchMethod {
    @Override
    public String label() {
        return "Serverless slicing: cheapest under the SLO (MOPAR)";
    }

    @Override
    public Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token) {
        if (settings.objective() == Objective.LOADED_LATENCY) {
            throw new InvalidSearchException(List.of(new Problem("objective", "serverless slicing (MOPAR) finds the"
                    + " cheapest plan under the SLO, not the one with the least mean latency under load; the exact chain"
                    + " search ranks by that")));
        }
        ServerlessOptions options = ServerlessOptions.defaults().withMaxFunctions(settings.space().maxStages());
        ServerlessSlicingResult r = new ServerlessSlicing(scenario, settings.constraints(), options).solve(progress, token);
        Provenance p = r.provenance();
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(r.unsplit().exists()
                ? String.format(Locale.ROOT, "unsplit (one function of %d MB): %s per million; saving %s",
                        r.unsplit().memoryMB(), Formats.usd(r.unsplit().metrics().costUsdPerMillion()),
                        r.savingPercent() == null ? "n/a" : String.format(Locale.ROOT, "%.2f %%", r.savingPercent()))
                : "unsplit deployment not possible: " + r.unsplit().reason());
        RankedPlan best = new RankedPlan(1, r.scenario().plan(), r.metrics(), r.costUsdPerRequest(),
                new Provenance(p.method(), p.exact(), p.plansEvaluated(), notes));
        return new Result(List.of(best), List.of(), r.scenario().topology());
    }

    @Override
    public Objective rankedBy(OptimizeSettings settings) {
        return Objective.COST;
    }

    @Override
    public String toString() {
        return label();
    }
}
