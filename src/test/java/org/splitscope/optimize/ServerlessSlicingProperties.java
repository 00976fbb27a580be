package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.model.Codec;
import org.splitscope.model.CurveStats;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * The serverless slicing against brute force on random small instances: every set of cuts into
 * at most maxFunctions functions, every memory size per function and every codec choice per
 * transfer (the input's included), each scored by the evaluator.
 */
class ServerlessSlicingProperties {
    private static final int[] SIZES = {1, 2, 3, 4, 6, 8, 12, 24};

    @Property(tries = 60)
    void findsTheCheapestSlicingThatBruteForceFinds(@ForAll long seed) {
        Random r = new Random(seed);
        ModelProfile profile = heavier(r, RandomChains.profile(r, 2, true));
        boolean loaded = r.nextInt(3) == 0;
        Scenario scenario = scenario(r, profile, loaded);
        ServerlessOptions options = options(r);
        List<Metrics> all = new ArrayList<>();
        ServerlessTopology functions = new ServerlessTopology(scenario.topology(), options.template(scenario.topology()));
        bruteForce(scenario, options, functions, all);
        double slo = sloBetween(r, all);
        Scenario withSlo = scenario.withWorkload(new Workload(scenario.workload().arrivalRatePerSecond(),
                Double.isNaN(slo) ? null : slo, null, null));
        Constraints c = Constraints.of(withSlo.workload());
        Metrics cheapest = null;
        for (Metrics m : all) {
            if (c.metBy(m) && (cheapest == null || Tolerance.less(m.costUsdPerRequest(), cheapest.costUsdPerRequest()))) {
                cheapest = m;
            }
        }
        Statistics.label("feasible").collect(cheapest != null);
        Metrics best = cheapest;
        Statistics.label("SLO binds").collect(best != null && all.stream().anyMatch(m -> Constraints.FEASIBLE.metBy(m)
                && Tolerance.less(m.costUsdPerRequest(), best.costUsdPerRequest())));
        Statistics.label("loaded").collect(loaded);
        ServerlessSlicingResult got;
        try {
            got = new ServerlessSlicing(withSlo, options).solve(Progress.NONE, CancellationToken.none());
        } catch (InfeasibleConstraintsException e) {
            assertEquals(null, cheapest, "the slicing found nothing, brute force found cost "
                    + (cheapest == null ? null : cheapest.costUsdPerRequest()) + ": " + e.getMessage());
            return;
        }
        assertTrue(cheapest != null, "brute force found nothing, the slicing found " + got.scenario().plan());
        assertTrue(Tolerance.equal(cheapest.costUsdPerRequest(), got.costUsdPerRequest()),
                "brute force " + cheapest.costUsdPerRequest() + ", slicing " + got.costUsdPerRequest() + " "
                        + got.scenario().plan());
        Statistics.label("functions").collect(got.scenario().plan().stages().size());
        assertTrue(c.metBy(got.metrics()), "returned slicing violates " + c.unmet(got.metrics()));
        Metrics again = Evaluator.evaluate(got.scenario());
        assertEquals(again.costUsdPerRequest(), got.metrics().costUsdPerRequest());
        assertTrue(got.provenance().exact(), String.join("; ", got.provenance().notes()));
    }

    /** Every slicing's metrics into out, scored by the evaluator. */
    static void bruteForce(Scenario scenario, ServerlessOptions options, ServerlessTopology functions, List<Metrics> out) {
        int last = scenario.plan().lastUnit(scenario.profile());
        List<Codec> choices = options.transferChoices();
        for (int mask = 0; mask < 1 << (last - 1); mask++) {
            int stages = Integer.bitCount(mask) + 1;
            if (stages > options.maxFunctions()) {
                continue;
            }
            int[] first = new int[stages];
            int[] end = new int[stages];
            int k = 0;
            first[0] = 1;
            for (int u = 1; u < last; u++) {
                if ((mask & 1 << (u - 1)) != 0) {
                    end[k++] = u;
                    first[k] = u + 1;
                }
            }
            end[k] = last;
            int per = options.memorySizesMB().size() * choices.size();
            int combos = (int) Math.pow(per, stages);
            for (int combo = 0; combo < combos; combo++) {
                int[] mb = new int[stages];
                List<Stage> list = new ArrayList<>();
                int rest = combo;
                for (int s = 0; s < stages; s++) {
                    int pick = rest % per;
                    rest /= per;
                    mb[s] = options.memorySizesMB().get(pick / choices.size());
                    list.add(new Stage(first[s], end[s], functions.functionId(s + 1), choices.get(pick % choices.size())));
                }
                Plan plan = new Plan(list, scenario.plan().exits(), scenario.plan().terminalExit());
                Topology t = functions.chain(mb, first, end);
                out.add(new Evaluator(scenario.profile(), t).evaluate(plan, scenario.workload()));
            }
        }
    }

    /**
     * No SLO, one below the fastest slicing, or (mostly) one between the fastest slicing and the
     * cheapest one, where it binds.
     */
    private static double sloBetween(Random r, List<Metrics> all) {
        double fastest = Double.POSITIVE_INFINITY;
        Metrics cheapest = null;
        for (Metrics m : all) {
            if (Constraints.FEASIBLE.metBy(m)) {
                fastest = Math.min(fastest, m.loadedLatency().mean());
                if (cheapest == null || m.costUsdPerRequest() < cheapest.costUsdPerRequest()) {
                    cheapest = m;
                }
            }
        }
        int pick = r.nextInt(8);
        if (cheapest == null || pick == 0) {
            return Double.NaN;
        }
        if (pick == 1) {
            return fastest * 0.9;
        }
        return fastest + r.nextDouble() * (cheapest.loadedLatency().mean() - fastest);
    }

    private static ServerlessOptions options(Random r) {
        List<Integer> sizes = new ArrayList<>();
        int count = 3 + r.nextInt(2);
        while (sizes.size() < count) {
            int mb = SIZES[r.nextInt(SIZES.length)];
            if (!sizes.contains(mb)) {
                sizes.add(mb);
            }
        }
        List<Codec> codecs = r.nextBoolean() ? List.of()
                : List.of(new Codec("c", 1 + 3 * r.nextDouble(), r.nextDouble() * 0.01, r.nextDouble() * 0.01));
        return new ServerlessOptions(sizes, codecs, 1 + r.nextInt(3), null);
    }

    /**
     * A client (maybe paid, maybe with its own serialization class), the template function with
     * random billing and cold starts, and a second function joined to it (or not, so that cuts go
     * through the client). Under load the function-to-function link is the fastest route, so
     * every link carries one function's transfers.
     */
    private static Scenario scenario(Random r, ModelProfile profile, boolean loaded) {
        String cls = RandomChains.CLASSES[r.nextInt(RandomChains.CLASSES.length)];
        double[] grains = {0, 0.001, 0.1};
        ServerlessPricing price = new ServerlessPricing(RandomChains.logUniform(r, 1e-6, 1e-4), r.nextBoolean() ? 0 : r.nextDouble() * 1e-8,
                1.0, grains[r.nextInt(3)], r.nextBoolean() ? r.nextDouble() * 0.1 : 0.0, r.nextBoolean() ? r.nextDouble() * 0.3 : 0.0);
        Node client = new Node("client", null, 0, RandomChains.CLASSES[r.nextInt(3)], 1e9, null, null,
                r.nextBoolean() ? new DedicatedPricing(r.nextDouble()) : null, null);
        Node fa = new Node("fa", null, 2, cls, RandomChains.logUniform(r, 1e9, 1e11), null, 1 + r.nextInt(4), price, null);
        Node fb = new Node("fb", null, 2, cls, 1e10, null, null, price, null);
        List<Link> links = new ArrayList<>();
        double up = RandomChains.logUniform(r, 1e6, 1e9);
        double down = RandomChains.logUniform(r, 1e6, 1e9);
        if (r.nextBoolean()) {
            links.add(new Link(null, "client", "fa", up, r.nextDouble() * 0.05, r.nextDouble() * 0.1, true));
            links.add(new Link(null, "fa", "client", down, r.nextDouble() * 0.05, r.nextDouble() * 0.1, true));
        } else {
            links.add(new Link(null, "client", "fa", up, r.nextDouble() * 0.05, r.nextDouble() * 0.1, false));
        }
        if (loaded || r.nextBoolean()) {
            double peer = loaded ? 1e12 : RandomChains.logUniform(r, 1e6, 1e10);
            links.add(new Link(null, "fa", "fb", peer, loaded ? 0 : r.nextDouble() * 0.02, r.nextDouble() * 0.05, false));
        }
        Topology topology = new Topology(List.of(client, fa, fb), links, "client", null, null);
        Plan plan = new Plan(List.of(new Stage(1, profile.unitCount(), "fa")), exits(r, profile), null);
        double rate = loaded ? RandomChains.logUniform(r, 1e-3, 0.5) : 0.0;
        return new Scenario("random", profile, topology, plan, new Workload(rate, null, null, null));
    }

    /** Parameters scaled up so that small memory sizes force cuts. */
    private static ModelProfile heavier(Random r, ModelProfile p) {
        double factor = RandomChains.logUniform(r, 2, 20);
        List<Unit> units = new ArrayList<>();
        for (Unit u : p.units()) {
            units.add(new Unit(u.name(), u.kind(), u.flops(), u.paramBytes() * factor, u.cutBytes(), u.latencySeconds(),
                    u.workingBytes()));
        }
        return p.withUnits(units);
    }

    private static List<EnabledExit> exits(Random r, ModelProfile profile) {
        List<EnabledExit> on = new ArrayList<>();
        if (profile.exitStats() == null) {
            return on;
        }
        for (int e = 0; e < profile.exits().size(); e++) {
            if (r.nextBoolean()) {
                ExitHead head = profile.exits().get(e);
                double t = profile.exitStats() instanceof CurveStats cs
                        ? cs.curves().get(e).thresholds()[r.nextInt(cs.curves().get(e).thresholds().length)]
                        : r.nextDouble();
                on.add(new EnabledExit(head.id(), t));
            }
        }
        return on;
    }
}
