package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.splitscope.perf.Tolerance;

/** The chain search's throughput objective, answered by pipeline placement where it applies, equals exhaustive search. */
class ChainThroughputTest {
    @Test
    void throughputOnDistinctNodesEqualsExhaustiveSearch() {
        int compared = 0;
        for (int seed = 0; seed < 150; seed++) {
            SearchRequest r = RandomClusters.request(new Random(seed));
            Double expected = best(() -> new ExhaustiveSearch(r).top(1, Progress.NONE, CancellationToken.none()).get(0));
            RankedPlan[] found = new RankedPlan[1];
            Double value = best(() -> found[0] = new ExactChainSearch(r).top(1, Progress.NONE, CancellationToken.none()).get(0));
            assertEquals(expected == null, value == null, "seed " + seed + ": feasibility differs");
            if (value == null) {
                continue;
            }
            compared++;
            assertTrue(Tolerance.equal(expected, value), "seed " + seed + ": exhaustive " + expected + ", chain " + value);
            assertEquals(Objective.THROUGHPUT.value(found[0].metrics()), value, 0, "the value is the evaluator's throughput");
            assertEquals(PipelinePlacement.METHOD, found[0].provenance().method(), "seed " + seed);
        }
        assertTrue(compared > 75, "too few feasible cases: " + compared);
    }

    private static Double best(java.util.function.Supplier<RankedPlan> search) {
        try {
            return search.get().objectiveValue();
        } catch (InfeasibleConstraintsException e) {
            return null;
        }
    }
}
