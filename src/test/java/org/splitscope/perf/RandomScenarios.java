package org.splitscope.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Pricing;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/**
 * Random small valid scenarios for property tests, from a seed: a chain of 2-8 units with 0-2
 * exits and per-sample statistics, 2-4 connected nodes with mixed pricing, a random plan.
 */
final class RandomScenarios {
    private RandomScenarios() {
    }

    static Scenario of(long seed) {
        Random r = new Random(seed);
        ModelProfile profile = profile(r);
        Topology topology = topology(r);
        Plan plan = plan(r, profile, topology);
        return new Scenario("random-" + seed, profile, topology, plan, Workload.NONE);
    }

    static ModelProfile profile(Random r) {
        int n = 2 + r.nextInt(7);
        List<Unit> units = new ArrayList<>();
        for (int u = 1; u <= n; u++) {
            units.add(new Unit("u" + u, "conv", 1e6 + r.nextDouble() * 1e9, r.nextDouble() * 1e6,
                    r.nextDouble() * 2e5, null, r.nextDouble() * 1e5));
        }
        int exitCount = Math.min(n - 1, r.nextInt(3));
        List<ExitHead> exits = new ArrayList<>();
        int after = 0;
        for (int e = 0; e < exitCount; e++) {
            after = after + 1 + r.nextInt(Math.max(1, n - 1 - after - (exitCount - e - 1)));
            if (after >= n) {
                break;
            }
            exits.add(new ExitHead("x" + e, after, r.nextDouble() * 1e8, r.nextDouble() * 1e4));
        }
        int samples = 1 + r.nextInt(200); // several 64-sample words
        double[][] conf = new double[exits.size()][samples];
        boolean[][] ok = new boolean[exits.size()][samples];
        boolean[] okFinal = new boolean[samples];
        for (int s = 0; s < samples; s++) {
            for (int e = 0; e < exits.size(); e++) {
                conf[e][s] = Math.round(r.nextDouble() * 20) / 20.0; // ties with thresholds happen
                ok[e][s] = r.nextBoolean();
            }
            okFinal[s] = r.nextDouble() < 0.8;
        }
        ModelProfile p = new ModelProfile("random", null, r.nextDouble() * 2e5, r.nextDouble() * 2e3, units,
                null, null, null, null, null, null);
        return p.withExits(exits, exits.isEmpty() && r.nextBoolean() ? null : new SampleStats(conf, ok, okFinal));
    }

    static Topology topology(Random r) {
        int v = 2 + r.nextInt(3);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < v; i++) {
            Pricing pricing = switch (r.nextInt(3)) {
                case 0 -> null;
                case 1 -> new DedicatedPricing(r.nextDouble() * 5);
                default -> new ServerlessPricing(0.0000166667, 2e-7, 0.128 + r.nextDouble() * 3, 0.001,
                        r.nextDouble() * 0.5, r.nextDouble() * 0.2);
            };
            nodes.add(new Node("n" + i, null, i, "c" + r.nextInt(2), 1e9 + r.nextDouble() * 1e11, null,
                    1 + r.nextInt(2), pricing, r.nextBoolean() ? 2 + r.nextDouble() * 5 : null));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 1; i < v; i++) { // a spanning chain keeps it connected
            links.add(link(r, "n" + r.nextInt(i), "n" + i));
        }
        for (int extra = r.nextInt(3); extra > 0; extra--) {
            int a = r.nextInt(v);
            int b = r.nextInt(v);
            String id = "x" + extra;
            if (a != b) {
                Link l = link(r, "n" + a, "n" + b);
                links.add(new Link(id, l.from(), l.to(), l.bandwidthBps(), l.latencySeconds(), l.usdPerGB(), null));
            }
        }
        return new Topology(nodes, links, "n0", r.nextInt(4) == 0 ? "n" + r.nextInt(v) : null,
                r.nextBoolean() ? null : 500.0 + r.nextInt(9000));
    }

    private static Link link(Random r, String a, String b) {
        return new Link(null, a, b, 1e6 + r.nextDouble() * 1e9, r.nextDouble() * 0.05, r.nextDouble() * 0.1, null);
    }

    static Plan plan(Random r, ModelProfile profile, Topology topology) {
        int n = profile.unitCount();
        List<EnabledExit> enabled = new ArrayList<>();
        String terminal = null;
        for (ExitHead e : profile.exits()) {
            int pick = r.nextInt(4);
            if (pick == 3 && terminal == null && r.nextBoolean()) {
                terminal = e.id();
                break;
            }
            if (pick > 0) {
                enabled.add(new EnabledExit(e.id(), Math.round(r.nextDouble() * 10) / 10.0));
            }
        }
        int last = terminal == null ? n : profile.exits().get(profile.exitIndex(terminal)).afterUnit();
        List<Stage> stages = new ArrayList<>();
        int first = 1;
        while (first <= last) {
            int end = first + r.nextInt(last - first + 1);
            String node = topology.nodes().get(r.nextInt(topology.nodes().size())).id();
            stages.add(new Stage(first, end, node));
            first = end + 1;
        }
        return new Plan(stages, enabled, terminal);
    }
}
