package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Tolerance;
import org.splitscope.zoo.SampleScenarios;

class PipelinePlacementTest {
    /**
     * Camera A (1 GFLOP/s, source and sink) and board B (4 GFLOP/s, 500 kB: one unit only), one
     * 8 Mb/s link. u1 2 GFLOP, u2 1 GFLOP, 400 kB of weights each; input 1 kB, cut 10 kB, result 100 B.
     */
    private static SearchRequest twoBoards(int maxStages, Workload workload) {
        ModelProfile profile = new ModelProfile("two", null, 1000, 100.0,
                List.of(new Unit("u1", "conv", 2e9, 4e5, 1e4), new Unit("u2", "conv", 1e9, 4e5, 100)), null, null, null,
                null, null, null);
        Topology topology = new Topology(List.of(new Node("A", 0, "arm", 1e9),
                new Node("B", null, 0, "arm", 4e9, 5e5, null, null, null)), List.of(new Link("A", "B", 8e6, 0.001)), "A",
                null, null);
        return new SearchRequest(new Evaluator(profile, topology), workload, Objective.THROUGHPUT, Constraints.FEASIBLE,
                SearchSpace.defaults().withMaxStages(maxStages));
    }

    private static RankedPlan best(SearchRequest r, PipelineObjective objective) {
        return new PipelinePlacement(r, objective).top(1, Progress.NONE, CancellationToken.none()).get(0);
    }

    @Test
    void handComputedBottleneck() {
        // A:u1-u2 takes 3 s on A; A:u1, B:u2 keeps A busy 2 s; B cannot hold both units. B:u1, A:u2: B 0.5 s,
        // A 1 s, the link 8 kb + 80 kb at 8 Mb/s = 11 ms: the bottleneck is A at 1 s.
        RankedPlan p = best(twoBoards(2, Workload.NONE), PipelineObjective.BOTTLENECK);
        assertEquals(List.of(new Stage(1, 1, "B"), new Stage(2, 2, "A")), p.plan().stages());
        assertTrue(Tolerance.equal(1.0, p.objectiveValue()));
        assertTrue(Tolerance.equal(1.0, p.metrics().throughputPerSecond()));
        assertTrue(p.provenance().exact());
        // one stage: the whole model on A
        assertTrue(Tolerance.equal(3.0, best(twoBoards(1, Workload.NONE), PipelineObjective.BOTTLENECK).objectiveValue()));
    }

    @Test
    void communicationObjectiveKeepsEverythingOnTheSourceWhenItFits() {
        RankedPlan p = best(twoBoards(2, Workload.NONE), PipelineObjective.COMMUNICATION);
        assertEquals(List.of(new Stage(1, 2, "A")), p.plan().stages());
        assertEquals(0, p.objectiveValue());
    }

    @Test
    void saturationAtTheArrivalRateIsExplained() {
        // the best bottleneck is 1 s, so 1.5 requests/s saturates every plan
        var e = assertThrows(InfeasibleConstraintsException.class,
                () -> best(twoBoards(2, Workload.NONE.withArrivalRate(1.5)), PipelineObjective.BOTTLENECK));
        assertTrue(e.getMessage().contains("saturates"), e.getMessage());
        assertTrue(Tolerance.equal(1.0, best(twoBoards(2, Workload.NONE.withArrivalRate(0.9)),
                PipelineObjective.BOTTLENECK).objectiveValue()));
    }

