package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/** Random search requests over {@link RandomChains}: objectives, constraints near what plans achieve, spaces, pins and forbids. */
final class RandomRequests {
    private static final double[] GRID = {0.2, 0.4, 0.5, 0.6, 0.8};

    private RandomRequests() {
    }

    /** A valid request, or null when the drawn space happens to be invalid (a pin against a forbid). */
    static SearchRequest request(long seed, List<Objective> objectives) {
        Random r = new Random(seed);
        ModelProfile profile = RandomChains.profile(r, 2, true);
        Topology topology = RandomChains.topology(r, true);
        Evaluator evaluator = new Evaluator(profile, topology);
        Workload workload = r.nextInt(3) == 0 ? new Workload(RandomChains.logUniform(r, 0.05, 5), null, null, null)
                : Workload.NONE;
        Metrics reference = evaluator.evaluate(new Plan(List.of(new Stage(1, profile.unitCount(), "n0"))), workload);
        Double floor = profile.exitStats() != null && r.nextInt(3) == 0 ? 0.3 + 0.65 * r.nextDouble() : null;
        Double slo = r.nextInt(3) == 0 ? reference.meanLatency() * (0.2 + 1.3 * r.nextDouble()) : null;
        Double budget = r.nextInt(3) == 0 ? reference.costUsdPerRequest() * (0.2 + 1.3 * r.nextDouble()) : null;
        Constraints constraints = new Constraints(floor, slo, budget, r.nextBoolean(), r.nextBoolean());
        Objective objective = objectives.get(r.nextInt(objectives.size()));
        if (objective == Objective.ACCURACY && profile.exitStats() == null) {
            objective = Objective.MEAN_LATENCY;
        }
        SearchRequest req = new SearchRequest(evaluator, workload, objective, constraints, space(r, profile, topology));
        return req.validate().isEmpty() ? req : null;
    }

    static SearchSpace space(Random r, ModelProfile profile, Topology topology) {
        List<Double> grid = new ArrayList<>();
        for (int k = 1 + r.nextInt(2); k > 0; k--) {
            double t = GRID[r.nextInt(GRID.length)];
            if (!grid.contains(t)) {
                grid.add(t);
            }
        }
        List<Pin> pins = new ArrayList<>();
        List<Forbid> forbids = new ArrayList<>();
        int n = profile.unitCount();
        int v = topology.nodes().size();
        if (r.nextInt(4) == 0) {
            int a = 1 + r.nextInt(n);
            pins.add(new Pin(a, a + r.nextInt(n - a + 1), "n" + r.nextInt(v)));
        }
        if (r.nextInt(4) == 0) {
            int a = 1 + r.nextInt(n);
            int b = a + r.nextInt(n - a + 1);
            forbids.add(r.nextBoolean() ? Forbid.onNode(a, b, "n" + r.nextInt(v)) : Forbid.onTier(a, b, r.nextInt(3)));
        }
        Placement placement = Placement.values()[r.nextInt(3)];
        return new SearchSpace(1 + r.nextInt(3), placement, grid, r.nextBoolean(), pins, forbids);
    }
}
