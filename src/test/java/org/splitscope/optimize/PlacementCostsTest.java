package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SampleStats;
import org.splitscope.perf.Tolerance;

/**
 * {@link PlacementCosts}: on random small instances, every plan's mean latency (or cost) is at
 * least the least over the placements of its samples' leaving costs, and the bound is often
 * tight (so it is not trivially low).
 */
class PlacementCostsTest {
    @Test
    void theLeastLeavingCostsBoundEveryPlan() {
        Random r = new Random(1414);
        int checked = 0;
        int tight = 0;
        for (int trial = 0; trial < 300; trial++) {
            SearchRequest request = SampleExitSearchProperties.request(r);
            Objective objective = r.nextBoolean() ? Objective.MEAN_LATENCY : Objective.COST;
            request = new SearchRequest(request.evaluator(), request.workload(), objective, Constraints.FEASIBLE, request.space());
            ModelProfile profile = request.evaluator().profile();
            var topology = request.evaluator().topology();
            StageRules rules = new StageRules(profile, topology, request.space().withPins(List.of()).withForbids(List.of()));
            PlacementCosts costs = PlacementCosts.of(new ChainCosts(profile, topology), rules, objective == Objective.COST ? 1 : 0);
            if (costs == null) {
                continue;
            }
            List<RankedPlan> plans;
            try {
                plans = new ExhaustiveSearch(request).top(60, Progress.NONE, CancellationToken.none());
            } catch (InfeasibleConstraintsException e) {
                continue;
            }
            for (RankedPlan p : plans) {
                int[] leave = leavingExits(profile, p);
                double least = Double.POSITIVE_INFINITY;
                for (double[] c : costs.leave) {
                    double sum = 0;
                    for (int e : leave) {
                        sum += c[e];
                    }
                    least = Math.min(least, sum / leave.length);
                }
                double value = objective.value(p.metrics());
                assertTrue(!Tolerance.less(value, least), "trial " + trial + ": " + p.plan() + " has " + value
                        + ", below the placements' least leaving cost " + least);
                checked++;
                if (Tolerance.equal(value, least)) {
                    tight++;
                }
            }
        }
        assertTrue(checked > 2000, "only " + checked + " plans checked");
        assertTrue(tight > checked / 20, "tight on " + tight + " of " + checked + " plans only");
    }

    /** [sample]: the exit each sample leaves at under the plan (the exits' count: the model's end), as the evaluator decides. */
    static int[] leavingExits(ModelProfile profile, RankedPlan ranked) {
        SampleStats stats = (SampleStats) profile.exitStats();
        List<EnabledExit> exits = new ArrayList<>(ranked.plan().exits());
        exits.sort(java.util.Comparator.comparingInt(x -> index(profile, x.exit()))); // model order
        int terminal = ranked.plan().terminalExit() == null ? profile.exits().size() : index(profile, ranked.plan().terminalExit());
        int[] out = new int[stats.sampleCount()];
        for (int s = 0; s < out.length; s++) {
            out[s] = terminal;
            for (EnabledExit x : exits) {
                int e = index(profile, x.exit());
                double c = stats.confidence()[e][s];
                boolean passes = profile.criterion() == ExitCriterion.MAX_PROB ? c >= x.threshold() : c <= x.threshold();
                if (passes) {
                    out[s] = e;
                    break;
                }
            }
        }
        return out;
    }

    private static int index(ModelProfile profile, String id) {
        for (int i = 0; i < profile.exits().size(); i++) {
            if (profile.exits().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }
}
