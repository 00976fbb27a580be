package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.perf.Route;
import org.splitscope.perf.Router;

/** Which hops a plan's requests take and how each is shaped. */
class HopsTest {
    private static final Topology THREE = new Topology(List.of(new Node("d", 0, "c", 1e9), new Node("e", 1, "c", 1e9),
            new Node("c", 2, "c", 1e9)), List.of(new Link("d", "e", 10e6, 0.02), new Link("e", "c", 400e6, 0.04)), "d", null, null);
    /** Four units; the cut after unit 2 is 15,000 bytes, ten packets of the default MTU. */
    private static final ModelProfile PROFILE = new ModelProfile("m", null, 30_000, null, List.of(new Unit("a", "conv", 1, 1, 20_000),
            new Unit("b", "conv", 1, 1, 15_000), new Unit("c", "conv", 1, 1, 5_000), new Unit("d", "fc", 1, 1, 40)),
            null, null, null, null, null, null);

    private static List<HopShaper> hops(Topology t, Stage... stages) {
        return Hops.of(t, PROFILE, new Plan(List.of(stages)));
    }

    @Test
    void sameNodeHopsAreUnshapedAndALinkSharesOneShaperBothWays() {
        List<HopShaper> hops = hops(THREE, new Stage(1, 2, "d"), new Stage(3, 4, "e"));
        assertEquals(3, hops.size());
        assertNull(hops.get(0), "the source runs stage 1: the input does not travel");
        assertEquals(10e6, hops.get(1).links().get(0).bandwidthBps());
        assertEquals(0.02, hops.get(1).links().get(0).latencySeconds(), 1e-12);
        assertSame(hops.get(1), hops.get(2), "the answer goes back over the same link, one busy resource");
    }

    @Test
    void eachHopGetsItsOwnLink() {
        Topology toCloud = new Topology(THREE.nodes(), THREE.links(), "d", "c", null);
        List<HopShaper> hops = hops(toCloud, new Stage(1, 2, "e"), new Stage(3, 4, "c"));
        assertEquals(10e6, hops.get(0).links().get(0).bandwidthBps());
        assertNull(hops.get(2), "the sink runs the last stage");
        assertEquals(List.of(400e6), hops.get(1).links().stream().map(TokenBucketShaper::bandwidthBps).toList());
        assertEquals(0.04, hops.get(1).links().get(0).latencySeconds(), 1e-12);
    }

    @Test
    void aHopWithoutADirectLinkFollowsTheEvaluatorsRouteAndTakesItsTime() {
        List<HopShaper> hops = hops(THREE, new Stage(1, 2, "d"), new Stage(3, 4, "c"));
        HopShaper there = hops.get(1);
        HopShaper back = hops.get(2);
        assertEquals(List.of(10e6, 400e6), there.links().stream().map(TokenBucketShaper::bandwidthBps).toList());
        assertSame(there.links().get(0), back.links().get(1), "the answer crosses d-e too: one shaper for the link");
        assertSame(there.links().get(1), back.links().get(0));
        // the cut's 15,000 bytes as ten packets offered at once on an idle route arrive when the
        // evaluator's route model says the transfer ends
        Route predicted = new Router(THREE).route(0, 2, 15_000);
        long last = 0;
        for (int i = 0; i < 10; i++) {
            last = there.arrival(1500, 0);
        }
        assertEquals(predicted.seconds(), last / 1e9, 1e-8);
    }

    @Test
    void aNodeNoRouteReachesIsRefusedNamingTheStage() {
        Topology apart = new Topology(THREE.nodes(), List.of(THREE.links().get(0)), "d", null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hops(apart, new Stage(1, 2, "d"), new Stage(3, 4, "c")));
        assertTrue(e.getMessage().startsWith("plan.stages[1].node: no route of links joins 'd' and 'c'"), e.getMessage());
    }

    @Test
    void badLinksAreRefusedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenBucketShaper(0, 0.01)).getMessage()
                .startsWith("link bandwidth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenBucketShaper(1e6, -1)).getMessage()
                .startsWith("link latency"));
    }
}