    @Test
    void returnsTheBestPlansInOrderAgainstBruteForce() {
        int ties = 0;
        for (int seed = 0; seed < 40; seed++) {
            SearchRequest r = RandomClusters.request(new java.util.Random(seed));
            List<RankedPlan> all;
            try {
                all = new ExhaustiveSearch(r).top(100_000, Progress.NONE, CancellationToken.none());
            } catch (InfeasibleConstraintsException e) {
                continue;
            }
            double[] expected = all.stream().mapToDouble(x -> PipelineObjective.BOTTLENECK.value(x.metrics())).sorted().toArray();
            List<RankedPlan> top = new PipelinePlacement(r, PipelineObjective.BOTTLENECK).top(5, Progress.NONE,
                    CancellationToken.none());
            assertEquals(Math.min(5, expected.length), top.size(), "seed " + seed);
            for (int i = 0; i < top.size(); i++) {
                assertEquals(i + 1, top.get(i).rank());
                assertTrue(Tolerance.equal(expected[i], top.get(i).objectiveValue()),
                        "seed " + seed + " rank " + (i + 1) + ": " + expected[i] + " vs " + top.get(i).objectiveValue());
                if (i > 0 && top.get(i).objectiveValue() == top.get(i - 1).objectiveValue()) {
                    ties++;
                    assertTrue(top.get(i - 1).metrics().meanLatency() <= top.get(i).metrics().meanLatency(),
                            "seed " + seed + ": plans of one bottleneck go by mean latency, as the exact search ranks them");
                }
            }
        }
        assertTrue(ties > 0, "some random cluster must have plans of one bottleneck for the order among them to be checked");
    }

    @Test
    void seiferSampleGetsAPlanAtLeastAsGoodAsTheOneItShips() {
        Scenario s = SampleScenarios.seiferEdgeCluster();
        double shipped = PipelineObjective.BOTTLENECK.value(Evaluator.evaluate(s));
        SearchRequest r = SearchRequest.of(s, Objective.THROUGHPUT)
                .withSpace(SearchSpace.defaults().withMaxStages(s.plan().stages().size()));
        PipelinePlacement placement = new PipelinePlacement(r, PipelineObjective.BOTTLENECK);
        RankedPlan p = placement.top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertFalse(Tolerance.less(shipped, p.objectiveValue()), "shipped " + shipped + ", found " + p.objectiveValue());
        assertTrue(p.metrics().feasible() && !p.metrics().saturated());
        assertFalse(Tolerance.less(p.objectiveValue(), placement.lowerBound()));
    }

    @Test
    void profileExitsAreLeftOutWithANote() {
        SearchRequest r = SmallChains.request(Objective.THROUGHPUT).withConstraints(Constraints.FEASIBLE)
                .withSpace(SearchSpace.defaults().withMaxStages(2));
        RankedPlan p = best(r, PipelineObjective.BOTTLENECK);
        assertTrue(p.plan().exits().isEmpty());
        assertTrue(p.provenance().notes().stream().anyMatch(n -> n.contains("no early exits")), p.provenance().notes().toString());
    }

    @Test
    void badRequestsNameTheField() {
        SearchRequest r = twoBoards(2, Workload.NONE);
        var noStages = assertThrows(InvalidSearchException.class,
                () -> new PipelinePlacement(r.withSpace(r.space().withMaxStages(0)), PipelineObjective.BOTTLENECK));
        assertTrue(noStages.getMessage().contains("space.maxStages"), noStages.getMessage());
        var outward = assertThrows(InvalidSearchException.class,
                () -> new PipelinePlacement(r.withSpace(r.space().withPlacement(Placement.OUTWARD)), PipelineObjective.BOTTLENECK));
        assertTrue(outward.getMessage().contains("space.placement"), outward.getMessage());
        var slo = assertThrows(InvalidSearchException.class,
                () -> new GreedyPipeline(r.withConstraints(Constraints.FEASIBLE.withLatencySlo(1.0)), PipelineObjective.BOTTLENECK));
        assertTrue(slo.getMessage().contains("constraints.latencySloSeconds"), slo.getMessage());
        var none = assertThrows(InvalidSearchException.class, () -> new PipelinePlacement(r, null));
        assertTrue(none.getMessage().contains("objective"), none.getMessage());
    }

