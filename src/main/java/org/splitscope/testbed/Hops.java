package org.splitscope.testbed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.perf.Route;
import org.splitscope.perf.Router;

/**
 * The hops a plan's requests take, as shapers: source to stage 1, stage k to k+1, last stage to
 * the sink; {@code null} where both ends are one node (the model moves nothing there). Each hop
 * follows the evaluator's route for what it carries (the input, the cut's bytes, the result), so
 * a hop between nodes without a direct link crosses the same links the prediction counts. Hops
 * over the same link share its shaper, as the model counts a link as one busy resource.
 * O(stages x the router's search).
 */
final class Hops {
    private Hops() {
    }

    /** @throws IllegalArgumentException naming the plan field whose hop no route joins */
    static List<HopShaper> of(Topology topology, ModelProfile profile, Plan plan) {
        Router router = new Router(topology);
        Map<Integer, TokenBucketShaper> byLink = new HashMap<>();
        List<HopShaper> hops = new ArrayList<>();
        String at = topology.source();
        for (int k = 0; k <= plan.stages().size(); k++) {
            String next = k < plan.stages().size() ? plan.stages().get(k).node() : topology.sink();
            if (at.equals(next)) {
                hops.add(null);
            } else {
                Route route = router.route(index(topology, at), index(topology, next), bytes(profile, plan, k));
                if (route == null) {
                    String field = k < plan.stages().size() ? "plan.stages[" + k + "].node" : "topology.sink";
                    throw new IllegalArgumentException(field + ": no route of links joins '" + at + "' and '" + next + "'");
                }
                List<TokenBucketShaper> links = new ArrayList<>();
                for (int l : route.links()) {
                    Link link = topology.links().get(l);
                    links.add(byLink.computeIfAbsent(l, i -> new TokenBucketShaper(link.bandwidthBps(), link.latencySeconds())));
                }
                hops.add(HopShaper.route(links));
            }
            at = next;
        }
        return hops;
    }

    /** What hop k carries: the input to stage 1, the cut after stage k, the result from the last stage. */
    private static double bytes(ModelProfile profile, Plan plan, int k) {
        if (k == 0) {
            return profile.inputBytes();
        }
        if (k == plan.stages().size()) {
            return profile.resultBytes();
        }
        Stage before = plan.stages().get(k - 1);
        return profile.unit(before.lastUnit()).cutBytes();
    }

    private static int index(Topology topology, String node) {
        int i = topology.nodeIndex(node);
        if (i < 0) {
            throw new IllegalArgumentException("topology.nodes: no node '" + node + "'");
        }
        return i;
    }
}
