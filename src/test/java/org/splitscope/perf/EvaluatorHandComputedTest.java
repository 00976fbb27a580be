package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.perf.TinyScenarios.chain;
import static org.splitscope.perf.TinyScenarios.cutAfterFirst;
import static org.splitscope.perf.TinyScenarios.deviceAndServer;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Workload;

/** Every figure of a two-node chain, computed by hand from sections 2 and 3 of the spec. */
class EvaluatorHandComputedTest {
    private static final double EPS = 1e-12;
    private final Evaluator evaluator = new Evaluator(chain(), deviceAndServer());

    // u1 on dev: 1e9 / 1e9 = 1 s. Cut of 3000 B = 2 packets: 0.01 + 1 * 12000/8e6 + 12000/8e6 = 0.013 s.
    // u2+u3 on srv: 3e9 / 1e10 = 0.3 s. Result 100 B back: 0.01 + 800/8e6 = 0.0101 s.
    private static final double LATENCY = 1 + 0.013 + 0.3 + 0.0101;

    @Test
    void latencyFollowsTheRequest() {
        Metrics m = evaluator.evaluate(cutAfterFirst(), Workload.NONE);
        assertEquals(1, m.outcomes().size());
        assertEquals(LATENCY, m.meanLatency(), EPS);
        assertEquals(LATENCY, m.latency().p50(), EPS);
        assertEquals(LATENCY, m.latency().p99(), EPS);
        assertEquals(1.0, m.outcomes().get(0).probability());
    }

    @Test
    void breakdownSumsToLatencyAndNamesResources() {
        Outcome o = evaluator.evaluate(cutAfterFirst(), Workload.NONE).outcomes().get(0);
        assertEquals(o.latency(), o.parts().stream().mapToDouble(LatencyPart::seconds).sum(), EPS);
        assertEquals(List.of("dev", "dev-srv", "srv"), o.parts().stream().map(LatencyPart::resource).toList(),
                "in the order the request meets them, both transfers merged on their link");
        assertEquals(1.0, part(o, LatencyPart.Kind.COMPUTE, "dev"), EPS);
        assertEquals(0.0231, part(o, LatencyPart.Kind.TRANSFER, "dev-srv"), EPS);
        assertEquals(0.3, part(o, LatencyPart.Kind.COMPUTE, "srv"), EPS);
    }

    @Test
    void busyTimeThroughputAndBottleneck() {
        Metrics m = evaluator.evaluate(cutAfterFirst(), Workload.NONE);
        assertEquals(1.0, m.resource("dev").busySeconds(), EPS);
        assertEquals(0.3, m.resource("srv").busySeconds(), EPS);
        // busy time of a link is 8x / bandwidth (no propagation): 3000 B and 100 B
        assertEquals(8 * 3100 / 8e6, m.resource("dev-srv").busySeconds(), EPS);
        assertEquals(2.0, m.resource("dev-srv").visitsPerRequest(), EPS);
        assertEquals(1.0, m.throughputPerSecond(), EPS);
        assertEquals("dev", m.bottleneck());
    }

    @Test
    void costEnergyAndMemory() {
        Metrics m = evaluator.evaluate(cutAfterFirst(), Workload.NONE);
        double server = 3.6 / 3600 * 0.3;
        double egress = 3100 / 1e9 * 0.1;
        assertEquals(server + egress, m.costUsdPerRequest(), EPS);
        assertEquals((server + egress) * 1e6, m.costUsdPerMillion(), 1e-6);
        assertNull(m.costUsdPerHour(), "no arrival rate, no cost per hour");
        assertEquals(5.0 * 1.0, m.energyJoulesPerRequest(), EPS);
        assertEquals(400, m.memory().get(0).paramBytes(), EPS);
        assertEquals(1000, m.memory().get(1).paramBytes(), EPS);
        assertTrue(m.feasible());
    }

    @Test
    void queueingUnderLoadIsMD1PerVisit() {
        Metrics m = evaluator.evaluate(cutAfterFirst(), new Workload(0.5, null, null, null));
        double waitDev = 0.5 * 1.0 / (2 * 0.5);
        double rhoSrv = 0.5 * 0.3;
        double waitSrv = rhoSrv * 0.3 / (2 * (1 - rhoSrv));
        double rhoLink = 0.5 * 0.0031;
        double waitLink = rhoLink * (0.0031 / 2) / (2 * (1 - rhoLink));
        assertEquals(0.5, m.resource("dev").utilization(), EPS);
        assertEquals(waitSrv, m.resource("srv").waitSeconds(), EPS);
        assertEquals(LATENCY + waitDev + waitSrv + 2 * waitLink, m.loadedLatency().mean(), EPS);
        assertEquals(LATENCY, m.latency().mean(), EPS, "unloaded latency stays reported");
        assertEquals(m.costUsdPerRequest() * 0.5 * 3600, m.costUsdPerHour(), EPS);
        assertFalse(m.saturated());
    }

    @Test
    void saturationIsReportedNotHidden() {
        Metrics m = evaluator.evaluate(cutAfterFirst(), new Workload(1.0, 5.0, null, null));
        assertTrue(m.saturated());
        assertTrue(m.resource("dev").saturated());
        assertNull(m.resource("dev").waitSeconds());
        assertNull(m.loadedLatency());
        assertNull(m.outcomes().get(0).loadedLatency());
        assertEquals(LATENCY, m.meanLatency(), EPS);
        assertFalse(m.goals().meetsLatencySlo(), "a saturated plan cannot meet an SLO");
    }

    @Test
    void wholeModelOnTheSourceTransfersOnlyNothing() {
        Plan local = new Plan(List.of(new Stage(1, 3, "dev")));
        Metrics m = evaluator.evaluate(local, Workload.NONE);
        assertEquals(4.0, m.meanLatency(), EPS);
        assertEquals(0, m.resource("dev-srv").busySeconds(), EPS);
        assertEquals(0, m.costUsdPerRequest(), EPS);
    }

    @Test
    void wholeModelOnTheServerSendsTheInput() {
        Plan offload = new Plan(List.of(new Stage(1, 3, "srv")));
        Metrics m = evaluator.evaluate(offload, Workload.NONE);
        // input 1000 B: one packet, 0.01 + 8000/8e6 = 0.011 s; compute 0.4 s; result 0.0101 s
        assertEquals(0.011 + 0.4 + 0.0101, m.meanLatency(), EPS);
        assertEquals(8 * 1100 / 8e6, m.resource("dev-srv").busySeconds(), EPS);
    }

    @Test
    void accuracyIsUnknownWithoutStatistics() {
        Metrics m = evaluator.evaluate(cutAfterFirst(), Workload.NONE);
        assertNull(m.accuracy());
        assertEquals(AccuracyMethod.UNKNOWN, m.accuracyMethod());
    }

    static double part(Outcome o, LatencyPart.Kind kind, String resource) {
        return o.parts().stream().filter(p -> p.kind() == kind && p.resource().equals(resource))
                .mapToDouble(LatencyPart::seconds).sum();
    }
}
