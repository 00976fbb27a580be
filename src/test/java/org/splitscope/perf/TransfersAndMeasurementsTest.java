package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.perf.EvaluatorHandComputedTest.part;
import static org.splitscope.perf.TinyScenarios.chain;
import static org.splitscope.perf.TinyScenarios.chainWithExit;
import static org.splitscope.perf.TinyScenarios.cutAfterFirst;
import static org.splitscope.perf.TinyScenarios.deviceAndServer;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Codec;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.Routing;
import org.splitscope.model.SerializationCost;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/** Multi-hop routes, serialization, codecs, measured latencies and memory, by hand. */
class TransfersAndMeasurementsTest {
    private static final double EPS = 1e-12;

    /** dev -10 Mb/s, 20 ms- bs -400 Mb/s, 40 ms- cloud, the PORTEND chain of tiers. */
    private static Topology threeTiers() {
        return new Topology(List.of(new Node("dev", 0, "arm", 1e9), new Node("bs", 1, "x86", 1e10),
                new Node("cloud", 2, "gpu", 1e11)),
                List.of(new Link("dev", "bs", 10e6, 0.020), new Link("bs", "cloud", 400e6, 0.040)), "dev", null, null);
    }

    @Test
    void multiHopTransferPipelinesPacketsBehindTheSlowestLink() {
        // one unit whose output is 15 000 B, run in the cloud after u1 on the device
        ModelProfile p = new ModelProfile("m", null, 1000, 0.0,
                List.of(new Unit("u1", "conv", 1e9, 0, 15000), new Unit("u2", "fc", 1e11, 0, 10)),
                null, null, null, null, null, null);
        Plan plan = new Plan(List.of(new Stage(1, 1, "dev"), new Stage(2, 2, "cloud")));
        Metrics m = new Evaluator(p, threeTiers()).evaluate(plan, Workload.NONE);
        // F = 10: 0.02 + 0.04 + 9 * 12000/10e6 + 12000/10e6 + 12000/400e6
        double cut = 0.06 + 9 * 12000 / 10e6 + 12000 / 10e6 + 12000 / 400e6;
        // result 0 B: propagation only, 0.06 s
        assertEquals(1 + cut + 1 + 0.06, m.meanLatency(), EPS);
        Outcome o = m.outcomes().get(0);
        assertEquals(0.02 + 10 * 12000 / 10e6 + 0.02, part(o, LatencyPart.Kind.TRANSFER, "dev-bs"), EPS);
        assertEquals(8 * 15000 / 400e6, m.resource("bs-cloud").busySeconds(), EPS);
        assertEquals(0, m.resource("bs").busySeconds(), EPS, "intermediate nodes of a route do no work");
    }

    @Test
    void routeChoiceDependsOnTransferSize() {
        // a direct, slow, short link beside the two fast hops
        Topology t = threeTiers();
        t = t.withLinks(List.of(t.links().get(0), t.links().get(1), new Link("dev", "cloud", 1e6, 0.005)));
        Router router = new Router(t);
        Route small = router.route(0, 2, 100);
        Route large = router.route(0, 2, 1e6);
        assertEquals(1, small.links().length, "100 B: the low-latency direct link");
        assertEquals(0.005 + 800 / 1e6, small.seconds(), EPS);
        assertEquals(2, large.links().length, "1 MB: the high-bandwidth route");
        double packets = Math.ceil(1e6 / 1500);
        assertEquals(0.06 + (packets - 1) * 12000 / 10e6 + 12000 / 10e6 + 12000 / 400e6, large.seconds(), EPS);
    }

    @Test
    void directRoutingNeverRelaysThroughAThirdNode() {
        ModelProfile p = new ModelProfile("m", null, 1000, 0.0,
                List.of(new Unit("u1", "conv", 1e9, 0, 15000), new Unit("u2", "fc", 1e11, 0, 10)),
                null, null, null, null, null, null);
        Plan plan = new Plan(List.of(new Stage(1, 1, "dev"), new Stage(2, 2, "cloud")));
        Topology direct = threeTiers().withRouting(Routing.DIRECT);
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class,
                () -> new Evaluator(p, direct).evaluate(plan, Workload.NONE));
        assertTrue(e.problems().get(0).message().contains("no direct link from 'dev' to 'cloud'"), e.getMessage());

