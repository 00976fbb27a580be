package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/** The exit branch and bound for sample statistics against exhaustive search on random small instances. */
class SampleExitSearchProperties {
    private static final List<Objective> SUMS = List.of(Objective.MEAN_LATENCY, Objective.COST, Objective.ACCURACY);

    /**
     * The instance on which the search pruned the optimum behind a plan that tied an inflated
     * prefix bound (LeaveBound's wrong leavers without partial models, fixed since): it showed up
     * once the last-exit bound changed which of the tied nodes came first.
     */
    @net.jqwik.api.Example
    void theInstanceWhereTheLastExitBoundMissedTheOptimum() {
        aBindingFloorWithAtMostSomeExitsFindsTheOptimum(24424);
    }

    @Property(tries = 250)
    void findsTheSameTopPlansAsExhaustiveSearch(@ForAll long seed) {
        SearchRequest request = request(new Random(seed));
        Statistics.label("objective").collect(request.objective());
        Statistics.label("max exits").collect(request.space().maxExits());
        List<RankedPlan> expected = exhaustive(request, 3);
        SampleExitSearch search = new SampleExitSearch(request, 3, Progress.NONE, CancellationToken.none(), true, Long.MAX_VALUE);
        List<RankedPlan> actual = search.search();
        Statistics.label("feasible").collect(expected != null);
        if (expected == null) {
            assertTrue(actual.isEmpty(), "exhaustive search found no plan, the branch and bound found " + actual);
            return;
        }
        assertEquals(expected.size(), actual.size(), "plans found");
        for (int i = 0; i < expected.size(); i++) {
            double want = expected.get(i).objectiveValue();
            double got = actual.get(i).objectiveValue();
            assertTrue(Tolerance.equal(want, got), "rank " + (i + 1) + ": exhaustive " + want + " " + expected.get(i).plan()
                    + ", branch and bound " + got + " " + actual.get(i).plan());
        }
        for (RankedPlan p : actual) {
            assertTrue(request.constraints().metBy(p.metrics()), "returned plan violates " + request.constraints().unmet(p.metrics()));
            assertTrue(p.provenance().exact(), String.join("; ", p.provenance().notes()));
        }
    }

