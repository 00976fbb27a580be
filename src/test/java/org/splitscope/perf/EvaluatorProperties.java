package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.splitscope.model.Link;
import org.splitscope.model.Plan;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;

/** Laws the performance model must obey on any valid scenario. */
class EvaluatorProperties {

    @Property(tries = 300)
    void outcomeProbabilitiesSumToOne(@ForAll long seed) {
        Metrics m = Evaluator.evaluate(RandomScenarios.of(seed));
        double sum = m.outcomes().stream().mapToDouble(Outcome::probability).sum();
        assertEquals(1.0, sum, 1e-9);
        assertEquals(1.0, m.latency().distribution().stream().mapToDouble(LatencyPoint::probability).sum(), 1e-9);
    }

    @Property(tries = 300)
    void evaluatorAgreesWithFollowingEverySampleByHand(@ForAll long seed) {
        Scenario s = RandomScenarios.of(seed);
        Metrics m = Evaluator.evaluate(s);
        DirectSimulation direct = new DirectSimulation(s);
        SampleStats stats = (SampleStats) s.profile().exitStats();
        int n = stats == null ? 1 : stats.sampleCount();
        double latency = 0;
        int right = 0;
        java.util.Map<String, Integer> leaving = new java.util.HashMap<>();
        for (int j = 0; j < n; j++) {
            DirectSimulation.Fate f = stats == null
                    ? new DirectSimulation.Fate(s.profile().unitCount(), Outcome.FINAL, false) : direct.fate(j);
            latency += direct.latency(f.leaveUnit());
            right += f.correct() ? 1 : 0;
            leaving.merge(f.label(), 1, Integer::sum);
        }
        assertEquals(latency / n, m.meanLatency(), 1e-9 * Math.max(1, latency / n));
        for (Outcome o : m.outcomes()) {
            assertEquals(leaving.getOrDefault(o.label(), 0) / (double) n, o.probability(), 1e-12, o.label());
        }
        if (stats != null) {
            assertEquals(right / (double) n, m.accuracy(), 1e-12);
        }
    }

    @Property(tries = 200)
    void moreBandwidthNeverRaisesLatency(@ForAll long seed, @ForAll @DoubleRange(min = 1, max = 100) double factor) {
        Scenario s = RandomScenarios.of(seed);
        int which = new Random(seed).nextInt(s.topology().links().size());
        List<Link> faster = new ArrayList<>(s.topology().links());
        faster.set(which, faster.get(which).withBandwidthBps(faster.get(which).bandwidthBps() * factor));
        Metrics before = Evaluator.evaluate(s);
        Metrics after = Evaluator.evaluate(s.withTopology(s.topology().withLinks(faster)));
        assertTrue(after.meanLatency() <= before.meanLatency() * (1 + 1e-12));
        assertTrue(after.latency().p95() <= before.latency().p95() * (1 + 1e-12));
        assertTrue(after.latency().p99() <= before.latency().p99() * (1 + 1e-12));
    }

    @Property(tries = 200)
    void withoutExitsMovingACutNeverChangesAccuracy(@ForAll long seed) {
        Scenario s = RandomScenarios.of(seed);
        Scenario noExits = s.withPlan(new Plan(s.plan().stages().isEmpty() ? List.of() : wholeOn(s)));
        Random r = new Random(seed);
        int n = s.profile().unitCount();
        int cut = 1 + r.nextInt(n - 1);
        Topology t = s.topology();
        Plan split = new Plan(List.of(new Stage(1, cut, t.nodes().get(r.nextInt(t.nodes().size())).id()),
                new Stage(cut + 1, n, t.nodes().get(r.nextInt(t.nodes().size())).id())));
        Double whole = Evaluator.evaluate(noExits).accuracy();
        Double moved = Evaluator.evaluate(noExits.withPlan(split)).accuracy();
        assertEquals(whole, moved);
    }

    @Property(tries = 200)
    void addingLoadNeverLowersLatency(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 1) double a,
                                      @ForAll @DoubleRange(min = 0, max = 1) double b) {
        Scenario s = RandomScenarios.of(seed);
        Metrics alone = Evaluator.evaluate(s);
        Double capacity = alone.throughputPerSecond();
        if (capacity == null) {
            return;
        }
        double low = Math.min(a, b) * capacity * 0.999;
        double high = Math.max(a, b) * capacity * 0.999;
        Metrics light = Evaluator.evaluate(s.withWorkload(Workload.NONE.withArrivalRate(low)));
        Metrics heavy = Evaluator.evaluate(s.withWorkload(Workload.NONE.withArrivalRate(high)));
        assertTrue(light.loadedLatency().mean() >= alone.meanLatency() * (1 - 1e-12));
        assertTrue(heavy.loadedLatency().mean() >= light.loadedLatency().mean() * (1 - 1e-12));
        assertTrue(heavy.loadedLatency().p95() >= light.loadedLatency().p95() * (1 - 1e-12));
    }

    @Property(tries = 200)
    void loadAtCapacitySaturatesTheBottleneck(@ForAll long seed) {
        Scenario s = RandomScenarios.of(seed);
        Metrics alone = Evaluator.evaluate(s);
        if (alone.throughputPerSecond() == null) {
            return;
        }
        Metrics full = Evaluator.evaluate(s.withWorkload(Workload.NONE.withArrivalRate(alone.throughputPerSecond())));
        assertTrue(full.saturated());
        assertTrue(full.resource(alone.bottleneck()).saturated());
    }

    @Property(tries = 300)
    void routerFindsTheLeastTimeSimplePath(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 1e7) double bytes) {
        Scenario s = RandomScenarios.of(seed);
        Topology t = s.topology();
        Router router = new Router(t);
        DirectSimulation brute = new DirectSimulation(s);
        for (int a = 0; a < t.nodes().size(); a++) {
            for (int b = 0; b < t.nodes().size(); b++) {
                double expected = brute.bestRoute(t.nodes().get(a).id(), t.nodes().get(b).id(), bytes);
                double got = router.route(a, b, bytes).seconds();
                assertEquals(expected, got, 1e-9 * Math.max(1, expected));
            }
        }
    }

    private static List<Stage> wholeOn(Scenario s) {
        return List.of(new Stage(1, s.profile().unitCount(), s.topology().source()));
    }
}
