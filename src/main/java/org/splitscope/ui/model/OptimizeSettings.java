package org.splitscope.ui.model;

import java.time.Duration;

import org.splitscope.model.Scenario;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;

/**
 * What the Optimize panel asks of a search: the objective, the constraints, the search space, how
 * many plans to list and how long the search may run (null for no limit). The panel's text fields
 * are parsed into this before a run.
 */
public record OptimizeSettings(Objective objective, Constraints constraints, SearchSpace space, int count,
                               Duration timeLimit) {
    /** Settings without a time limit. */
    public OptimizeSettings(Objective objective, Constraints constraints, SearchSpace space, int count) {
        this(objective, constraints, space, count, null);
    }

    /** The search request for this scenario: its model, topology and workload with these settings. */
    public SearchRequest request(Scenario scenario) {
        return SearchRequest.of(scenario, objective).withConstraints(constraints).withSpace(space);
    }
}
