package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.bench.PortendExits;
import org.splitscope.bench.PortendSamples;
import org.splitscope.model.ModelProfile;
import org.splitscope.perf.Tolerance;

/** The exit branch and bound on PORTEND-shaped profiles with per-sample statistics. */
class SampleExitSearchTest {
    private static final ModelProfile RESNET20 = PortendSamples.of(PortendExits.resnet20(), 2000);

    /** ResNet-20's shape (measured ranges that do not grow monotonically, three tiers) against the enumeration. */
    @Test
    void equalsTheEnumerationOnResNet20() {
        for (Integer most : new Integer[] {1, 2}) {
            for (Double floor : new Double[] {null, 0.6, 0.7, 0.8}) {
                for (Objective o : List.of(Objective.MEAN_LATENCY, Objective.COST)) {
                    SearchRequest r = PortendSamples.request(RESNET20, floor, most).withObjective(o);
                    List<RankedPlan> want = enumeration(r);
                    SampleExitSearch search = new SampleExitSearch(r, 2, Progress.NONE, CancellationToken.none(), true,
                            Long.MAX_VALUE);
                    List<RankedPlan> got = search.search();
                    String what = o + " at floor " + floor + ", at most " + most + " exits";
                    assertEquals(want.size(), got.size(), what);
                    for (int i = 0; i < want.size(); i++) {
                        assertTrue(Tolerance.equal(want.get(i).objectiveValue(), got.get(i).objectiveValue()),
                                what + ": enumeration " + want.get(i).plan() + ", branch and bound " + got.get(i).plan());
                    }
                    assertTrue(got.isEmpty() || got.get(0).provenance().exact(), what);
                    if (o == Objective.MEAN_LATENCY) {
                        assertTrue(search.programBound(), "ranges are made nondecreasing for the bound: " + what);
                    }
                }
            }
        }
    }

    private static List<RankedPlan> enumeration(SearchRequest r) {
        return new ConfigurationEnumeration(r, 2, Progress.NONE, CancellationToken.none(), true).search();
    }

    /**
     * Issue 14: 54 heads, ten thresholds and 10,000 samples were refused (3.4e8 configurations at
     * most three exits). Without a floor the search proves its optimum; at a floor a small budget
     * ends it with a plan that meets the floor and the gap it proved, never with a refusal.
     */
    @Test
    void portendsWholeSpaceWithThreeExitsIsSearchedNotRefused() {
        ModelProfile resnet110 = PortendSamples.resnet110(10_000);
        SearchRequest free = PortendSamples.request(resnet110, null, 3);
        assertTrue(SampleExitSearch.answers(free));
        List<RankedPlan> plans = new ExactChainSearch(free).top(1, Progress.NONE, CancellationToken.none());
        assertEquals(1, plans.size());
        assertTrue(plans.get(0).provenance().exact(), String.join("; ", plans.get(0).provenance().notes()));

        SearchRequest floor = PortendSamples.request(resnet110, 0.7, 3);
        SampleExitSearch search = new SampleExitSearch(floor, 1, Progress.NONE, CancellationToken.none(), true, 2_000);
        RankedPlan best = search.search().get(0);
        assertTrue(floor.constraints().metBy(best.metrics()));
        double incumbent = best.objectiveValue();
        assertTrue(best.provenance().exact() || best.provenance().notes().stream().anyMatch(n -> n.contains("of the optimum")),
                String.join("; ", best.provenance().notes()));
        assertTrue(search.lowerBound <= incumbent, search.lowerBound + " > " + incumbent);
    }

    /**
     * A cancelled search gives back the best plan it has, with its proven gap, instead of nothing.
     * A case that takes thousands of bounds, so that the first progress report comes before the end.
     */
    @Test
    void aCancelledSearchReturnsItsBestPlanWithTheGap() {
        SearchRequest r = PortendSamples.request(RESNET20, 0.85, 3);
        CancellationToken token = CancellationToken.none();
        Progress cancelAtFirstReport = (done, total) -> token.cancel();
        SearchStopped stop = assertThrows(SearchStopped.class,
                () -> new SampleExitSearch(r, 1, cancelAtFirstReport, token, true, Long.MAX_VALUE).search());
        List<RankedPlan> plans = stop.best();
        assertEquals(1, plans.size());
        assertFalse(plans.get(0).provenance().exact());
        assertTrue(plans.get(0).provenance().notes().stream().anyMatch(n -> n.contains("cancelled") && n.contains("of the optimum")),
                String.join("; ", plans.get(0).provenance().notes()));
        assertTrue(stop.lowerBound() <= stop.incumbent(), stop.lowerBound() + " > " + stop.incumbent());
        assertNotNull(stop.gap(), "a cancelled branch and bound knows its gap");
    }
}
