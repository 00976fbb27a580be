package org.splitscope.testbed;

import java.util.List;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/**
 * What the evaluator predicts for a plan as the testbed runs it: the profile with this machine's
 * measured unit times, every node of the topology of this machine's device class (every worker
 * runs here), the links as given (the testbed shapes each hop to its link). O(evaluator).
 */
final class Prediction {
    private Prediction() {
    }

    static Metrics of(ModelProfile measured, Topology topology, Plan plan, String deviceClass, double arrivalRate) {
        List<Node> here = topology.nodes().stream().map(n -> new Node(n.id(), n.name(), n.tier(), deviceClass,
                n.flopsPerSecond(), n.memoryBytes(), n.concurrency(), n.pricing(), n.watts())).toList();
        return new Evaluator(measured, topology.withNodes(here)).evaluate(plan, Workload.NONE.withArrivalRate(arrivalRate));
    }
}
