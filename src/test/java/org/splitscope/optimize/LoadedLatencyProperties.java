package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * The exact chain search for the mean latency under load against the reference: every plan of
 * the space scored by the evaluator, the saturated ones and those that break a constraint
 * dropped, the least loaded mean kept. Arrival rates are drawn as a share of the most throughput
 * any plan reaches, up to 0.999 of it, so that most plans saturate and the waits of the rest
 * dwarf their latency without load.
 */
class LoadedLatencyProperties {
    private static final double[] LOAD = {0.2, 0.6, 0.9, 0.99, 0.999};

    @Property(tries = 200)
    void findsTheLeastLoadedMeanOfEveryPlan(@ForAll long seed) {
        Random r = new Random(seed);
        ModelProfile profile = RandomChains.profile(r, 2, true);
        Topology topology = RandomChains.topology(r, true);
        Evaluator evaluator = new Evaluator(profile, topology);
        SearchSpace space = RandomRequests.space(r, profile, topology);
        SearchRequest probe = new SearchRequest(evaluator, Workload.NONE, Objective.MEAN_LATENCY, Constraints.NONE, space);
        Assume.that(probe.validate().isEmpty());
        double most = every(probe).stream().mapToDouble(m -> m.throughputPerSecond() == null ? 0 : m.throughputPerSecond())
                .max().orElse(0);
        Assume.that(most > 0 && Double.isFinite(most));
        double share = LOAD[r.nextInt(LOAD.length)];
        Workload workload = new Workload(share * most, null, null, null);
        Double slo = r.nextInt(4) == 0 ? 0.01 + 0.5 * r.nextDouble() : null;
        // "below saturation" left off on purpose half the time: the objective must bring it in
        Constraints constraints = new Constraints(null, slo, null, r.nextBoolean(), r.nextBoolean());
        SearchRequest request = new SearchRequest(evaluator, workload, Objective.LOADED_LATENCY, constraints, space);
        Statistics.label("load").collect(share);

        List<Metrics> feasible = new ArrayList<>(every(request).stream()
                .filter(m -> request.constraints().metBy(m) && m.loadedLatency() != null).toList());
        feasible.sort(Comparator.comparingDouble(m -> m.loadedLatency().mean()));
        List<RankedPlan> actual = SearchResults.exact(request, 3);
        Statistics.label("feasible").collect(!feasible.isEmpty());
        if (feasible.isEmpty()) {
            assertEquals(null, actual, "no plan is feasible under load, the search returned one");
            return;
        }
        assertNotNull(actual, "the search found no plan; the best loaded mean is " + feasible.get(0).loadedLatency().mean());
        assertEquals(Math.min(3, feasible.size()), actual.size());
        for (int i = 0; i < actual.size(); i++) {
            double want = feasible.get(i).loadedLatency().mean();
            RankedPlan got = actual.get(i);
            assertTrue(Tolerance.equal(want, got.objectiveValue()), "rank " + (i + 1) + ": every plan scored gives "
                    + want + ", the search " + got.objectiveValue() + " " + got.plan());
            assertTrue(Tolerance.equal(got.metrics().loadedLatency().mean(), got.objectiveValue()));
            assertTrue(!got.metrics().saturated() && request.constraints().metBy(got.metrics()));
            assertTrue(got.provenance().exact(), String.join("; ", got.provenance().notes()));
        }
    }

    @Property(tries = 60)
    void withoutAnArrivalRateItIsTheMeanLatency(@ForAll long seed) {
        SearchRequest mean = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY));
        Assume.that(mean != null && mean.workload().arrivalRatePerSecond() == 0);
        SearchRequest loaded = mean.withObjective(Objective.LOADED_LATENCY);
        List<RankedPlan> want = SearchResults.exact(mean, 2);
        List<RankedPlan> got = SearchResults.exact(loaded, 2);
        assertEquals(want == null, got == null);
        if (want != null) {
            assertEquals(want.stream().map(p -> p.objectiveValue()).toList(), got.stream().map(p -> p.objectiveValue()).toList());
        }
    }

    private static List<Metrics> every(SearchRequest request) {
        List<Metrics> out = new ArrayList<>();
        AllPlans all = new AllPlans(request);
        for (int i = 0; i < all.configurations(); i++) {
            all.visit(i, plan -> out.add(request.evaluator().evaluate(plan, request.workload())));
        }
        return out;
    }
}
