package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.SerializationCost;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;

/**
 * Random edge clusters and chain models from a seed, for pipeline placement: full-mesh or sparse
 * links (so transfers may take several hops and share links), heterogeneous speeds and
 * concurrency, memory caps, cuts below and above the MTU, optional (de)serialization costs, a
 * source anywhere and sometimes a sink apart from it, sometimes an arrival rate.
 */
final class RandomClusters {
    private RandomClusters() {
    }

    static ModelProfile chain(Random r, int units) {
        List<Unit> list = new ArrayList<>();
        for (int u = 1; u <= units; u++) {
            list.add(new Unit("u" + u, "conv", RandomChains.logUniform(r, 1e8, 5e9), RandomChains.logUniform(r, 1e4, 1e6),
                    RandomChains.logUniform(r, 200, 2e5), null, r.nextBoolean() ? RandomChains.logUniform(r, 1e3, 1e5) : null));
        }
        Map<String, SerializationCost> ser = r.nextInt(3) == 0
                ? Map.of("arm", new SerializationCost(1e-3, 1e-8, null)) : null;
        Map<String, SerializationCost> deser = r.nextInt(3) == 0
                ? Map.of("arm", new SerializationCost(5e-4, 2e-8, null)) : null;
        return new ModelProfile("chain", null, RandomChains.logUniform(r, 500, 2e5), RandomChains.logUniform(r, 10, 5e3),
                list, null, null, null, null, ser, deser);
    }

    /** v nodes; a full mesh or a random spanning tree plus a few extra links; some memory caps. */
    static Topology cluster(Random r, int v, boolean fullMesh, double memoryShare) {
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            Double memory = r.nextDouble() < memoryShare ? RandomChains.logUniform(r, 5e4, 3e6) : null;
            nodes.add(new Node("n" + i, null, 0, r.nextBoolean() ? "arm" : "x86", RandomChains.logUniform(r, 1e9, 5e10),
                    memory, r.nextInt(4) == 0 ? 2 : 1, null, null));
        }
        List<Link> links = new ArrayList<>();
        if (fullMesh) {
            for (int i = 0; i < v; i++) {
                for (int j = i + 1; j < v; j++) {
                    links.add(link(r, i, j, links.size()));
                }
            }
        } else {
            for (int i = 1; i < v; i++) {
                links.add(link(r, r.nextInt(i), i, links.size()));
            }
            for (int k = r.nextInt(v); k > 0; k--) {
                int a = r.nextInt(v);
                int b = (a + 1 + r.nextInt(v - 1)) % v;
                links.add(link(r, a, b, links.size()));
            }
        }
        String source = "n" + r.nextInt(v);
        String sink = r.nextInt(4) == 0 ? "n" + r.nextInt(v) : null;
        return new Topology(nodes, links, source, sink, r.nextBoolean() ? null : 500.0);
    }

    private static Link link(Random r, int a, int b, int index) {
        return new Link("l" + index, "n" + a, "n" + b, RandomChains.logUniform(r, 5e6, 1e9), 0.01 * r.nextDouble(), 0.0, false);
    }

    /** A placement request over a random cluster of 2..5 nodes and a chain of 2..6 units. */
    static SearchRequest request(Random r) {
        ModelProfile profile = chain(r, 2 + r.nextInt(5));
        Topology topology = cluster(r, 2 + r.nextInt(4), r.nextBoolean(), 0.4);
        Workload workload = r.nextInt(3) == 0 ? Workload.NONE.withArrivalRate(RandomChains.logUniform(r, 0.1, 20)) : Workload.NONE;
        SearchSpace space = SearchSpace.defaults().withMaxStages(1 + r.nextInt(4)).withPartialModels(false);
        return new SearchRequest(new Evaluator(profile, topology), workload, Objective.THROUGHPUT, Constraints.FEASIBLE, space);
    }
}