    /**
     * The floor where it binds: 2 to 6 exits, 2 to 4 thresholds, at most 1 to 3 enabled exits, and
     * a floor a little below the best accuracy the space allows, so that few exit configurations
     * qualify and the bounds' accounting of wrong leavers decides what is pruned.
     */
    @Property(tries = 200)
    void aBindingFloorWithAtMostSomeExitsFindsTheOptimum(@ForAll long seed) {
        Random r = new Random(seed);
        ModelProfile profile;
        do {
            profile = RandomChains.profile(r, 6, r.nextBoolean());
        } while (!(profile.exitStats() instanceof SampleStats) || profile.exits().size() < 2);
        if (r.nextBoolean()) {
            profile = profile.withExits(profile.exits(), nested(r, profile.exits().size()));
        }
        Topology topology = RandomChains.topology(r, true);
        Evaluator evaluator = new Evaluator(profile, topology);
        List<Double> grid = new java.util.ArrayList<>();
        for (int k = 2 + r.nextInt(3); grid.size() < k; ) {
            double t = 0.1 * (1 + r.nextInt(9));
            if (!grid.contains(t)) {
                grid.add(t);
            }
        }
        SearchSpace space = SearchSpace.defaults().withPlacement(Placement.values()[r.nextInt(3)]).withThresholds(grid)
                .withMaxExits(1 + r.nextInt(3)).withPartialModels(r.nextBoolean());
        Objective objective = r.nextBoolean() ? Objective.MEAN_LATENCY : Objective.COST;
        SearchRequest most = new SearchRequest(evaluator, Workload.NONE, Objective.ACCURACY, Constraints.FEASIBLE, space);
        if (!most.validate().isEmpty()) {
            return;
        }
        List<RankedPlan> best = exhaustive(most, 1);
        Statistics.label("some plan").collect(best != null);
        if (best == null) {
            return; // no plan at all (memory, links)
        }
        double floor = Math.max(0, best.get(0).metrics().accuracy() - 0.2 * r.nextDouble());
        SearchRequest request = new SearchRequest(evaluator, Workload.NONE, objective,
                Constraints.FEASIBLE.withAccuracyFloor(floor), space);
        Statistics.label("max exits").collect(space.maxExits());
        List<RankedPlan> expected = exhaustive(request, 2);
        List<RankedPlan> actual = new SampleExitSearch(request, 2, Progress.NONE, CancellationToken.none(), true, Long.MAX_VALUE)
                .search();
        assertEquals(expected.size(), actual.size(), "plans found");
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(Tolerance.equal(expected.get(i).objectiveValue(), actual.get(i).objectiveValue()), "rank " + (i + 1)
                    + " at floor " + floor + ": exhaustive " + expected.get(i).objectiveValue() + " " + expected.get(i).plan()
                    + ", branch and bound " + actual.get(i).objectiveValue() + " " + actual.get(i).plan());
            assertTrue(actual.get(i).provenance().exact());
        }
    }

    @Property(tries = 150)
    void aStoppedSearchProvesItsGap(@ForAll long seed) {
        Random r = new Random(seed);
        SearchRequest request = request(r);
        List<RankedPlan> expected = exhaustive(request, 1);
        SampleExitSearch search = new SampleExitSearch(request, 1, Progress.NONE, CancellationToken.none(), true, 1 + r.nextInt(12));
        List<RankedPlan> actual;
        try {
            actual = search.search();
        } catch (InvalidSearchException e) {
            Statistics.label("outcome").collect("stopped before a plan");
            assertTrue(e.getMessage() == null || !e.problems().isEmpty());
            return;
        }
        if (expected == null) {
            assertTrue(actual.isEmpty());
            return;
        }
        assertFalse(actual.isEmpty(), "a plan exists, yet the search ended without one and without saying why");
        RankedPlan best = actual.get(0);
        assertTrue(request.constraints().metBy(best.metrics()));
        double optimum = request.objective().oriented(expected.get(0).metrics());
        double incumbent = request.objective().oriented(best.metrics());
        Statistics.label("outcome").collect(best.provenance().exact() ? "proven" : "gap");
        if (best.provenance().exact()) {
            assertTrue(Tolerance.equal(optimum, incumbent), "proven " + incumbent + " but the optimum is " + optimum);
            return;
        }
        assertTrue(best.provenance().notes().stream().anyMatch(n -> n.contains("of the optimum (lower bound")),
                String.join("; ", best.provenance().notes()));
        assertTrue(!Tolerance.less(optimum, search.lowerBound), "lower bound " + search.lowerBound + " above the optimum " + optimum);
        assertTrue(!Tolerance.less(incumbent, optimum), "incumbent " + incumbent + " beats the optimum " + optimum);
    }

    /**
     * 20 to 150 samples as PORTEND's heads see them: a sample's difficulty sets both its entropy
     * (lower for easy ones, and at deeper heads) and whether a head gets it right (deeper heads
     * more often), with some noise, so the samples an early exit takes are mostly right later too.
     */
    private static SampleStats nested(Random r, int exits) {
        int samples = 20 + r.nextInt(131);
        double[][] entropy = new double[exits][samples];
        boolean[][] ok = new boolean[exits][samples];
        boolean[] okFinal = new boolean[samples];
        for (int s = 0; s < samples; s++) {
            double d = r.nextDouble();
            for (int e = 0; e < exits; e++) {
                double depth = (e + 1.0) / (exits + 1);
                entropy[e][s] = Math.max(0, Math.min(1, d * (1.2 - 0.6 * depth) + 0.1 * r.nextGaussian()));
                ok[e][s] = d + 0.1 * r.nextGaussian() < 0.5 + 0.4 * depth;
            }
            okFinal[s] = d + 0.1 * r.nextGaussian() < 0.92;
        }
        return new SampleStats(entropy, ok, okFinal);
    }

    /** A request over a random chain with per-sample statistics, 1 to 4 exits and a random exit space. */
    static SearchRequest request(Random r) {
        ModelProfile profile;
        do {
            profile = RandomChains.profile(r, 4, true);
        } while (!(profile.exitStats() instanceof SampleStats) || profile.exits().isEmpty());
        Topology topology = RandomChains.topology(r, true);
        Evaluator evaluator = new Evaluator(profile, topology);
        Workload workload = r.nextInt(3) == 0 ? new Workload(RandomChains.logUniform(r, 0.05, 5), null, null, null) : Workload.NONE;
        Metrics reference = evaluator.evaluate(new Plan(List.of(new Stage(1, profile.unitCount(), "n0"))), workload);
        Double floor = r.nextInt(2) == 0 ? 0.3 + 0.65 * r.nextDouble() : null;
        Double slo = r.nextInt(3) == 0 ? reference.meanLatency() * (0.2 + 1.3 * r.nextDouble()) : null;
        Double budget = r.nextInt(3) == 0 ? reference.costUsdPerRequest() * (0.2 + 1.3 * r.nextDouble()) : null;
        Constraints constraints = new Constraints(floor, slo, budget, r.nextBoolean(), r.nextBoolean());
        SearchSpace space;
        SearchRequest req;
        do {
            space = RandomRequests.space(r, profile, topology)
                    .withMaxExits(r.nextBoolean() ? null : r.nextInt(3))
                    .withExitRule(r.nextInt(4) == 0 ? ExitRule.STAGE_ENDS : ExitRule.FREE)
                    .withSharedThreshold(r.nextInt(4) == 0);
            req = new SearchRequest(evaluator, workload, SUMS.get(r.nextInt(SUMS.size())), constraints, space);
        } while (!req.validate().isEmpty());
        return req;
    }

    /** The best plans by scoring every plan, or null when none meets the constraints. */
    private static List<RankedPlan> exhaustive(SearchRequest request, int count) {
        try {
            return new ExhaustiveSearch(request).top(count, Progress.NONE, CancellationToken.none());
        } catch (InfeasibleConstraintsException e) {
            return null;
        }
    }
}
