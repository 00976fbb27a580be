package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;

/**
 * A pipelined plan as a search holds it: stage k runs units ends[k-1]+1..ends[k] on nodes[k]
 * (ends[-1] = 0), and the objective value the search computed for it.
 */
record PipelineCandidate(int[] nodes, int[] ends, double value) {
    Plan plan(Topology topology) {
        List<Stage> stages = new ArrayList<>();
        for (int k = 0; k < nodes.length; k++) {
            stages.add(new Stage(k == 0 ? 1 : ends[k - 1] + 1, ends[k], topology.nodes().get(nodes[k]).id()));
        }
        return new Plan(stages);
    }
}