        // with a slow direct link the relay through bs would be faster, but direct routing takes the link
        Topology withLink = direct.withLinks(List.of(direct.links().get(0), direct.links().get(1),
                new Link("dev", "cloud", 1e6, 0.005)));
        Metrics m = new Evaluator(p, withLink).evaluate(plan, Workload.NONE);
        double cut = 0.005 + 9 * 12000 / 1e6 + 12000 / 1e6;
        assertEquals(1 + cut + 0.005 + 1, m.meanLatency(), EPS);
        assertEquals(0, m.resource("bs-cloud").busySeconds(), EPS);
        double relayed = new Evaluator(p, withLink.withRouting(Routing.LEAST_TIME)).evaluate(plan, Workload.NONE).meanLatency();
        assertTrue(relayed < m.meanLatency(), "least-time routes relay through bs");
    }

    @Test
    void oneWayLinksAreNotUsedBackwards() {
        Topology t = new Topology(List.of(new Node("a", 0, "x", 1e9), new Node("b", 1, "x", 1e9)),
                List.of(new Link(null, "a", "b", 1e6, 0.01, null, true)), "a", null, null);
        Router router = new Router(t);
        assertTrue(router.route(0, 1, 10) != null);
        assertEquals(null, router.route(1, 0, 10));
    }

    @Test
    void serializationAndDeserializationRunOnTheirNodes() {
        ModelProfile p = chain();
        p = new ModelProfile(p.name(), null, p.inputBytes(), p.resultBytes(), p.units(), null, null, null, null,
                Map.of("arm", new SerializationCost(0.001, 1e-6, null)),
                Map.of("x86", new SerializationCost(0.5, 0.5, Map.of(1, 0.002))));
        Metrics m = new Evaluator(p, deviceAndServer()).evaluate(cutAfterFirst(), Workload.NONE);
        Outcome o = m.outcomes().get(0);
        // serialize 3000 B on the device: 0.001 + 0.003; deserialize cut 1 measured: 0.002
        assertEquals(0.004, part(o, LatencyPart.Kind.SERIALIZATION, "dev"), EPS);
        assertEquals(0.002, part(o, LatencyPart.Kind.SERIALIZATION, "srv"), EPS);
        assertEquals(1.3231 + 0.006, m.meanLatency(), EPS, "the result is not serialized");
        assertEquals(1.004, m.resource("dev").busySeconds(), EPS);
    }

    @Test
    void codecShrinksTheWireAndCostsTimeOnBothEnds() {
        Codec zip = new Codec("zstd", 3, 0.01e3, 0.02e3); // 10 s/MB encode, 20 s/MB decode
        Plan plan = new Plan(List.of(new Stage(1, 1, "dev"), new Stage(2, 3, "srv", zip)));
        Metrics m = new Evaluator(chain(), deviceAndServer()).evaluate(plan, Workload.NONE);
        Outcome o = m.outcomes().get(0);
        assertEquals(10 * 3000 / 1e6, part(o, LatencyPart.Kind.CODEC, "dev"), EPS);
        assertEquals(20 * 3000 / 1e6, part(o, LatencyPart.Kind.CODEC, "srv"), EPS);
        // 1000 B on the wire: one packet, 0.01 + 8000/8e6
        assertEquals(0.011 + 0.0101, part(o, LatencyPart.Kind.TRANSFER, "dev-srv"), EPS);
        assertEquals((1000 + 100) / 1e9 * 0.1, m.costItems().stream()
                .filter(c -> c.kind() == CostItem.Kind.EGRESS).mapToDouble(CostItem::usdPerRequest).sum(), EPS);
    }

    @Test
    void measuredUnitLatencyOverridesTheFlopEstimate() {
        ModelProfile p = chain();
        List<Unit> units = List.of(new Unit("u1", "conv", 1e9, 400, 3000, Map.of("arm", 0.25), null),
                p.unit(2), p.unit(3));
        Metrics m = new Evaluator(p.withUnits(units), deviceAndServer()).evaluate(cutAfterFirst(), Workload.NONE);
        assertEquals(0.25, m.resource("dev").busySeconds(), EPS);
    }

    @Test
    void measuredRangeWinsOverTheUnitSum() {
        ModelProfile p = withRanges(chain(), false);
        Metrics m = new Evaluator(p, deviceAndServer()).evaluate(cutAfterFirst(), Workload.NONE);
        assertEquals(0.123, m.resource("srv").busySeconds(), EPS, "range 2..3 on x86 is measured");
    }

    @Test
    void rangeThatIncludesTheHeadIsNotChargedTheHeadTwice() {
        ModelProfile p = withRanges(chainWithExit(), true);
        Plan plan = cutAfterFirst().withExits(List.of(new EnabledExit("e1", 0.8)));
        Metrics m = new Evaluator(p, deviceAndServer()).evaluate(plan, Workload.NONE);
        assertEquals(0.7, m.outcome("e1").latency(), EPS, "range 1..1 on arm is 0.7 s including the head");
    }

    @Test
    void codecSerializesTheCompressedBytes() {
        // section 2: the 1e6 B cut shrinks to 250 000 B, and those are (de)serialized at 1e-8 s/B
        ModelProfile p = new ModelProfile("m", null, 1000, 100.0,
                List.of(new Unit("u1", "conv", 1e9, 400, 1e6), new Unit("u2", "fc", 1e9, 0, 10)),
                null, null, null, null,
                Map.of("arm", new SerializationCost(0, 1e-8, null)), Map.of("x86", new SerializationCost(0, 1e-8, null)));
        Codec four = new Codec("q", 4, 0, 0);
        Plan plan = new Plan(List.of(new Stage(1, 1, "dev"), new Stage(2, 2, "srv", four)));
        Outcome o = new Evaluator(p, deviceAndServer()).evaluate(plan, Workload.NONE).outcomes().get(0);
        assertEquals(0.0025, part(o, LatencyPart.Kind.SERIALIZATION, "dev"), EPS);
        assertEquals(0.0025, part(o, LatencyPart.Kind.SERIALIZATION, "srv"), EPS);
    }

    @Test
    void rangeThatIncludesAnUnrunHeadLosesTheHeadsTime() {
        ModelProfile p = withRanges(chainWithExit(), true);
        Metrics m = new Evaluator(p, deviceAndServer()).evaluate(cutAfterFirst(), Workload.NONE);
        // range 1..1 on arm is 0.7 s with head e1; e1 is off: 0.1 GFLOP at 1 GFLOP/s = 0.1 s comes off
        assertEquals(0.6, m.resource("dev").busySeconds(), EPS, "the measurement is kept, less the head");
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("1..1") && w.contains("e1") && w.contains("dev")),
                "the subtraction is listed among the assumptions: " + m.warnings());
    }

    @Test
    void unrunHeadUsesItsMeasuredTimeAndNeverGoesBelowZero() {
        ModelProfile measured = withRanges(chainWithExit(), true);
        measured = measured.withExits(List.of(new ExitHead("e1", 1, 1e8, 50, Map.of("arm", 0.25), null)),
                measured.exitStats());
        Metrics m = new Evaluator(measured, deviceAndServer()).evaluate(cutAfterFirst(), Workload.NONE);
        assertEquals(0.45, m.resource("dev").busySeconds(), EPS, "0.7 s less the head's measured 0.25 s");

        ModelProfile slowHead = withRanges(chainWithExit(), true);
        slowHead = slowHead.withExits(List.of(new ExitHead("e1", 1, 1e8, 50, Map.of("arm", 2.0), null)),
                slowHead.exitStats());
        Metrics z = new Evaluator(slowHead, deviceAndServer()).evaluate(cutAfterFirst(), Workload.NONE);
        assertEquals(0, z.resource("dev").busySeconds(), EPS, "0.7 s less 2 s is clipped at zero");
    }

    @Test
    void zeroByteCrossingIsStillAQueueingVisit() {
        ModelProfile p = new ModelProfile("tiny", null, 1000, 0.0, chain().units(), null, null, null, null, null, null);
        Metrics m = new Evaluator(p, deviceAndServer()).evaluate(cutAfterFirst(), new Workload(0.5, null, null, null));
        ResourceUse link = m.resource("dev-srv");
        // the 3000 B cut and the 0 B result: two visits, the mean service is the busy time over both
        double busy = 8 * 3000 / 8e6;
        assertEquals(2, link.visitsPerRequest(), EPS);
        assertEquals(busy / 2, link.meanServiceSeconds(), EPS);
        double rho = 0.5 * busy;
        double wait = rho * (busy / 2) / (2 * (1 - rho));
        assertEquals(wait, link.waitSeconds(), EPS);
        assertEquals(m.latency().mean() + 0.5 + 0.3 * 0.15 / (2 * (1 - 0.15)) + 2 * wait, m.loadedLatency().mean(), EPS,
                "the result's 0 B crossing waits like any other");
    }

    @Test
    void memoryOverflowNamesTheNodeAndTheAmount() {
        Node small = new Node("dev", null, 0, "arm", 1e9, 300.0, null, null, null);
        Topology t = deviceAndServer().withNodes(List.of(small, TinyScenarios.server()));
        ModelProfile p = chain().withUnits(List.of(new Unit("u1", "conv", 1e9, 400, 3000, null, 50.0),
                chain().unit(2), chain().unit(3)));
        Metrics m = new Evaluator(p, t).evaluate(cutAfterFirst(), Workload.NONE);
        assertFalse(m.feasible());
        MemoryUse dev = m.memory().get(0);
        assertEquals("dev", dev.node());
        assertEquals(150, dev.overflowBytes(), EPS, "400 params + 50 working - 300 capacity");
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("dev")));
    }

    private static ModelProfile withRanges(ModelProfile p, boolean includesHead) {
        return new ModelProfile(p.name(), null, p.inputBytes(), p.resultBytes(), p.units(), p.exits(),
                p.exitStats(), null,
                List.of(new RangeLatencyTable("x86", false, List.of(new RangeLatency(2, 3, 0.123))),
                        new RangeLatencyTable("arm", includesHead, List.of(new RangeLatency(1, 1, 0.7)))),
                null, null);
    }
}
