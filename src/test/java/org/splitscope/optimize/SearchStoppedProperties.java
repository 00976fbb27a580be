package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.perf.Tolerance;

/**
 * A search stopped by its token gives back its best plan so far with a bound that holds: the
 * bound is at most the plan's value and at most the optimum the finished search proves, and the
 * plan is one the evaluator scored and the constraints accept.
 */
class SearchStoppedProperties {
    private static final List<Objective> OBJECTIVES = List.of(Objective.MEAN_LATENCY, Objective.COST, Objective.ACCURACY,
            Objective.LOADED_LATENCY);

    /** Cancels the token once the search reports more than {@code after} steps. */
    private static Progress cancelAfter(long after, CancellationToken token) {
        return (done, total) -> {
            if (done > after) {
                token.cancel();
            }
        };
    }

    /**
     * A random request that the enumeration answers: the exit program answers curve statistics
     * and its labels have no partial result. Discards the others.
     */
    private static SearchRequest enumerated(long seed) {
        SearchRequest request = RandomRequests.request(seed, OBJECTIVES);
        Assume.that(request != null);
        boolean unloaded = request.objective() == Objective.LOADED_LATENCY && request.workload().arrivalRatePerSecond() == 0;
        Assume.that(!ExactChainSearch.exitProgramAnswers(unloaded ? request.withObjective(Objective.MEAN_LATENCY) : request));
        return request;
    }

    /** The finished exact search's best plan; null when no plan meets the constraints. */
    private static RankedPlan provenBest(SearchRequest request) {
        try {
            return new ExactChainSearch(request).top(1, Progress.NONE, CancellationToken.none()).get(0);
        } catch (InfeasibleConstraintsException e) {
            return null;
        }
    }

    @Property(tries = 300)
    void theChainSearchStoppedBetweenConfigurationsKeepsItsIncumbentAndAValidBound(@ForAll long seed) {
        SearchRequest request = enumerated(seed);
        RankedPlan finished = provenBest(request);
        if (finished == null) {
            return;
        }
        Objective o = request.objective();
        int configurations = ExitConfigurations.all(request.evaluator().profile(), request.space()).size();
        CancellationToken token = new CancellationToken();
        SearchStopped stopped;
        try {
            // many plans asked for, so no configuration is skipped; stopped after the first one is enumerated
            new ExactChainSearch(request).top(1000, cancelAfter(configurations, token), token);
            Statistics.label("stopped").collect(false);
            return; // one configuration only: it finished first
        } catch (SearchStopped e) {
            stopped = e;
        }
        Statistics.label("stopped").collect(true);
        Statistics.label("with a plan").collect(!stopped.best().isEmpty());
        double optimum = o.oriented(finished.metrics());
        if (!Double.isNaN(stopped.lowerBound())) {
            assertTrue(Tolerance.compare(stopped.lowerBound(), optimum) <= 0, "bound " + stopped.lowerBound()
                    + " above the optimum " + optimum);
        }
        if (stopped.best().isEmpty()) {
            return;
        }
        RankedPlan best = stopped.best().get(0);
        assertEquals(o.oriented(best.metrics()), stopped.incumbent());
        assertTrue(stopped.lowerBound() <= stopped.incumbent());
        assertTrue(Tolerance.compare(optimum, stopped.incumbent()) <= 0, "the incumbent beats the optimum");
        assertTrue(request.constraints().metBy(best.metrics()));
        assertFalse(best.provenance().exact());
        assertTrue(best.provenance().notes().get(best.provenance().notes().size() - 1).startsWith("stopped before"));
        if (stopped.gap() != null) {
            assertTrue(stopped.gap() >= 0);
        }
    }

    @Property(tries = 150)
    void theChainSearchStoppedBeforeScoringAnyPlanStillShowsOneWithoutABound(@ForAll long seed) {
        SearchRequest request = enumerated(seed);
        RankedPlan finished = provenBest(request);
        if (finished == null) {
            return;
        }
        CancellationToken token = new CancellationToken();
        token.cancel();
        try {
            new ExactChainSearch(request).top(3, Progress.NONE, token);
            throw new AssertionError("a cancelled search returned as if it had finished");
        } catch (SearchStopped e) {
            Statistics.label("with a plan").collect(!e.best().isEmpty());
            assertTrue(Double.isNaN(e.lowerBound()), "configurations not built yet bound nothing");
            for (RankedPlan p : e.best()) {
                assertTrue(request.constraints().metBy(p.metrics()));
                assertFalse(p.provenance().exact());
                assertTrue(Tolerance.compare(request.objective().oriented(finished.metrics()),
                        request.objective().oriented(p.metrics())) <= 0);
            }
        }
    }

