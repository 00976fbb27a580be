package org.splitscope.ui.model;

import java.util.List;

import org.splitscope.model.Scenario;
import org.splitscope.optimize.Objective;
import org.splitscope.model.Topology;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;

/**
 * One way the Optimize panel can search: it turns the scenario and the panel's settings into
 * ranked plans (and, where the method has one, a Pareto front). The exact chain search is the
 * first; an edge-cluster pipeline search or a serverless slicing search becomes a choice of the
 * panel by implementing this. Implementations run off the FX thread and must not touch JavaFX.
 */
public interface SearchMethod {
    /**
     * What a search gives back; every plan carries the evaluator's metrics.
     *
     * @param topology the topology the ranked plans run on when the method reshaped it (serverless
     *                 slicing clones one function per stage); null when they run on the scenario's
     * @param frontNote why the front is empty though the method has one, or only a part; empty otherwise
     */
    record Result(List<RankedPlan> ranked, List<ParetoPoint> front, Topology topology, String frontNote) {
        public Result {
            ranked = List.copyOf(ranked);
            front = List.copyOf(front);
            frontNote = frontNote == null ? "" : frontNote;
        }

        public Result(List<RankedPlan> ranked, List<ParetoPoint> front, Topology topology) {
            this(ranked, front, topology, "");
        }

        public Result(List<RankedPlan> ranked, List<ParetoPoint> front) {
            this(ranked, front, null, "");
        }
    }

    /**
     * The objective its plans are ranked by and their {@code objectiveValue} is in, for the
     * winner's explanation; null when it is none of {@link Objective}'s (then none is given).
     */
    default Objective rankedBy(OptimizeSettings settings) {
        return settings.objective();
    }

    /** The method's name in the panel's chooser. */
    String label();

    /**
     * @throws org.splitscope.optimize.InvalidSearchException         when the request has problems
     * @throws org.splitscope.optimize.InfeasibleConstraintsException when no plan meets the constraints
     * @throws java.util.concurrent.CancellationException             when the token is cancelled
     */
    Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token);
}