    private static SearchRequest capped(int units, int nodes, double memory, int maxStages) {
        List<Unit> list = new java.util.ArrayList<>();
        for (int u = 1; u <= units; u++) {
            list.add(new Unit("u" + u, "conv", 1e9, 4e5, 1e4));
        }
        List<Node> ns = new java.util.ArrayList<>();
        List<Link> links = new java.util.ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            ns.add(new Node("n" + n, null, 0, "arm", 1e9, memory, null, null, null));
            if (n > 0) {
                links.add(new Link("n0", "n" + n, 1e8, 0.001));
            }
        }
        ModelProfile profile = new ModelProfile("capped", null, 1000, 100.0, list, null, null, null, null, null, null);
        return new SearchRequest(new Evaluator(profile, new Topology(ns, links, "n0", null, null)), Workload.NONE,
                Objective.THROUGHPUT, Constraints.FEASIBLE, SearchSpace.defaults().withMaxStages(maxStages));
    }

    @Test
    void nothingFitsInMemory() {
        var e = assertThrows(InfeasibleConstraintsException.class,
                () -> best(capped(3, 3, 1e5, 3), PipelineObjective.BOTTLENECK));
        assertTrue(e.getMessage().contains("unit 1 ('u1') fits on no node"), e.getMessage());
    }

    @Test
    void fewerUsableNodesThanTheModelNeeds() {
        // each node holds one 400 kB unit: three units need three stages, two nodes exist
        var e = assertThrows(InfeasibleConstraintsException.class,
                () -> best(capped(3, 2, 5e5, 3), PipelineObjective.BOTTLENECK));
        assertTrue(e.getMessage().contains("at least 3 stages") && e.getMessage().contains("only 2 nodes"), e.getMessage());
        var k = assertThrows(InfeasibleConstraintsException.class,
                () -> best(capped(3, 4, 5e5, 2), PipelineObjective.COMMUNICATION));
        assertTrue(e.getMessage().contains("at least 3 stages") && k.getMessage().contains("space.maxStages allows 2"),
                k.getMessage());
    }

    @Test
    void aFourHundredNodeChainIsPlacedAndProven() {
        // issue 18: a 400-node chain topology did not evaluate or optimize in 30 s
        Topology chain = org.splitscope.bench.RouterBenchmark.topology("chain", 400, 1);
        ModelProfile p = new ModelProfile("m", null, 6e5, 4000.0, List.of(new Unit("u1", "conv", 1e8, 1e6, 2e6),
                new Unit("u2", "conv", 1e8, 1e6, 5e5), new Unit("u3", "fc", 1e8, 1e6, 10)), null, null, null, null, null, null);
        SearchRequest r = new SearchRequest(new Evaluator(p, chain), Workload.NONE, Objective.THROUGHPUT,
                Constraints.FEASIBLE, SearchSpace.defaults().withMaxStages(3));
        RankedPlan best = new PipelinePlacement(r, PipelineObjective.BOTTLENECK).top(1, Progress.NONE,
                CancellationToken.none()).get(0);
        assertTrue(best.provenance().exact(), best.provenance().notes()::toString);
        // boards are alike and every route from n0 starts n0-n1-n2, so a plan further down the chain
        // carries the same cuts over those links and more: the best plan uses n0, n1, n2 in order
        double expected = Double.POSITIVE_INFINITY;
        int[][] cuts = {{3}, {1, 3}, {2, 3}, {1, 2, 3}};
        for (int[] ends : cuts) {
            List<Stage> stages = new java.util.ArrayList<>();
            for (int k = 0; k < ends.length; k++) {
                stages.add(new Stage(k == 0 ? 1 : ends[k - 1] + 1, ends[k], "n" + k));
            }
            expected = Math.min(expected, PipelineObjective.BOTTLENECK.value(
                    r.evaluator().evaluate(new org.splitscope.model.Plan(stages), Workload.NONE)));
        }
        assertEquals(expected, best.objectiveValue(), 1e-12);
    }

    @Test
    void cancellingStopsTheSearch() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        PipelinePlacement p = new PipelinePlacement(twoBoards(2, Workload.NONE), PipelineObjective.BOTTLENECK);
        assertThrows(CancellationException.class, () -> p.top(1, Progress.NONE, token));
    }
}
