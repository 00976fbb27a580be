package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ExitStats;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Pricing;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.SampleStats;
import org.splitscope.model.SerializationCost;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;

/**
 * Random small chain profiles and topologies from a seed, covering what the performance model
 * offers: per-sample and curve exit statistics, both criteria, measured unit and range latencies,
 * (de)serialization, dedicated, serverless and free nodes, memory limits, multi-hop, parallel and
 * one-way links, egress prices, a sink apart from the source.
 */
final class RandomChains {
    static final String[] CLASSES = {"arm", "gpu", "x86"};

    private RandomChains() {
    }

    static double logUniform(Random r, double lo, double hi) {
        return lo * Math.pow(hi / lo, r.nextDouble());
    }

    /** 3 to 7 units, 0 to maxExits exits. */
    static ModelProfile profile(Random r, int maxExits, boolean extras) {
        int n = 3 + r.nextInt(5);
        List<Unit> units = new ArrayList<>();
        for (int u = 1; u <= n; u++) {
            Map<String, Double> measured = extras && r.nextInt(5) == 0 ? Map.of(CLASSES[r.nextInt(3)], logUniform(r, 1e-3, 1)) : null;
            Double working = r.nextBoolean() ? logUniform(r, 1e3, 1e6) : null;
            units.add(new Unit("u" + u, "conv", logUniform(r, 1e8, 5e9), logUniform(r, 1e3, 1e6),
                    logUniform(r, 100, 1e6), measured, working));
        }
        int exitCount = Math.min(r.nextInt(maxExits + 1), n - 1);
        List<Integer> positions = new ArrayList<>();
        while (positions.size() < exitCount) {
            int at = 1 + r.nextInt(n - 1);
            if (!positions.contains(at)) {
                positions.add(at);
            }
        }
        positions.sort(null);
        List<ExitHead> exits = new ArrayList<>();
        for (int i = 0; i < exitCount; i++) {
            exits.add(new ExitHead("e" + (i + 1), positions.get(i), logUniform(r, 1e6, 5e8), logUniform(r, 1e2, 1e5),
                    null, r.nextBoolean() ? logUniform(r, 1e3, 1e6) : null));
        }
        ExitCriterion criterion = r.nextBoolean() ? ExitCriterion.MAX_PROB : ExitCriterion.ENTROPY;
        ExitStats stats = exitCount == 0 && r.nextBoolean() ? null : r.nextInt(4) == 0 ? curves(r, exitCount) : samples(r, exitCount);
        List<RangeLatencyTable> ranges = extras && r.nextInt(4) == 0 ? List.of(ranges(r, n)) : null;
        Map<String, SerializationCost> ser = extras && r.nextInt(3) == 0 ? serialization(r, n) : null;
        Map<String, SerializationCost> deser = extras && r.nextInt(3) == 0 ? serialization(r, n) : null;
        return new ModelProfile("random", null, logUniform(r, 100, 1e6), logUniform(r, 10, 1e4), units, exits, stats,
                criterion, ranges, ser, deser);
    }

    private static SampleStats samples(Random r, int exits) {
        int s = 5 + r.nextInt(30);
        double[][] conf = new double[exits][s];
        boolean[][] ok = new boolean[exits][s];
        boolean[] okFinal = new boolean[s];
        for (int j = 0; j < s; j++) {
            for (int e = 0; e < exits; e++) {
                conf[e][j] = Math.round(r.nextDouble() * 10) / 10.0;
                ok[e][j] = r.nextDouble() < 0.4 + 0.2 * e;
            }
            okFinal[j] = r.nextDouble() < 0.85;
        }
        return new SampleStats(conf, ok, okFinal);
    }

    private static CurveStats curves(Random r, int exits) {
        List<ExitCurve> curves = new ArrayList<>();
        for (int e = 0; e < exits; e++) {
            double lo = r.nextBoolean() ? 0 : 0.3;
            double[] t = {lo, 0.55, 1};
            double[] rate = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double[] acc = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            curves.add(new ExitCurve(t, rate, acc, r.nextDouble()));
        }
        return new CurveStats(curves, 0.5 + 0.5 * r.nextDouble(),
                r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT);
    }

    private static RangeLatencyTable ranges(Random r, int n) {
        List<RangeLatency> list = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int a = 1 + r.nextInt(n);
            int b = a + r.nextInt(n - a + 1);
            if (list.stream().noneMatch(x -> x.firstUnit() == a && x.lastUnit() == b)) {
                list.add(new RangeLatency(a, b, logUniform(r, 1e-3, 2)));
            }
        }
        return new RangeLatencyTable(CLASSES[r.nextInt(3)], r.nextBoolean(), list);
    }

    private static Map<String, SerializationCost> serialization(Random r, int n) {
        Map<Integer, Double> perCut = r.nextBoolean() ? Map.of(r.nextInt(n + 1), logUniform(r, 1e-4, 1e-2)) : null;
        return Map.of(CLASSES[r.nextInt(3)], new SerializationCost(logUniform(r, 1e-5, 1e-3), logUniform(r, 1e-10, 1e-8), perCut));
    }

    /** 2 to 4 nodes; node 0 (tier 0) is the source; a spanning tree of two-way links plus extras. */
    static Topology topology(Random r, boolean extras) {
        int v = 2 + r.nextInt(3);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            int tier = i == 0 ? 0 : r.nextInt(3);
            Double memory = extras && r.nextInt(3) == 0 ? logUniform(r, 1e4, 1e7) : null;
            nodes.add(new Node("n" + i, null, tier, CLASSES[r.nextInt(3)], logUniform(r, 1e9, 1e11), memory,
                    1 + r.nextInt(2), pricing(r, extras), null));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 1; i < v; i++) {
            links.add(link(r, "n" + r.nextInt(i), "n" + i, false));
        }
        for (int k = r.nextInt(3); k > 0; k--) {
            int a = r.nextInt(v);
            int b = (a + 1 + r.nextInt(v - 1)) % v;
            links.add(new Link("x" + k, "n" + a, "n" + b, logUniform(r, 1e6, 1e9), 0.05 * r.nextDouble(),
                    r.nextBoolean() ? 0.0 : 0.1 * r.nextDouble(), r.nextInt(4) == 0));
        }
        String sink = r.nextInt(4) == 0 ? "n" + r.nextInt(v) : null;
        return new Topology(nodes, links, "n0", sink, r.nextBoolean() ? null : 500.0);
    }

    private static Link link(Random r, String a, String b, boolean oneWay) {
        return new Link(null, a, b, logUniform(r, 1e6, 1e9), 0.05 * r.nextDouble(), r.nextBoolean() ? 0.0 : 0.1 * r.nextDouble(),
                oneWay);
    }

    private static Pricing pricing(Random r, boolean extras) {
        return switch (r.nextInt(extras ? 3 : 2)) {
            case 0 -> null;
            case 1 -> new DedicatedPricing(logUniform(r, 0.01, 5));
            default -> new ServerlessPricing(1.6667e-5, 2e-7, new double[] {0.5, 1, 2}[r.nextInt(3)],
                    new double[] {0, 0.001, 0.1}[r.nextInt(3)], logUniform(r, 0.05, 1), r.nextDouble() * 0.3);
        };
    }
}
