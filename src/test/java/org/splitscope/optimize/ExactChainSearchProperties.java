package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.perf.Tolerance;

/** The exact chain search against exhaustive search on random small instances. */
class ExactChainSearchProperties {
    private static final List<Objective> SUMS = List.of(Objective.MEAN_LATENCY, Objective.COST, Objective.ACCURACY);

    @Property(tries = 300)
    void findsTheSameTopPlansAsExhaustiveSearch(@ForAll long seed) {
        SearchRequest request = RandomRequests.request(seed, SUMS);
        Assume.that(request != null);
        List<RankedPlan> expected = SearchResults.exhaustive(request, 3);
        List<RankedPlan> actual = SearchResults.exact(request, 3);
        Statistics.label("feasible").collect(expected != null);
        Statistics.label("objective").collect(request.objective());
        if (expected == null) {
            assertEquals(null, actual, "exhaustive search found no plan, the exact search did");
            return;
        }
        assertTrue(actual != null, "the exact search found no plan, exhaustive search found " + expected.get(0).plan());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            double want = expected.get(i).objectiveValue();
            double got = actual.get(i).objectiveValue();
            assertTrue(Tolerance.equal(want, got) || want == got, "rank " + (i + 1) + ": exhaustive " + want + " "
                    + expected.get(i).plan() + ", exact " + got + " " + actual.get(i).plan());
        }
        for (RankedPlan p : actual) {
            assertTrue(request.constraints().metBy(p.metrics()), "returned plan violates " + request.constraints().unmet(p.metrics()));
            assertTrue(p.provenance().exact(), String.join("; ", p.provenance().notes()));
        }
    }
}
