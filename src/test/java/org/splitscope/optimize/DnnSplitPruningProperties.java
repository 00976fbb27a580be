package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Tolerance;

/**
 * DNNSplit's candidate cuts keep the optimum wherever {@link DnnSplitRule} says they do: on
 * random instances that meet its conditions, the pruned search, the full search and exhaustive
 * search find the same best value.
 */
class DnnSplitPruningProperties {

    @Property(tries = 200)
    void prunedSearchFindsTheSameOptimumAsTheFullOne(@ForAll long seed) {
        Random r = new Random(seed);
        ModelProfile profile = RandomChains.profile(r, r.nextBoolean() ? 0 : 2, false);
        Topology topology = tiers(r);
        Objective objective = r.nextBoolean() ? Objective.MEAN_LATENCY : Objective.COST;
        SearchSpace space = SearchSpace.defaults().withPlacement(Placement.OUTWARD).withMaxStages(1 + r.nextInt(4))
                .withThresholds(List.of(0.5)).withPartialModels(r.nextBoolean());
        SearchRequest request = new SearchRequest(new Evaluator(profile, topology), Workload.NONE, objective,
                Constraints.FEASIBLE, space);
        assertNull(DnnSplitRule.whyNot(request, new ChainCosts(profile, topology)), "the generator meets the conditions");

        int candidates = new DnnSplitCandidates(profile).cuts().length;
        Statistics.label("cuts left out").collect(profile.unitCount() + 1 - candidates);
        RankedPlan pruned = new ExactChainSearch(request, true).top(1, Progress.NONE, CancellationToken.none()).get(0);
        RankedPlan full = new ExactChainSearch(request, false).top(1, Progress.NONE, CancellationToken.none()).get(0);
        RankedPlan exhaustive = new ExhaustiveSearch(request).top(1, Progress.NONE, CancellationToken.none()).get(0);
        if (ExactChainSearch.exitProgramAnswers(request)) {
            // curve statistics: the exit program searches every cut, nothing is pruned
            assertEquals(ExactChainSearch.EXIT_METHOD, pruned.provenance().method());
        } else {
            assertTrue(pruned.provenance().notes().get(0).startsWith("DNNSplit pruning: "), pruned.provenance().notes().get(0));
        }
        assertTrue(Tolerance.equal(full.objectiveValue(), pruned.objectiveValue()),
                "pruned " + pruned.objectiveValue() + " " + pruned.plan() + ", full " + full.objectiveValue() + " " + full.plan());
        assertTrue(Tolerance.equal(exhaustive.objectiveValue(), full.objectiveValue()));
        assertEquals(0, Ranking.compare(Ranking.key(objective, full.metrics(), full.plan().stages().size()),
                Ranking.key(objective, pruned.metrics(), pruned.plan().stages().size())), "the whole rank key agrees");
    }

    /**
     * 2 to 4 nodes on increasing tiers, each faster and (per FLOP) cheaper than the one below;
     * routes unique (a path of links) or egress free.
     */
    private static Topology tiers(Random r) {
        int v = 2 + r.nextInt(3);
        boolean priced = r.nextBoolean();
        List<Node> nodes = new ArrayList<>();
        double rate = RandomChains.logUniform(r, 1e8, 1e10);
        // small enough that the fastest node (up to 1.25e15 FLOP/s) stays within the 1e6 USD per hour a price may be
        double usdPerFlop = 1e-17 * RandomChains.logUniform(r, 1, 100);
        for (int i = 0; i < v; i++) {
            double usdPerHour = usdPerFlop * rate * 3600;
            nodes.add(new Node("n" + i, null, i, RandomChains.CLASSES[i % 3], rate, null, null,
                    priced ? new DedicatedPricing(usdPerHour) : null, null));
            rate *= RandomChains.logUniform(r, 1, 50);
            usdPerFlop /= RandomChains.logUniform(r, 1, 5);
        }
        boolean egress = r.nextBoolean();
        List<Link> links = new ArrayList<>();
        for (int i = 1; i < v; i++) {
            links.add(new Link(null, "n" + (i - 1), "n" + i, RandomChains.logUniform(r, 1e6, 1e9), 0.05 * r.nextDouble(),
                    egress ? 0.1 * r.nextDouble() : 0.0, null));
        }
        if (!egress && v > 2) {
            links.add(new Link(null, "n0", "n" + (v - 1), RandomChains.logUniform(r, 1e6, 1e9), 0.05 * r.nextDouble(), 0.0, null));
        }
        return new Topology(nodes, links, "n0", null, null);
    }
}
