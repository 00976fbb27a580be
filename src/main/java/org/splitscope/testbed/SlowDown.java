package org.splitscope.testbed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.perf.Tolerance;

/**
 * How much slower than this machine each node of a scenario is, so that the testbed can run a
 * slow node's stage here and still stand for it. This machine's FLOP rate is the profiled model's
 * total FLOPs over the total measured time of its units here; a node whose
 * {@code effectiveFlopsPerSecond} is below that rate is slower by their ratio, any other by 1 (a
 * node faster than this machine cannot be imitated: it runs at this machine's speed, and the
 * prediction says the same). The same factor slows the prediction (the node's unit times are the
 * measured ones times the factor) and the worker: it lets each request go factor x the stage's
 * measured unit times after the slowed node would have started it (when it arrived, or when the
 * node finished the one before), so both stand for the same node. Holding to the node's
 * schedule, rather than waiting a fixed extra time after the run, absorbs this machine's own
 * jitter: a run slowed by another stage sharing the core still ends when the node would have,
 * as long as this machine keeps up (a wait scaled from the worker's own clock would also scale
 * its run-time overheads). O(units + nodes).
 */
public final class SlowDown {
    private final ModelProfile measured;
    private final String deviceClass;
    private final double machineFlopsPerSecond;

    private SlowDown(ModelProfile measured, String deviceClass, double machineFlopsPerSecond) {
        this.measured = measured;
        this.deviceClass = deviceClass;
        this.machineFlopsPerSecond = machineFlopsPerSecond;
    }

    /** @param measured the profile with this machine's unit times under {@code deviceClass} */
    public static SlowDown of(ModelProfile measured, String deviceClass) {
        double flops = 0;
        double seconds = 0;
        for (Unit u : measured.units()) {
            Double t = u.latencySeconds().get(deviceClass);
            if (t == null) {
                throw new IllegalArgumentException("profile.units: unit '" + u.name() + "' has no time measured on '"
                        + deviceClass + "'");
            }
            flops += u.flops();
            seconds += t;
        }
        return new SlowDown(measured, deviceClass, seconds > 0 ? flops / seconds : Double.POSITIVE_INFINITY);
    }

    /** FLOPs per second this machine achieved over the profiled units. */
    public double machineFlopsPerSecond() {
        return machineFlopsPerSecond;
    }

    /** At least 1: how many times slower than this machine the node is. */
    public double factor(Node node) {
        double rate = node.effectiveFlopsPerSecond();
        if (Double.isInfinite(machineFlopsPerSecond) || !(rate > 0) || !Tolerance.less(rate, machineFlopsPerSecond)) {
            return 1;
        }
        return machineFlopsPerSecond / rate;
    }

    /**
     * The nodes this machine cannot imitate because they are at least as fast as it: they run,
     * and are predicted, at this machine's speed, and their stages compute at full speed on the
     * same cores at once, which the model (one processor per node) does not know.
     */
    public List<String> tooFast(Topology topology) {
        return topology.nodes().stream().filter(n -> n.effectiveFlopsPerSecond() > 0 && factor(n) == 1)
                .map(n -> String.format(Locale.ROOT, "node '%s' (%.3g GFLOP/s) is not slower than this machine"
                        + " (%.3g GFLOP/s over this model): it runs at this machine's speed, sharing its cores",
                        n.id(), n.effectiveFlopsPerSecond() / 1e9, machineFlopsPerSecond / 1e9))
                .toList();
    }

    /** The factor of each stage's node, stage by stage. */
    public List<Double> factors(Topology topology, Plan plan) {
        List<Double> f = new ArrayList<>();
        for (Stage s : plan.stages()) {
            f.add(topology.nodes().stream().filter(n -> n.id().equals(s.node())).findFirst()
                    .map(this::factor).orElse(1.0));
        }
        return f;
    }

    /**
     * Per stage, how long its worker's node takes per request ({@link StageWorker}): the slowed
     * node's time for the stage, factor x its units' measured times, or 0 for a node that is not
     * slowed (it just runs).
     */
    public List<Double> holdSeconds(Topology topology, Plan plan) {
        List<Double> factors = factors(topology, plan);
        List<Double> hold = new ArrayList<>();
        for (int k = 0; k < factors.size(); k++) {
            Stage s = plan.stages().get(k);
            double seconds = 0;
            for (int u = s.firstUnit(); u <= s.lastUnit(); u++) {
                seconds += measured.unit(u).latencySeconds().get(deviceClass);
            }
            hold.add(factors.get(k) > 1 ? factors.get(k) * seconds : 0.0);
        }
        return hold;
    }

    /**
     * The profile and topology the evaluator should see: every node of this machine's class, a
     * slowed one of its own class whose unit times are this machine's times the factor.
     */
    public Scaled scale(ModelProfile measured, Topology topology) {
        Map<String, Double> classes = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Node n : topology.nodes()) {
            double f = factor(n);
            String cls = f == 1 ? deviceClass : deviceClass + " slowed x" + f;
            if (f != 1) {
                classes.put(cls, f);
            }
            nodes.add(new Node(n.id(), n.name(), n.tier(), cls, n.flopsPerSecond(), n.memoryBytes(), n.concurrency(),
                    n.pricing(), n.watts()));
        }
        List<Unit> units = new ArrayList<>();
        for (Unit u : measured.units()) {
            Map<String, Double> times = new HashMap<>(u.latencySeconds());
            double here = times.get(deviceClass);
            classes.forEach((cls, f) -> times.put(cls, here * f));
            units.add(u.withLatencySeconds(times));
        }
        // (de)serialization runs unslowed in the worker, so a slowed class keeps this machine's costs
        var serialize = new HashMap<>(measured.serialize());
        var deserialize = new HashMap<>(measured.deserialize());
        for (String cls : classes.keySet()) {
            if (measured.serialize().containsKey(deviceClass)) {
                serialize.put(cls, measured.serialize().get(deviceClass));
            }
            if (measured.deserialize().containsKey(deviceClass)) {
                deserialize.put(cls, measured.deserialize().get(deviceClass));
            }
        }
        ModelProfile p = new ModelProfile(measured.name(), measured.description(), measured.inputBytes(),
                measured.resultBytes(), units, measured.exits(), measured.exitStats(), measured.criterion(),
                measured.rangeLatencies(), serialize, deserialize);
        return new Scaled(p, topology.withNodes(nodes));
    }

    /** A profile and topology to evaluate a testbed run with. */
    public record Scaled(ModelProfile profile, Topology topology) {
    }
}
