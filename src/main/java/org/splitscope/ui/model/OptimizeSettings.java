package org.splitscope.ui.model;

import org.splitscope.model.Scenario;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;

/**
 * What the Optimize panel asks of a search: the objective, the constraints, the search space and
 * how many plans to list. The panel's text fields are parsed into this before a run.
 */
public record OptimizeSettings(Objective objective, Constraints constraints, SearchSpace space, int count) {
    /** The search request for this scenario: its model, topology and workload with these settings. */
    public SearchRequest request(Scenario scenario) {
        return SearchRequest.of(scenario, objective).withConstraints(constraints).withSpace(space);
    }
}
