package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Workload;
import org.splitscope.perf.Metrics;

class ExactChainSearchTest {
    private static List<RankedPlan> top(SearchRequest r, int n) {
        return new ExactChainSearch(r).top(n, Progress.NONE, CancellationToken.none());
    }

    @Test
    void returnsRankedPlansWithTheEvaluatorsMetrics() {
        SearchRequest r = SmallChains.request(Objective.MEAN_LATENCY);
        List<RankedPlan> plans = top(r, 5);
        assertEquals(5, plans.size());
        for (int i = 0; i < plans.size(); i++) {
            RankedPlan p = plans.get(i);
            assertEquals(i + 1, p.rank());
            Metrics fresh = r.evaluator().evaluate(p.plan(), r.workload());
            assertEquals(fresh.meanLatency(), p.metrics().meanLatency());
            assertEquals(fresh.meanLatency(), p.objectiveValue());
            assertEquals(ExactChainSearch.METHOD, p.provenance().method());
            assertTrue(p.provenance().exact());
            if (i > 0) {
                assertTrue(plans.get(i - 1).objectiveValue() <= p.objectiveValue());
            }
        }
    }

    @Test
    void anAccuracyFloorThatNoPlanReachesIsNamedWithTheBestAchievable() {
        SearchRequest r = SmallChains.request(Objective.MEAN_LATENCY).withConstraints(Constraints.FEASIBLE.withAccuracyFloor(0.95));
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class, () -> top(r, 1));
        assertEquals(Constraint.ACCURACY_FLOOR, e.unmet().get(0).constraint());
        assertTrue(e.unmet().get(0).aloneImpossible());
        assertTrue(e.getMessage().contains("The accuracy floor 95 % cannot be met: the most accurate plan reaches 9"),
                e.getMessage());
    }

    @Test
    void aBudgetThatNoPlanMeetsNamesTheCheapestCost() {
        Plan anyPlan = new Plan(List.of(new Stage(1, 4, "dev")));
        Scenario scenario = new Scenario("small", SmallChains.profile(), SmallChains.topology(), anyPlan,
                new Workload(0.0, null, null, 1e-12));
        SearchRequest r = SearchRequest.of(scenario, Objective.MEAN_LATENCY);
        SearchRequest offDevice = r.withSpace(r.space().withForbids(List.of(Forbid.onNode(1, 4, "dev"))));
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class, () -> top(offDevice, 1));
        double cheapest = top(offDevice.withObjective(Objective.COST).withConstraints(Constraints.NONE), 1).get(0)
                .objectiveValue();
        assertTrue(cheapest > 0);
        assertTrue(e.getMessage().contains("The budget of 1.0E-12 USD per request cannot be met: the cheapest plan costs "
                + cheapest + " USD."), e.getMessage());
        assertEquals(List.of(Constraint.BUDGET), e.unmet().stream().map(UnmetConstraint::constraint).toList());
        assertTrue(top(offDevice.withConstraints(r.constraints().withBudget(cheapest)), 1).get(0).metrics()
                .costUsdPerRequest() <= cheapest, "a budget at the cheapest cost is met");
    }

    @Test
    void constraintsThatOnlyConflictTogetherAreAllNamed() {
        SearchRequest r = SmallChains.request(Objective.MEAN_LATENCY);
        double maxAccuracy = top(r.withObjective(Objective.ACCURACY), 1).get(0).objectiveValue();
        double fastest = top(r, 1).get(0).objectiveValue();
        double fastestAccurate = top(r.withConstraints(Constraints.FEASIBLE.withAccuracyFloor(maxAccuracy)), 1).get(0)
                .objectiveValue();
        assertTrue(fastest < fastestAccurate, "the scenario trades accuracy for latency");
        Constraints both = Constraints.FEASIBLE.withAccuracyFloor(maxAccuracy).withLatencySlo((fastest + fastestAccurate) / 2);
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class,
                () -> top(r.withConstraints(both), 1));
        assertTrue(e.getMessage().contains("each can be met on its own, but not all together"), e.getMessage());
        assertTrue(e.unmet().stream().noneMatch(UnmetConstraint::aloneImpossible));
        assertTrue(e.unmet().stream().anyMatch(u -> u.constraint() == Constraint.LATENCY_SLO));
    }

    @Test
    void aPinThatContradictsAForbidIsAClearError() {
        SearchSpace space = SearchSpace.defaults().withPins(List.of(new Pin(2, 3, "edge")))
                .withForbids(List.of(Forbid.onTier(3, 4, 1)));
        InvalidSearchException e = assertThrows(InvalidSearchException.class,
                () -> new ExactChainSearch(SmallChains.request(Objective.COST).withSpace(space)));
        assertEquals("space.pins[0]", e.problems().get(0).path());
        assertTrue(e.getMessage().contains("contradicts the forbid"), e.getMessage());
    }

    @Test
    void anEmptyThresholdGridIsRejected() {
        SearchSpace space = SearchSpace.defaults().withThresholds(List.of());
        InvalidSearchException e = assertThrows(InvalidSearchException.class,
                () -> new ExactChainSearch(SmallChains.request(Objective.COST).withSpace(space)));
        assertTrue(e.getMessage().contains("threshold grid is empty"), e.getMessage());
    }

    @Test
    void pinsAndForbidsShapeEveryReturnedPlan() {
        SearchSpace space = SearchSpace.defaults().withThresholds(List.of(0.5)).withPlacement(Placement.ANY)
                .withPins(List.of(new Pin(1, 1, "dev"))).withForbids(List.of(Forbid.onNode(3, 4, "cloud")));
        for (RankedPlan p : top(SmallChains.request(Objective.MEAN_LATENCY).withSpace(space), 10)) {
            for (Stage s : p.plan().stages()) {
                if (s.firstUnit() == 1) {
                    assertEquals("dev", s.node());
                }
                if (s.lastUnit() >= 3) {
                    assertFalse(s.node().equals("cloud"), p.plan().toString());
                }
            }
        }
    }

    @Test
    void cancellingStopsTheSearch() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        ExactChainSearch search = new ExactChainSearch(SmallChains.request(Objective.MEAN_LATENCY));
        assertThrows(CancellationException.class, () -> search.top(1, Progress.NONE, token));

        CancellationToken midway = new CancellationToken();
        AtomicLong updates = new AtomicLong();
        Progress cancelOnFirstUpdate = (done, total) -> {
            updates.incrementAndGet();
            midway.cancel();
        };
        assertThrows(CancellationException.class, () -> search.top(1, cancelOnFirstUpdate, midway));
        assertEquals(1, updates.get(), "no progress after the cancellation");
    }

    @Test
    void progressEndsAtTheTotal() {
        AtomicLong last = new AtomicLong();
        AtomicLong total = new AtomicLong();
        new ExactChainSearch(SmallChains.request(Objective.COST)).top(1, (d, t) -> {
            assertTrue(d <= t);
            last.set(d);
            total.set(t);
        }, CancellationToken.none());
        assertTrue(total.get() > 0);
        assertEquals(total.get(), last.get());
    }

    @Test
    void p95LatencyFallsBackToExhaustiveSearchAndSaysSo() {
        SearchRequest r = SmallChains.request(Objective.P95_LATENCY);
        RankedPlan best = top(r, 1).get(0);
        assertEquals(ExhaustiveSearch.METHOD, best.provenance().method());
        assertTrue(best.provenance().notes().get(0).contains("no exact dynamic program for p95 latency"));
        RankedPlan reference = new ExhaustiveSearch(r).top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertEquals(reference.objectiveValue(), best.objectiveValue());
    }
}
