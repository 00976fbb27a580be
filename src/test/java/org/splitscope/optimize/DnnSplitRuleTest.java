package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;

/** Where DNNSplit's conditions fail, the optimum may cut elsewhere, so the search must not prune. */
class DnnSplitRuleTest {
    /** u2 is slow on the cloud's hardware (measured 5 s), so the best plan cuts after u2, which is no candidate. */
    private static SearchRequest cloudSlowForOneUnit() {
        ModelProfile profile = new ModelProfile("m", null, 1000, 100.0,
                List.of(new Unit("u1", "conv", 1e8, 0, 500),
                        new Unit("u2", "conv", 1e8, 0, 800, Map.of("gpu", 5.0), null),
                        new Unit("u3", "fc", 1e10, 0, 10)),
                null, null, null, null, null, null);
        Topology topology = new Topology(List.of(new Node("dev", 0, "arm", 1e9), new Node("cloud", 1, "gpu", 1e11)),
                List.of(new Link("dev", "cloud", 8e6, 0.01)), "dev", null, null);
        return new SearchRequest(new Evaluator(profile, topology), Workload.NONE, Objective.MEAN_LATENCY,
                Constraints.FEASIBLE, SearchSpace.defaults().withPlacement(Placement.OUTWARD));
    }

    @Test
    void theSearchDoesNotPruneWhereAHigherTierIsSlowerForSomeUnit() {
        SearchRequest r = cloudSlowForOneUnit();
        assertFalse(new DnnSplitCandidates(r.evaluator().profile()).isCandidate(2));
        RankedPlan best = new ExactChainSearch(r).top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertEquals(List.of(2), best.plan().cuts(), "the optimum cuts after u2");
        assertTrue(best.provenance().notes().get(0).contains("not applied: node 'cloud' is not faster and cheaper"),
                best.provenance().notes().get(0));
        RankedPlan reference = new ExhaustiveSearch(r).top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertEquals(reference.objectiveValue(), best.objectiveValue(), 1e-12);
    }

    @Test
    void eachConditionIsChecked() {
        SearchRequest r = cloudSlowForOneUnit();
        ChainCosts costs = new ChainCosts(r.evaluator().profile(), r.evaluator().topology());
        assertTrue(DnnSplitRule.whyNot(r.withObjective(Objective.ACCURACY), costs).contains("objective"));
        assertTrue(DnnSplitRule.whyNot(r.withSpace(SearchSpace.defaults()), costs).contains("outward"));
        assertTrue(DnnSplitRule.whyNot(r.withSpace(r.space().withPins(List.of(new Pin(1, 1, "dev")))), costs)
                .contains("pins"));
        SearchRequest loaded = new SearchRequest(r.evaluator(), new Workload(1.0, null, null, null), r.objective(),
                r.constraints(), r.space());
        assertTrue(DnnSplitRule.whyNot(loaded, costs).contains("queueing"));
    }
}
