package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import org.splitscope.model.CurveCombination;

/**
 * A floor sweep that shares the exit program's floor-free work between floors answers every
 * floor exactly as a search built for that floor alone: the same plan with the same figures, or
 * the same proof that no plan meets it, whatever order the floors come in, when they are asked
 * side by side, and when a request in between changes more than its floor.
 */
class FloorSweepSearchProperties {
    @Property(tries = 1000, maxDiscardRatio = 20)
    void everyFloorIsAnsweredAsOnItsOwn(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY, Objective.COST));
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0x5eeb);
        CurveCombination mode = r.nextInt(4) == 0 ? CurveCombination.INDEPENDENT : CurveCombination.NESTED;
        SearchRequest base = ExitDpProperties.withCurves(drawn, r, mode, r.nextInt(3) > 0);
        List<SearchRequest> asked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double floor = r.nextInt(5) == 0 && !asked.isEmpty() ? asked.get(r.nextInt(asked.size())).constraints().accuracyFloor()
                    : 0.3 + 0.65 * r.nextDouble();
            SearchRequest at = base.withConstraints(base.constraints().withAccuracyFloor(floor));
            if (r.nextInt(6) == 0) {
                // more than the floor changes: the sweep must not reuse what it did for the others
                at = at.withObjective(at.objective() == Objective.COST ? Objective.MEAN_LATENCY : Objective.COST);
            }
            asked.add(at);
        }
        Assume.that(ExactChainSearch.exitProgramAnswers(asked.get(0)));
        FloorSweepSearch sweep = new FloorSweepSearch();
        List<List<RankedPlan>> swept = new ArrayList<>(java.util.Collections.nCopies(asked.size(), null));
        boolean together = r.nextBoolean(); // as a sweep asks them: side by side
        java.util.stream.IntStream indices = java.util.stream.IntStream.range(0, asked.size());
        (together ? indices.parallel() : indices).forEach(i -> {
            try {
                swept.set(i, sweep.top(asked.get(i), Progress.NONE, CancellationToken.none()));
            } catch (InfeasibleConstraintsException e) {
                swept.set(i, null); // no plan meets that floor
            }
        });
        int found = 0;
        for (int i = 0; i < asked.size(); i++) {
            SearchRequest at = asked.get(i);
            List<RankedPlan> alone = SearchResults.exact(at, 1);
            List<RankedPlan> got = swept.get(i);
            assertEquals(alone == null, got == null, "floor " + at.constraints().accuracyFloor());
            if (alone != null) {
                found++;
                assertEquals(alone.get(0).plan(), got.get(0).plan(), "floor " + at.constraints().accuracyFloor());
                assertEquals(alone.get(0).metrics(), got.get(0).metrics());
                assertEquals(alone.get(0).provenance().exact(), got.get(0).provenance().exact());
                Statistics.label("how").collect(alone.get(0).provenance().notes().stream()
                        .anyMatch(n -> n.contains("guessed upper bounds")) ? "gap closed" : "other");
            }
        }
        Statistics.label("floors with a plan").collect(found);
    }
}
