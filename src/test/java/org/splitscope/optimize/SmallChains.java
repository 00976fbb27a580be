package org.splitscope.optimize;

import java.util.List;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;

/** A four-unit chain with two exits over device, edge and cloud, for tests that need a fixed scenario. */
final class SmallChains {
    private SmallChains() {
    }

    /** 1, 2, 2, 1 GFLOP; cuts 3000, 500, 800 B; exits after u1 and u2; ten samples, exits weaker than the final classifier. */
    static ModelProfile profile() {
        SampleStats stats = new SampleStats(
                new double[][] {{0.9, 0.8, 0.3, 0.2, 0.6, 0.4, 0.95, 0.1, 0.5, 0.7},
                                {0.95, 0.9, 0.6, 0.4, 0.8, 0.7, 0.99, 0.2, 0.6, 0.9}},
                new boolean[][] {{true, false, false, true, false, true, true, false, false, true},
                                 {true, true, false, true, true, true, true, false, true, false}},
                new boolean[] {true, true, true, true, true, true, true, false, true, true});
        return new ModelProfile("small", null, 1000, 100.0,
                List.of(new Unit("u1", "conv", 1e9, 4e5, 3000), new Unit("u2", "conv", 2e9, 8e5, 500),
                        new Unit("u3", "conv", 2e9, 8e5, 800), new Unit("u4", "fc", 1e9, 2e5, 10)),
                List.of(new ExitHead("e1", 1, 1e8, 5e3), new ExitHead("e2", 2, 1e8, 5e3)), stats, null, null, null, null);
    }

    /** Device (1 GFLOP/s, free), edge (10 GFLOP/s, 1 USD/h) 1 MB/s and 10 ms away, cloud (100 GFLOP/s, 4 USD/h) behind it. */
    static Topology topology() {
        return new Topology(List.of(new Node("dev", 0, "arm", 1e9),
                new Node("edge", null, 1, "x86", 1e10, null, null, new DedicatedPricing(1), null),
                new Node("cloud", null, 2, "gpu", 1e11, null, null, new DedicatedPricing(4), null)),
                List.of(new Link("dev", "edge", 8e6, 0.01), new Link("edge", "cloud", 8e7, 0.02)), "dev", null, null);
    }

    static SearchRequest request(Objective objective) {
        return new SearchRequest(new Evaluator(profile(), topology()), Workload.NONE, objective, Constraints.FEASIBLE,
                SearchSpace.defaults().withThresholds(List.of(0.5, 0.8)));
    }
}
