package org.splitscope.testbed;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/**
 * What the evaluator predicts for a plan as the testbed runs it: the profile with this machine's
 * measured unit times, every node of the topology of this machine's device class (every worker
 * runs here) slowed by its {@link SlowDown} factor, the links as given (the testbed shapes each
 * hop to its link). O(evaluator).
 */
final class Prediction {
    private Prediction() {
    }

    static Metrics of(ModelProfile measured, Topology topology, Plan plan, String deviceClass, double arrivalRate) {
        SlowDown.Scaled here = SlowDown.of(measured, deviceClass).scale(measured, topology);
        return new Evaluator(here.profile(), here.topology()).evaluate(plan, Workload.NONE.withArrivalRate(arrivalRate));
    }
}
