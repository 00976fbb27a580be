package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;

/** Which hops a plan's requests take and how each is shaped. */
class HopsTest {
    private static final Topology THREE = new Topology(List.of(new Node("d", 0, "c", 1e9), new Node("e", 1, "c", 1e9),
            new Node("c", 2, "c", 1e9)), List.of(new Link("d", "e", 10e6, 0.02), new Link("e", "c", 400e6, 0.04)), "d", null, null);

    @Test
    void sameNodeHopsAreUnshapedAndALinkSharesOneShaperBothWays() {
        List<TokenBucketShaper> hops = Hops.of(THREE, new Plan(List.of(new Stage(1, 2, "d"), new Stage(3, 4, "e"))));
        assertEquals(3, hops.size());
        assertNull(hops.get(0), "the source runs stage 1: the input does not travel");
        assertEquals(10e6, hops.get(1).bandwidthBps());
        assertEquals(0.02, hops.get(1).latencySeconds(), 1e-12);
        assertSame(hops.get(1), hops.get(2), "the answer goes back over the same link, one busy resource");
    }

    @Test
    void eachHopGetsItsOwnLink() {
        Topology toCloud = new Topology(THREE.nodes(), THREE.links(), "d", "c", null);
        List<TokenBucketShaper> hops = Hops.of(toCloud, new Plan(List.of(new Stage(1, 2, "e"), new Stage(3, 4, "c"))));
        assertEquals(10e6, hops.get(0).bandwidthBps());
        assertNull(hops.get(2), "the sink runs the last stage");
        assertEquals(400e6, hops.get(1).bandwidthBps());
        assertEquals(0.04, hops.get(1).latencySeconds(), 1e-12);
    }

    @Test
    void aRouteOfSeveralLinksIsRefusedNamingTheStage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hops.of(THREE, new Plan(List.of(new Stage(1, 2, "d"), new Stage(3, 4, "c")))));
        assertTrue(e.getMessage().startsWith("plan.stages[1].node: no single link joins 'd' and 'c'"), e.getMessage());
    }

    @Test
    void badLinksAreRefusedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenBucketShaper(0, 0.01)).getMessage()
                .startsWith("link bandwidth"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new TokenBucketShaper(1e6, -1)).getMessage()
                .startsWith("link latency"));
    }
}
