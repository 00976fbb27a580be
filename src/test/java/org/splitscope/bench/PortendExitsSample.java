package org.splitscope.bench;

import java.util.List;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Workload;

/**
 * {@code sample-scenarios/portend-resnet110-exits.json}: {@link PortendExits}'s generated
 * ResNet-110 (an exit head after every unit, nested curves, range latencies for every unit range)
 * on its three tiers, so that a user can try the exact exit search at PORTEND's published scale.
 * It lives beside the benchmark's generator (test scope) because the numbers are the benchmark's;
 * {@code RegenerateSampleScenarios} writes it and {@code PortendExitsSampleTest} keeps the file in step.
 */
public final class PortendExitsSample {
    public static final String FILE = "portend-resnet110-exits.json";
    public static final double FLOOR = 0.85;

    private PortendExitsSample() {
    }

    /** The whole model on the station, no exit enabled: a start that the optimizer improves on at the floor. */
    public static Scenario scenario() {
        ModelProfile profile = PortendExits.resnet110();
        Plan plan = new Plan(List.of(new Stage(1, profile.unitCount(), "station")), List.of(), null);
        return new Scenario(Scenario.FORMAT_VERSION, "PORTEND at full scale: ResNet-110 with 54 exit heads",
                "PORTEND's whole search space: 55 blocks, an exit after each, ten thresholds, three tiers. "
                        + "A CIFAR ResNet-110 at block level (the classifier folded into the last block) with an exit "
                        + "head after every block but the last, entropy thresholds 0.05 to 0.95 and nested exit curves "
                        + "(a deeper exit passes at least the share an earlier one does, as PORTEND assumes), and "
                        + "latencies for all 1,540 block ranges on each device class (a range runs 5-15% faster than "
                        + "its blocks one by one). Tiers: device (2 GFLOP/s) -> 10 Mb/s, 20 ms -> base station "
                        + "(50 GFLOP/s, $1/h) -> 400 Mb/s, 40 ms -> cloud (500 GFLOP/s, $3/h). All numbers are "
                        + "SYNTHETIC (seeded), in the published shapes, not measured. The plan runs the whole model "
                        + "on the station with no exit; optimize mean latency at the 85% accuracy floor, or sweep "
                        + "workload.accuracyFloor with --optimize, to see the exact exit search at this scale.",
                null, profile, PortendExits.tiers(), plan, new Workload(0.0, null, FLOOR, null));
    }
}
