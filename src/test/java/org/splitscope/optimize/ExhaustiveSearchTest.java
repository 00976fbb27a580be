package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.splitscope.perf.Metrics;

class ExhaustiveSearchTest {
    @Test
    void scoresEveryPlanOfTheSpace() {
        // 4 units, 3 nodes, distinct placement, up to 3 stages: 3 + 3 binom(3,1) 3 2 + binom(3,2) 3 2 1 = 3 + 18 + 18
        // = 39 placements of the whole model; partial models at e1 (1 unit: 3) and at e2 (2 units: 3 + 6 = 9).
        // Exit configurations with one threshold: whole model 2 x 2 (each exit off or on), at e2: e1 off or on.
        SearchRequest r = SmallChains.request(Objective.COST).withSpace(SearchSpace.defaults().withThresholds(List.of(0.5)));
        RankedPlan best = new ExhaustiveSearch(r).top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertEquals(4 * 39 + 3 + 2 * 9, best.provenance().plansEvaluated());
        assertTrue(best.provenance().exact());
    }

    @Test
    void ranksByObjectiveThenMeanLatencyCostAccuracyAndStages() {
        SearchRequest r = SmallChains.request(Objective.COST);
        List<RankedPlan> plans = new ExhaustiveSearch(r).top(20, Progress.NONE, CancellationToken.none());
        for (int i = 1; i < plans.size(); i++) {
            Metrics a = plans.get(i - 1).metrics();
            Metrics b = plans.get(i).metrics();
            assertTrue(Ranking.compare(Ranking.key(Objective.COST, a, plans.get(i - 1).plan().stages().size()),
                    Ranking.key(Objective.COST, b, plans.get(i).plan().stages().size())) <= 0);
        }
        // the device is free and nothing leaves it: every cheapest plan costs nothing, so latency decides among them
        assertEquals(0, plans.get(0).objectiveValue());
        assertTrue(plans.get(0).metrics().meanLatency() <= plans.get(1).metrics().meanLatency());
    }

    @Test
    void cancellingStopsTheSearch() {
        CancellationToken token = new CancellationToken();
        ExhaustiveSearch search = new ExhaustiveSearch(SmallChains.request(Objective.MEAN_LATENCY));
        assertThrows(CancellationException.class, () -> search.top(1, (done, total) -> token.cancel(), token));
    }
}
