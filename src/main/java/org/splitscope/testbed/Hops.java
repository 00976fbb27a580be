package org.splitscope.testbed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.model.Link;
import org.splitscope.model.Plan;
import org.splitscope.model.Topology;

/**
 * The hops a plan's requests take, as shapers: source to stage 1, stage k to k+1, last stage to
 * the sink; {@code null} where both ends are one node (the model moves nothing there). Each hop
 * must be one link of the topology: the testbed shapes single links, not multi-hop routes. Hops
 * over the same link share its shaper. O(stages x links).
 */
final class Hops {
    private Hops() {
    }

    /** @throws IllegalArgumentException naming the plan field whose hop has no direct link */
    static List<TokenBucketShaper> of(Topology topology, Plan plan) {
        Map<String, TokenBucketShaper> byLink = new HashMap<>();
        List<TokenBucketShaper> hops = new ArrayList<>();
        String at = topology.source();
        for (int k = 0; k <= plan.stages().size(); k++) {
            String next = k < plan.stages().size() ? plan.stages().get(k).node() : topology.sink();
            if (at.equals(next)) {
                hops.add(null);
            } else {
                Link link = direct(topology, at, next);
                if (link == null) {
                    String field = k < plan.stages().size() ? "plan.stages[" + k + "].node" : "topology.sink";
                    throw new IllegalArgumentException(field + ": no single link joins '" + at + "' and '" + next
                            + "'; the testbed shapes direct links only");
                }
                hops.add(byLink.computeIfAbsent(link.id(), id -> new TokenBucketShaper(link.bandwidthBps(), link.latencySeconds())));
            }
            at = next;
        }
        return hops;
    }

    private static Link direct(Topology topology, String a, String b) {
        for (Link l : topology.links()) {
            if (l.from().equals(a) && l.to().equals(b) || !l.oneWay() && l.from().equals(b) && l.to().equals(a)) {
                return l;
            }
        }
        return null;
    }
}
