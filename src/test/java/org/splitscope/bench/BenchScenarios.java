package org.splitscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;

/**
 * Inputs for the benchmarks: a layer-level model of 517 units (the size of a layer-level
 * ResNet-152) with 4 exit heads and 10,000 validation samples, on PORTEND's three tiers.
 */
public final class BenchScenarios {
    public static final int UNITS = 517;
    public static final int SAMPLES = 10_000;

    private BenchScenarios() {
    }

    public static ModelProfile largeModel() {
        Random r = new Random(42);
        List<Unit> units = new ArrayList<>();
        double activation = 802_816; // 56 x 56 x 64 fp32
        for (int u = 1; u <= UNITS; u++) {
            if (u % 130 == 0) {
                activation /= 2; // downsampling stages shrink the tensor that crosses a cut
            }
            units.add(new Unit("layer" + u, "conv", 2e7 + r.nextDouble() * 4e8, r.nextDouble() * 2e6,
                    activation * (0.5 + r.nextDouble()), null, activation * 2));
        }
        List<ExitHead> exits = new ArrayList<>();
        for (int e = 1; e <= 4; e++) {
            exits.add(new ExitHead("exit" + e, e * 100, 5e6, 2e5));
        }
        double[][] conf = new double[4][SAMPLES];
        boolean[][] ok = new boolean[4][SAMPLES];
        boolean[] okFinal = new boolean[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            double difficulty = r.nextDouble();
            for (int e = 0; e < 4; e++) {
                conf[e][s] = Math.min(1, Math.max(0, 0.3 + 0.15 * e - 0.5 * difficulty + 0.5 * r.nextDouble()));
                ok[e][s] = r.nextDouble() < conf[e][s];
            }
            okFinal[s] = r.nextDouble() < 0.93;
        }
        ModelProfile p = new ModelProfile("synthetic-517", null, 602_112, null, units, null, null,
                ExitCriterion.MAX_PROB, null, null, null);
        return p.withExits(exits, new SampleStats(conf, ok, okFinal));
    }

    public static Topology threeTiers() {
        return new Topology(List.of(
                new Node("device", null, 0, "arm", 1.35e10, 4e9, null, null, 6.0),
                new Node("edge", null, 1, "x86", 2e11, 64e9, null, new DedicatedPricing(1.0), null),
                new Node("cloud", null, 2, "gpu", 7e12, 16e9, null, new DedicatedPricing(3.06), null)),
                List.of(new Link(null, "device", "edge", 10e6, 0.020, 0.0, null),
                        new Link(null, "edge", "cloud", 400e6, 0.040, 0.09, null)),
                "device", null, null);
    }
}