    @Property(tries = 100)
    void exhaustiveSearchStoppedKeepsItsBestPlanWithoutABound(@ForAll long seed) {
        SearchRequest request = RandomRequests.request(seed, OBJECTIVES);
        Assume.that(request != null);
        CancellationToken token = new CancellationToken();
        AtomicLong configurations = new AtomicLong();
        try {
            new ExhaustiveSearch(request).top(3, (done, total) -> {
                if (configurations.incrementAndGet() == 2) {
                    token.cancel();
                }
            }, token);
        } catch (SearchStopped e) {
            assertTrue(Double.isNaN(e.lowerBound()));
            assertNull(e.gap());
            e.best().forEach(p -> assertTrue(request.constraints().metBy(p.metrics())));
            assertTrue(e.best().stream().noneMatch(p -> p.provenance().exact()));
            return;
        } catch (InfeasibleConstraintsException e) {
            return;
        } catch (java.util.concurrent.CancellationException e) {
            // stopped after the last plan, while explaining why none was feasible: nothing of this search to keep
            return;
        }
    }

    @Property(tries = 60)
    void pipelinePlacementStoppedAtOnceKeepsItsSeedWithinTheProvenBound(@ForAll long seed) {
        SearchRequest request = RandomClusters.request(new Random(seed));
        double optimum;
        try {
            optimum = new PipelinePlacement(request, PipelineObjective.BOTTLENECK).top(1, Progress.NONE,
                    CancellationToken.none()).get(0).objectiveValue();
        } catch (InfeasibleConstraintsException e) {
            return;
        }
        CancellationToken token = new CancellationToken();
        token.cancel();
        SearchStopped stopped;
        try {
            new PipelinePlacement(request, PipelineObjective.BOTTLENECK).top(3, Progress.NONE, token);
            throw new AssertionError("a cancelled search returned as if it had finished");
        } catch (SearchStopped e) {
            stopped = e;
        } catch (InfeasibleConstraintsException e) {
            return; // the baselines found no seed; nothing to keep
        }
        Statistics.label("with a plan").collect(!stopped.best().isEmpty());
        assertTrue(Tolerance.compare(stopped.lowerBound(), optimum) <= 0, stopped.lowerBound() + " > " + optimum);
        if (!stopped.best().isEmpty()) {
            assertTrue(stopped.lowerBound() <= stopped.incumbent());
            assertTrue(Tolerance.compare(optimum, stopped.best().get(0).objectiveValue()) <= 0);
            assertTrue(stopped.gap() != null && stopped.gap() >= 0);
        }
    }

    /**
     * The exit program at an accuracy floor, stopped at a random check of its token in the second
     * half of its run (on the hull, or during a guess of the gap search): the plan it gives back meets the floor and
     * is no better than the optimum, and its bound (raised by every guess that found no plan) is
     * no higher than the optimum.
     */
    @Property(tries = 1500, maxDiscardRatio = 50)
    void theExitProgramStoppedAtAFloorKeepsAValidBound(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY, Objective.COST));
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0x5709);
        SearchRequest request = ExitDpProperties.withCurves(drawn, r, org.splitscope.model.CurveCombination.NESTED, true)
                .withConstraints(new Constraints(0.3 + 0.6 * r.nextDouble(), null, null, drawn.constraints().memoryMustFit(),
                        drawn.constraints().belowSaturation()));
        Assume.that(ExactChainSearch.exitProgramAnswers(request));
        RankedPlan finished = provenBest(request);
        if (finished == null) {
            return;
        }
        AtomicLong counted = new AtomicLong();
        new ExactChainSearch(request).top(1, Progress.NONE, CancellationToken.withTimeLimit(java.time.Duration.ofDays(1),
                counted::getAndIncrement));
        AtomicLong checks = new AtomicLong();
        CancellationToken token = CancellationToken.withTimeLimit(java.time.Duration.ofNanos(
                        1 + counted.get() / 2 + r.nextInt((int) Math.max(1, counted.get() / 2))),
                checks::getAndIncrement);
        SearchStopped stopped;
        try {
            new ExactChainSearch(request).top(1, Progress.NONE, token);
            Statistics.label("stopped").collect(false);
            return;
        } catch (SearchStopped e) {
            stopped = e;
        } catch (CancellationException e) {
            Statistics.label("stopped").collect("without a result");
            return; // stopped before the hull found a plan meeting the floor
        }
        Statistics.label("stopped").collect(true);
        Statistics.label("method").collect(stopped.best().isEmpty() ? "-" : stopped.best().get(0).provenance().method(),
                Double.isNaN(stopped.lowerBound()));
        Objective o = request.objective();
        double optimum = o.oriented(finished.metrics());
        assertTrue(Double.isNaN(stopped.lowerBound()) || Tolerance.compare(stopped.lowerBound(), optimum) <= 0, "bound "
                + stopped.lowerBound() + " above the optimum " + optimum);
        if (!stopped.best().isEmpty()) {
            RankedPlan best = stopped.best().get(0);
            assertTrue(request.constraints().metBy(best.metrics()));
            assertTrue(Tolerance.compare(optimum, o.oriented(best.metrics())) <= 0, "the plan beats the optimum");
        }
    }
}
