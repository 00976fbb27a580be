package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;

class ModelZooTest {
    private static final double DEVICE_FLOPS = 10e9;
    private static final double SERVER_FLOPS = 1e12;
    private static final double BANDWIDTH = 50e6;
    private static final double LINK_LATENCY = 0.010;
    private static final Topology DEVICE_AND_SERVER = new Topology(
            List.of(new Node("device", "device", 0, "cpu", DEVICE_FLOPS, null, 1, null, null),
                    new Node("server", "server", 1, "gpu", SERVER_FLOPS, null, 1, null, null)),
            List.of(new Link("device", "server", BANDWIDTH, LINK_LATENCY)), "device", null, null);

    @Test
    void everyModelIsListedOnceUnderAStableId() {
        List<String> ids = ModelZoo.all().stream().map(ZooModel::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique");
        assertEquals(List.of("cifar-resnet-20", "cifar-resnet-32", "cifar-resnet-44", "cifar-resnet-56",
                "cifar-resnet-110", "resnet-50", "resnet-101", "resnet-152", "vgg-16", "mobilenet-v2",
                "efficientnet-b0", "densenet-121", "inception-v3", "vggish"), ids);
        assertEquals("Inception-v3", ModelZoo.byId("inception-v3").architecture().get().name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelZoo.byId("resnet-18"));
        assertTrue(e.getMessage().contains("'resnet-18'") && e.getMessage().contains("densenet-121"), e.getMessage());
    }

    @Test
    void profilesValidateAtBothGranularitiesWithAndWithoutExits() {
        for (ZooModel m : ModelZoo.all()) {
            for (Granularity g : Granularity.values()) {
                ModelProfile plain = m.profile(g);
                assertEquals(List.of(), plain.validate("profile"), m.id() + " " + g);
                List<ExitHead> exits = m.exits().apply(g);
                assertFalse(exits.isEmpty(), m.id() + " has exits");
                if (m.hasPublishedAccuracy()) {
                    ModelProfile withExits = m.profileWithSyntheticExits(g, ExitCriterion.MAX_PROB, 7, 200);
                    assertEquals(List.of(), withExits.validate("profile"), m.id() + " " + g);
                    assertEquals(exits, withExits.exits());
                } else {
                    // exits alone are refused by validation: a profile's exits need statistics
                    assertFalse(plain.withExits(exits, null).validate("profile").isEmpty());
                }
            }
        }
    }

    @Test
    void anEmbeddingModelRefusesSyntheticExitStatisticsWithAReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelZoo.byId("vggish")
                .profileWithSyntheticExits(Granularity.BLOCKS, ExitCriterion.MAX_PROB, 1, 10));
        assertTrue(e.getMessage().contains("embedding") && e.getMessage().contains("accuracy"), e.getMessage());
    }

    /**
     * Cut at the first exit without enabling it: the evaluator's latency must be the device's
     * FLOPs, the cut's bytes over the link (PORTEND's packet model, one hop), the server's FLOPs
     * and the result's trip back, computed here from the profile by hand.
     */
    @Test
    void theEvaluatorSendsExactlyTheCutBytesOfTheProfile() {
        for (ZooModel m : ModelZoo.all()) {
            for (Granularity g : Granularity.values()) {
                ModelProfile p = m.profile(g);
                int cut = m.exits().apply(g).get(0).afterUnit();
                double device = 0;
                double server = 0;
                for (int u = 1; u <= p.unitCount(); u++) {
                    device += u <= cut ? p.unit(u).flops() : 0;
                    server += u > cut ? p.unit(u).flops() : 0;
                }
                double expected = device / DEVICE_FLOPS + transfer(p.unit(cut).cutBytes()) + server / SERVER_FLOPS
                        + transfer(p.resultBytes());
                Plan plan = new Plan(List.of(new Stage(1, cut, "device"), new Stage(cut + 1, p.unitCount(), "server")));
                Metrics metrics = new Evaluator(p, DEVICE_AND_SERVER).evaluate(plan, Workload.NONE);
                assertEquals(expected, metrics.meanLatency(), 1e-9 * expected, m.id() + " " + g);
            }
        }
    }

    @Test
    void enabledExitsEvaluateToAMixtureOfOutcomes() {
        for (ZooModel m : ModelZoo.all()) {
            if (!m.hasPublishedAccuracy()) {
                continue;
            }
            ModelProfile p = m.profileWithSyntheticExits(Granularity.LAYERS, ExitCriterion.MAX_PROB, 11, 500);
            int cut = p.exits().get(0).afterUnit();
            Plan plan = new Plan(List.of(new Stage(1, cut, "device"), new Stage(cut + 1, p.unitCount(), "server")),
                    p.exits().stream().map(e -> new EnabledExit(e.id(), 0.8)).toList(), null);
            Metrics metrics = new Evaluator(p, DEVICE_AND_SERVER).evaluate(plan, Workload.NONE);
            assertEquals(p.exits().size() + 1, metrics.outcomes().size(), m.id());
            assertEquals(1.0, metrics.outcomes().stream().mapToDouble(Outcome::probability).sum(), 1e-9, m.id());
            Outcome first = metrics.outcomes().get(0);
            Outcome last = metrics.outcomes().get(metrics.outcomes().size() - 1);
            assertTrue(first.latency() < last.latency(), m.id() + ": leaving at the first exit skips the link");
            assertTrue(metrics.accuracy() > 0.5 && metrics.accuracy() < 1, m.id() + " " + metrics.accuracy());
        }
    }

    private static double transfer(double bytes) {
        double mtu = Topology.DEFAULT_MTU_BYTES;
        double packets = Math.max(1, Math.ceil(bytes / mtu));
        return LINK_LATENCY + (packets - 1) * 8 * mtu / BANDWIDTH + 8 * Math.min(bytes, mtu) / BANDWIDTH;
    }
}
