package org.splitscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;
import org.splitscope.perf.Evaluator;

/**
 * Seeded SEIFER-style clusters for the placement benchmark: a full mesh of boards at 4-16
 * GFLOP/s with 100-400 MB memory and 20-200 Mb/s links, and a chain of units of 5-50 MFLOP,
 * 0.2-20 MB of weights, 10-800 kB cuts (MobileNet-like magnitudes; the model needs several boards).
 */
public final class PipelineClusters {
    private PipelineClusters() {
    }

    private static double logUniform(Random r, double lo, double hi) {
        return lo * Math.pow(hi / lo, r.nextDouble());
    }

    public static SearchRequest request(int nodes, int units, int maxStages, long seed) {
        Random r = new Random(seed);
        List<Unit> list = new ArrayList<>();
        for (int u = 1; u <= units; u++) {
            list.add(new Unit("u" + u, "conv", logUniform(r, 5e6, 5e7), logUniform(r, 2e5, 2e7), logUniform(r, 1e4, 8e5)));
        }
        ModelProfile profile = new ModelProfile("chain" + units, null, 6e5, 4000.0, list, null, null, null, null, null, null);
        List<Node> ns = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            ns.add(new Node("b" + n, null, 0, "arm", logUniform(r, 4e9, 1.6e10), logUniform(r, 1e8, 4e8), null, null, null));
        }
        List<Link> links = new ArrayList<>();
        for (int a = 0; a < nodes; a++) {
            for (int b = a + 1; b < nodes; b++) {
                links.add(new Link("b" + a, "b" + b, logUniform(r, 2e7, 2e8), 0.002));
            }
        }
        Topology topology = new Topology(ns, links, "b0", null, null);
        return new SearchRequest(new Evaluator(profile, topology), Workload.NONE, Objective.THROUGHPUT,
                Constraints.FEASIBLE, SearchSpace.defaults().withMaxStages(maxStages));
    }
}
