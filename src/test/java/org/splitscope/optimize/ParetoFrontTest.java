package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.splitscope.perf.Tolerance;

class ParetoFrontTest {
    @Test
    void theFrontHoldsTheOptimumOfEachOfItsThreeFigures() {
        SearchRequest r = SmallChains.request(Objective.MEAN_LATENCY);
        List<ParetoPoint> front = new ParetoFront(r).points(Progress.NONE, CancellationToken.none());
        for (Objective o : List.of(Objective.MEAN_LATENCY, Objective.COST, Objective.ACCURACY)) {
            double best = new ExactChainSearch(r.withObjective(o)).top(1, Progress.NONE, CancellationToken.none()).get(0)
                    .objectiveValue();
            assertTrue(front.stream().anyMatch(p -> Tolerance.equal(o.value(p.metrics()), best)), o + " " + best);
        }
        for (int i = 1; i < front.size(); i++) {
            assertTrue(front.get(i - 1).metrics().meanLatency() <= front.get(i).metrics().meanLatency());
        }
    }

    @Test
    void cancellingStopsIt() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThrows(CancellationException.class,
                () -> new ParetoFront(SmallChains.request(Objective.COST)).points(Progress.NONE, token));
    }
}
