package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Routing;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Tolerance;

/** Pipeline placement against brute force (the evaluator over every plan) on random small clusters. */
class PipelinePlacementProperties {
    private static final int CASES = 200;

    /** The best value over every feasible plan, by ExhaustiveSearch; NaN when none is feasible. */
    private static double bruteForce(SearchRequest r, PipelineObjective objective) {
        List<RankedPlan> all;
        try {
            all = new ExhaustiveSearch(r).top(100_000, Progress.NONE, CancellationToken.none());
        } catch (InfeasibleConstraintsException e) {
            return Double.NaN;
        }
        return all.stream().mapToDouble(p -> objective.value(p.metrics())).min().orElseThrow();
    }

    private static Optional<RankedPlan> search(SearchRequest r, PipelineObjective objective, long budget) {
        try {
            return Optional.of(new PipelinePlacement(r, objective, budget).top(1, Progress.NONE, CancellationToken.none()).get(0));
        } catch (InfeasibleConstraintsException e) {
            return Optional.empty();
        }
    }

    /** The same request with transfers on direct links only ({@code routing: direct}). */
    private static SearchRequest direct(SearchRequest r) {
        return new SearchRequest(new Evaluator(r.evaluator().profile(), r.evaluator().topology().withRouting(Routing.DIRECT)),
                r.workload(), r.objective(), r.constraints(), r.space());
    }

    private static void check(PipelineObjective objective) {
        check(objective, false);
    }

    private static void check(PipelineObjective objective, boolean directRouting) {
        int feasible = 0;
        for (int seed = 0; seed < CASES; seed++) {
            Random random = new Random(seed);
            SearchRequest r = RandomClusters.request(random);
            if (directRouting) {
                r = direct(r);
            }
            double expected = bruteForce(r, objective);
            PipelinePlacement placement = new PipelinePlacement(r, objective, Long.MAX_VALUE);
            Optional<RankedPlan> found;
            try {
                found = Optional.of(placement.top(1, Progress.NONE, CancellationToken.none()).get(0));
            } catch (InfeasibleConstraintsException e) {
                found = Optional.empty();
            }
            assertEquals(Double.isNaN(expected), found.isEmpty(), "seed " + seed + ": feasibility differs");
            if (found.isEmpty()) {
                continue;
            }
            feasible++;
            RankedPlan best = found.get();
            assertTrue(Tolerance.equal(expected, best.objectiveValue()),
                    "seed " + seed + ": brute force " + expected + ", pipeline " + best.objectiveValue());
            assertTrue(best.provenance().exact(), "seed " + seed);
            assertTrue(best.plan().exits().isEmpty());
            assertFalse(best.provenance().notes().stream().anyMatch(n -> n.contains("estimated")),
                    "seed " + seed + ": the search's own sum differs from the evaluator: " + best.provenance().notes());
            assertFalse(Tolerance.less(best.objectiveValue(), placement.lowerBound()),
                    "seed " + seed + ": bound " + placement.lowerBound() + " above the optimum " + best.objectiveValue());
        }
        assertTrue(feasible > CASES / (directRouting ? 4 : 2), "too few feasible cases to mean anything: " + feasible);
    }

    @Test
    void bottleneckEqualsBruteForce() {
        check(PipelineObjective.BOTTLENECK);
    }

    @Test
    void communicationEqualsBruteForce() {
        check(PipelineObjective.COMMUNICATION);
    }

    @Test
    void directRoutingEqualsBruteForce() {
        check(PipelineObjective.BOTTLENECK, true);
        check(PipelineObjective.COMMUNICATION, true);
    }

    @Test
    void branchAndBoundAloneWithoutBaselinesEqualsBruteForce() {
        for (PipelineObjective objective : PipelineObjective.values()) {
            for (int seed = 0; seed < CASES; seed++) {
                SearchRequest r = RandomClusters.request(new Random(seed));
                double expected = bruteForce(r, objective);
                PipelineCosts costs = new PipelineCosts(r);
                int stages = PipelineRequests.stages(r, costs);
                PipelineLoads loads = new PipelineLoads(costs, objective, r);
                PipelineBound bound = new PipelineBound(costs, objective, loads, stages, CancellationToken.none());
                PipelineBranchAndBound search = new PipelineBranchAndBound(costs, objective, loads, bound, stages,
                        Long.MAX_VALUE, 1, Progress.NONE, CancellationToken.none());
                assertTrue(search.run());
                if (Double.isNaN(expected)) {
                    assertTrue(search.best().isEmpty(), "seed " + seed);
                } else {
                    assertTrue(Tolerance.equal(expected, search.best().get(0).value()), "seed " + seed + " " + objective
                            + ": brute force " + expected + ", branch and bound " + search.best());
                }
            }
        }
    }

    @Test
    void neverWorseThanAnyBaselineEvenWhenStoppedEarly() {
        for (int seed = 0; seed < CASES; seed++) {
            SearchRequest r = RandomClusters.request(new Random(seed));
            for (PipelineObjective objective : PipelineObjective.values()) {
                for (long budget : new long[] {1, Long.MAX_VALUE}) {
                    Optional<RankedPlan> found = search(r, objective, budget);
                    // stopped early, the search is only bound to beat the baselines it is seeded with (random seed 1)
                    List<Optional<RankedPlan>> baselines = List.of(new RandomPipeline(r, objective, 1).plan(),
                            budget == 1 ? Optional.empty() : new RandomPipeline(r, objective, 7).plan(),
                            new GreedyPipeline(r, objective).plan(), new PartitionThenPlace(r, objective).plan());
                    for (Optional<RankedPlan> b : baselines) {
                        if (b.isPresent()) {
                            assertTrue(found.isPresent(), "seed " + seed + ": a baseline found a plan, the search none");
                            assertFalse(Tolerance.less(b.get().objectiveValue(), found.get().objectiveValue()),
                                    "seed " + seed + " " + b.get().provenance().method() + " beats the search");
                        }
                    }
                }
            }
        }
    }

    @Test
    void stoppedSearchReportsBoundAndGap() {
        int stopped = 0;
        for (int seed = 0; seed < CASES; seed++) {
            SearchRequest r = RandomClusters.request(new Random(seed));
            PipelinePlacement placement = new PipelinePlacement(r, PipelineObjective.BOTTLENECK, 1);
            Optional<RankedPlan> found;
            try {
                found = Optional.of(placement.top(1, Progress.NONE, CancellationToken.none()).get(0));
            } catch (InfeasibleConstraintsException e) {
                continue;
            }
            if (!found.get().provenance().exact()) {
                stopped++;
                assertTrue(found.get().provenance().notes().stream().anyMatch(n -> n.contains("lower bound") && n.contains("gap")));
                double optimum = bruteForce(r, PipelineObjective.BOTTLENECK);
                assertFalse(Tolerance.less(optimum, placement.lowerBound()), "seed " + seed);
            }
        }
        assertTrue(stopped > 10, "the budget of one expansion should stop many searches, stopped " + stopped);
    }
}
