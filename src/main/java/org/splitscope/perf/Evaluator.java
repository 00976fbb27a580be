package org.splitscope.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Scenario;
import org.splitscope.model.SizeLimits;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/**
 * The joint performance model of {@code performance-model.md}: the one place any metric is
 * computed. Built once per profile and topology (which it validates and precomputes), it then
 * evaluates plans in time linear in units, stages, exits and route hops, plus O(S E / 64) word
 * operations for S per-sample exit statistics, whose result is reused while the exits and
 * thresholds stay the same (as they do while a cut is dragged). Thread-safe.
 */
public final class Evaluator {
    private final ModelProfile profile;
    private final Topology topology;
    private final NodeTimes[] times;
    private final Router router;
    private final SampleBits sampleBits;
    private volatile CachedOutcomes lastOutcomes;

    private record CachedOutcomes(int[] enabled, double[] thresholds, int terminal, ExitOutcomes.Result result) {
        boolean matches(PlanLayout p) {
            return terminal == p.terminal && Arrays.equals(enabled, p.enabled) && Arrays.equals(thresholds, p.thresholds);
        }
    }

    /** @throws InvalidScenarioException listing every problem of the profile and the topology */
    public Evaluator(ModelProfile profile, Topology topology) {
        List<Problem> problems = new ArrayList<>(profile.validate("profile"));
        problems.addAll(topology.validate("topology"));
        problems.addAll(SizeLimits.check(profile, topology));
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        this.profile = profile;
        this.topology = topology;
        times = new NodeTimes[topology.nodes().size()];
        for (int n = 0; n < times.length; n++) {
            times[n] = new NodeTimes(profile, topology.nodes().get(n));
        }
        router = new Router(topology);
        sampleBits = profile.exitStats() instanceof SampleStats s ? SampleBits.of(s, profile.criterion()) : null;
    }

    private boolean reachable(String from, String to) {
        int a = topology.nodeIndex(from);
        int b = topology.nodeIndex(to);
        return a >= 0 && b >= 0 && router.reachable(a, b);
    }

    /**
     * One unit's time on one node, the rule every stage time is built from: the measured time for
     * the node's device class where the profile has one, else FLOPs over the node's effective rate.
     */
    public static double unitSeconds(Unit unit, Node node) {
        Double measured = unit.latencySeconds().get(node.deviceClass());
        return measured != null ? measured : unit.flops() / node.effectiveFlopsPerSecond();
    }

    /** One exit head's time on one node, by the same rule as {@link #unitSeconds}. */
    public static double headSeconds(ExitHead head, Node node) {
        Double measured = head.latencySeconds().get(node.deviceClass());
        return measured != null ? measured : head.flops() / node.effectiveFlopsPerSecond();
    }

    /** Validates the whole scenario and evaluates its plan under its workload. */
    public static Metrics evaluate(Scenario scenario) {
        List<Problem> problems = scenario.validate();
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return new Evaluator(scenario.profile(), scenario.topology()).evaluate(scenario.plan(), scenario.workload());
    }

    public ModelProfile profile() {
        return profile;
    }

    public Topology topology() {
        return topology;
    }

    /** @throws InvalidScenarioException listing every problem of the plan and the workload */
    public Metrics evaluate(Plan plan, Workload workload) {
        List<Problem> problems = new ArrayList<>(plan.validate("plan", profile, topology, this::reachable));
        problems.addAll(workload.validate("workload"));
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        PlanLayout layout = new PlanLayout(plan, profile, topology);
        ExitOutcomes.Result shares = outcomes(layout);
        RequestWalk walk = new RequestWalk(profile, topology, times, router);
        Metrics m = new MetricsBuilder(profile, topology, layout, shares, walk, workload).build();
        FiniteFigures.check(m);
        return m;
    }

    private ExitOutcomes.Result outcomes(PlanLayout layout) {
        CachedOutcomes cached = lastOutcomes;
        if (cached != null && cached.matches(layout)) {
            return cached.result();
        }
        ExitOutcomes.Result result = ExitOutcomes.compute(profile, sampleBits, layout.enabled, layout.thresholds, layout.terminal);
        lastOutcomes = new CachedOutcomes(layout.enabled, layout.thresholds, layout.terminal, result);
        return result;
    }
}
