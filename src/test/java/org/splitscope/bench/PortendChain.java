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
 * PORTEND's problem size, SYNTHETIC numbers: a CIFAR ResNet-110 at block level (55 units: the
 * stem and 54 residual blocks, the classifier folded into the last; about 9.4 MFLOP per block,
 * fp32 activations of 64 KB, 32 KB and 16 KB in the three stages), four exit heads, 2000
 * seeded per-sample exit statistics, and three tiers: a device (2 GFLOP/s), a base station
 * (50 GFLOP/s, 1 USD/h) 10 Mb/s and 20 ms away, a cloud (500 GFLOP/s, 3 USD/h) 400 Mb/s and
 * 40 ms further.
 */
final class PortendChain {
    static final int SAMPLES = 2000;
    static final int[] EXITS_AFTER = {2, 19, 28, 37};

    private PortendChain() {
    }

    static ModelProfile profile() {
        List<Unit> units = new ArrayList<>();
        units.add(new Unit("stem", "conv", 0.9e6, 1.8e3, 65_536));
        for (int b = 1; b <= 54; b++) {
            int stage = (b - 1) / 18;
            double cut = b == 54 ? 40 : new double[] {65_536, 32_768, 16_384}[stage];
            double params = new double[] {18.6e3, 74e3, 295e3}[stage];
            units.add(new Unit("block" + b, "block", 9.4e6, params, cut));
        }
        List<ExitHead> exits = new ArrayList<>();
        for (int i = 0; i < EXITS_AFTER.length; i++) {
            exits.add(new ExitHead("exit" + (i + 1), EXITS_AFTER[i], 0.6e6, 12e3));
        }
        return new ModelProfile("resnet110-blocks (synthetic)", null, 12_288, 40.0, units, exits, samples(),
                ExitCriterion.MAX_PROB, null, null, null);
    }

    /** Confidence rises with depth and falls with a sample's difficulty; correctness follows confidence. */
    private static SampleStats samples() {
        Random r = new Random(110);
        int e = EXITS_AFTER.length;
        double[][] conf = new double[e][SAMPLES];
        boolean[][] ok = new boolean[e][SAMPLES];
        boolean[] okFinal = new boolean[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            double difficulty = r.nextGaussian();
            for (int i = 0; i <= e; i++) {
                double depth = i < e ? EXITS_AFTER[i] / 55.0 : 1;
                double z = 3 - 4 * (1 - depth) - 2 * difficulty + 0.5 * r.nextGaussian();
                double p = 0.1 + 0.9 / (1 + Math.exp(-z));
                boolean right = r.nextDouble() < p;
                if (i < e) {
                    conf[i][s] = p;
                    ok[i][s] = right;
                } else {
                    okFinal[s] = right;
                }
            }
        }
        return new SampleStats(conf, ok, okFinal);
    }

    static Topology tiers() {
        List<Node> nodes = List.of(
                new Node("device", null, 0, "arm", 2e9, null, null, null, 4.0),
                new Node("station", null, 1, "edge", 50e9, null, null, new DedicatedPricing(1.0), null),
                new Node("cloud", null, 2, "gpu", 500e9, null, null, new DedicatedPricing(3.0), null));
        List<Link> links = List.of(new Link("device", "station", 10e6, 0.020), new Link("station", "cloud", 400e6, 0.040));
        return new Topology(nodes, links, "device", null, null);
    }

    /** Ten thresholds, 0.05 to 0.95. */
    static List<Double> grid() {
        List<Double> g = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            g.add((5 + 10 * i) / 100.0);
        }
        return g;
    }
}
