package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;

/** The mean latency under load as an objective: saturated plans are out, and searches that cannot rank by it say so. */
class LoadedLatencyObjectiveTest {
    private static SearchRequest loaded(double rate, Constraints constraints) {
        SearchRequest r = SmallChains.request(Objective.LOADED_LATENCY);
        return new SearchRequest(r.evaluator(), new Workload(rate, null, null, null), Objective.LOADED_LATENCY, constraints,
                r.space());
    }

    @Test
    void aSaturatedPlanIsInfeasibleEvenWhenSaturationWasAllowed() {
        SearchRequest r = loaded(0.5, Constraints.NONE);
        assertTrue(r.constraints().belowSaturation());
        for (RankedPlan p : new ExactChainSearch(r).top(5, Progress.NONE, CancellationToken.none())) {
            assertTrue(!p.metrics().saturated(), p.plan().toString());
            assertEquals(p.metrics().loadedLatency().mean(), p.objectiveValue());
        }
    }

    @Test
    void whenEveryPlanSaturatesTheRefusalNamesUtilizationNotAnEmptySpace() {
        // u1 alone keeps even the cloud busy 10 ms per request: 1,000 requests/s saturate every plan
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class,
                () -> new ExactChainSearch(loaded(1000, Constraints.NONE)).top(1, Progress.NONE, CancellationToken.none()));
        assertTrue(e.unmet().stream().anyMatch(u -> u.constraint() == Constraint.UTILIZATION), e.getMessage() + e.unmet());
    }

    @Test
    void underLoadTheWinnerMovesToTheNodeThatQueuesLess() {
        // one 50 MFLOP unit: 50 ms on the device, 40 ms on the server 20 ms away, so the device wins without load;
        // at 18 requests/s the device is 90 % busy (225 ms of waiting), the server 72 % (51 ms)
        ModelProfile profile = new ModelProfile("one", null, 1000, 10.0, List.of(new Unit("u1", "conv", 5e7, 1e3, 10)),
                List.of(), null, null, null, null, null);
        Topology topology = new Topology(List.of(new Node("dev", 0, "arm", 1e9), new Node("srv", 1, "x86", 1.25e9)),
                List.of(new Link("dev", "srv", 8e9, 0.01)), "dev", null, null);
        SearchRequest r = new SearchRequest(new Evaluator(profile, topology), new Workload(18.0, null, null, null),
                Objective.LOADED_LATENCY, Constraints.FEASIBLE, SearchSpace.defaults());
        RankedPlan underLoad = new ExactChainSearch(r).top(1, Progress.NONE, CancellationToken.none()).get(0);
        RankedPlan without = new ExactChainSearch(r.withObjective(Objective.MEAN_LATENCY))
                .top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertEquals("dev", without.plan().stages().get(0).node());
        assertEquals("srv", underLoad.plan().stages().get(0).node());
        assertTrue(underLoad.metrics().loadedLatency().mean() < without.metrics().loadedLatency().mean());
        assertTrue(underLoad.provenance().exact());
    }

    @Test
    void pipelinePlacementAndTheParetoFrontRefuseItNamingTheMethod() {
        SearchRequest r = loaded(0.5, Constraints.FEASIBLE).withSpace(SearchSpace.defaults().withPlacement(Placement.DISTINCT));
        InvalidSearchException pipeline = assertThrows(InvalidSearchException.class,
                () -> new PipelinePlacement(r, PipelineObjective.BOTTLENECK));
        assertTrue(pipeline.problems().stream().anyMatch(p -> p.path().equals("objective")
                && p.message().contains("pipeline placement")), pipeline.problems()::toString);
        InvalidSearchException front = assertThrows(InvalidSearchException.class, () -> new ParetoFront(r));
        assertTrue(front.problems().stream().anyMatch(p -> p.path().equals("objective")
                && p.message().contains("Pareto front")), front.problems()::toString);
        assertEquals(List.of(), new ParetoFront(r.withObjective(Objective.MEAN_LATENCY)).points(Progress.NONE,
                CancellationToken.none()).stream().filter(p -> p.metrics().saturated()).toList());
    }
}
