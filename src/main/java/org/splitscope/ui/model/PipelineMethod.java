package org.splitscope.ui.model;

import java.util.List;

import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.PipelineObjective;
import org.splitscope.optimize.PipelinePlacement;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchStopped;

/**
 * SEIFER's edge-cluster pipeline ({@link PipelinePlacement}): at most "max stages" stages on
 * distinct nodes, ranked by the largest busy time per request of any node or link (or of any link
 * alone). The panel's objective does not apply; its memory and utilization limits, pins and
 * forbids do.
 */
public final class PipelineMethod implements SearchMethod {
    private final PipelineObjective objective;

    public PipelineMethod(PipelineObjective objective) {
        this.objective = objective;
    }

    @Override
    public String label() {
        return objective == PipelineObjective.BOTTLENECK ? "Edge-cluster pipeline: least bottleneck (SEIFER)"
                : "Edge-cluster pipeline: least communication (SEIFER)";
    }

    @Override
    public Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token) {
        SearchRequest request = settings.request(scenario);
        request = request.withSpace(request.space().withPlacement(Placement.DISTINCT));
        List<RankedPlan> ranked;
        try {
            ranked = new PipelinePlacement(request, objective).top(settings.count(), progress, token);
        } catch (SearchStopped e) {
            throw e.withBest(inPanelTerms(e.best()));
        }
        return new Result(inPanelTerms(ranked), List.of());
    }

    /** The least bottleneck is the most throughput: rank values in the panel's terms. */
    private List<RankedPlan> inPanelTerms(List<RankedPlan> ranked) {
        if (objective != PipelineObjective.BOTTLENECK) {
            return ranked;
        }
        return ranked.stream().map(p -> new RankedPlan(p.rank(), p.plan(), p.metrics(),
                Objective.THROUGHPUT.value(p.metrics()), p.provenance())).toList();
    }

    @Override
    public Objective rankedBy(OptimizeSettings settings) {
        return objective == PipelineObjective.BOTTLENECK ? Objective.THROUGHPUT : null;
    }

    @Override
    public String toString() {
        return label();
    }
}
