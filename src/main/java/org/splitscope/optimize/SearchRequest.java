package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.Problem;
import org.splitscope.model.Routing;
import org.splitscope.model.Scenario;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;

/**
 * One question to a search: the evaluator (profile and topology), the workload, what to optimize,
 * what must hold and which plans are allowed. A plan that saturates has no mean latency under
 * load, so with {@link Objective#LOADED_LATENCY} the constraints always include "below
 * saturation", whatever they said: every search then treats such plans as infeasible.
 */
public record SearchRequest(Evaluator evaluator, Workload workload, Objective objective, Constraints constraints,
                            SearchSpace space) {
    public SearchRequest {
        workload = workload == null ? Workload.NONE : workload;
        constraints = constraints == null ? Constraints.FEASIBLE : constraints;
        if (objective == Objective.LOADED_LATENCY && !constraints.belowSaturation()) {
            constraints = new Constraints(constraints.accuracyFloor(), constraints.latencySloSeconds(),
                    constraints.budgetUsdPerRequest(), constraints.memoryMustFit(), true);
        }
        space = space == null ? SearchSpace.defaults() : space;
    }

    /** The scenario's model, topology and workload; its workload's goals as constraints; the default space. */
    public static SearchRequest of(Scenario scenario, Objective objective) {
        return new SearchRequest(new Evaluator(scenario.profile(), scenario.topology()), scenario.workload(),
                objective, Constraints.of(scenario.workload()), SearchSpace.defaults());
    }

    public SearchRequest withObjective(Objective o) {
        return new SearchRequest(evaluator, workload, o, constraints, space);
    }

    public SearchRequest withConstraints(Constraints c) {
        return new SearchRequest(evaluator, workload, objective, c, space);
    }

    public SearchRequest withSpace(SearchSpace s) {
        return new SearchRequest(evaluator, workload, objective, constraints, s);
    }

    /** Every problem that keeps this request from being searched. */
    public List<Problem> validate() {
        List<Problem> all = new ArrayList<>();
        if (objective == null) {
            all.add(new Problem("objective", "missing"));
        }
        all.addAll(workload.validate("workload"));
        all.addAll(space.validate(evaluator.profile(), evaluator.topology()));
        var topology = evaluator.topology();
        // under direct routing a result may still get there stage by stage: only a missing path of links rules every plan out
        if (!topology.withRouting(Routing.LEAST_TIME).reachable(topology.source(), topology.sink())) {
            all.add(new Problem("topology.sink", "no route from the source '" + topology.source() + "' to the sink '"
                    + topology.sink() + "', so no plan can deliver a result"));
        }
        boolean noStats = evaluator.profile().exitStats() == null;
        if (noStats && objective == Objective.ACCURACY) {
            all.add(new Problem("objective", "the profile has no exit statistics, so accuracy is unknown and cannot be maximized"));
        }
        if (noStats && constraints.accuracyFloor() != null) {
            all.add(new Problem("constraints.accuracyFloor",
                    "the profile has no exit statistics, so no plan's accuracy can be checked against the floor"));
        }
        return all;
    }
}
