package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ProfileOptions;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;

/**
 * A node slower than this machine slows its stage's worker and the prediction by the same factor:
 * hand-computed on a made-up profile, and measured on a tiny model run for real.
 */
class SlowDownTest {
    private static final String HERE = "this-cpu";

    @TempDir
    Path dir;

    /** Two units: 2e6 FLOPs in 1 ms and 6e6 in 3 ms, so this machine does 2e9 FLOP/s. */
    private static ModelProfile profile() {
        return new ModelProfile("m", null, 1000, null, List.of(
                new Unit("a", "layer", 2e6, 0, 100, Map.of(HERE, 1e-3), null),
                new Unit("b", "layer", 6e6, 0, 100, Map.of(HERE, 3e-3), null)),
                null, null, null, null, null, null);
    }

    private static Topology one(double flops) {
        return new Topology(List.of(new Node("n", 0, "other", flops)), List.of(), "n", null, null);
    }

    @Test
    void factorIsThisMachinesRateOverTheNodesAndNeverBelowOne() {
        SlowDown s = SlowDown.of(profile(), HERE);
        assertEquals(2e9, s.machineFlopsPerSecond(), 1e-3);
        assertEquals(3.0, s.factor(new Node("n", 0, "x", 2e9 / 3)), 1e-12);
        assertEquals(1.0, s.factor(new Node("n", 0, "x", 2e9)));
        assertEquals(1.0, s.factor(new Node("n", 0, "x", 8e9)), "a faster node runs at this machine's speed");
    }

    @Test
    void nodesNotSlowerThanThisMachineAreNamedAsNotImitated() {
        Topology t = new Topology(List.of(new Node("phone", 0, "x", 1e9), new Node("server", 1, "x", 8e9),
                new Node("twin", 1, "x", 2e9)), List.of(), "phone", null, null);
        List<String> notes = SlowDown.of(profile(), HERE).tooFast(t);
        assertEquals(2, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("node 'server' (8.00 GFLOP/s) is not slower than this machine (2.00 GFLOP/s"), notes.get(0));
        assertTrue(notes.get(1).startsWith("node 'twin' (2.00 GFLOP/s)"), notes.get(1));
    }

    @Test
    void predictionOfAThreeTimesSlowerNodeIsThreeTimesTheMeasuredTime() {
        Plan whole = new Plan(List.of(new Stage(1, 2, "n")));
        double same = Prediction.of(profile(), one(2e9), whole, HERE, 0).latency().mean();
        double slow = Prediction.of(profile(), one(2e9 / 3), whole, HERE, 0).latency().mean();
        assertEquals(4e-3, same, 1e-9, "the measured 1 ms + 3 ms, not the node's FLOP estimate");
        assertEquals(12e-3, slow, 1e-9);
    }

    @Test
    void aUnitWithoutTimeHereIsNamed() {
        ModelProfile p = profile().withUnits(List.of(new Unit("a", "layer", 1, 0, 1)));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SlowDown.of(p, HERE));
        assertTrue(e.getMessage().startsWith("profile.units: unit 'a'"), e.getMessage());
    }

    @Test
    void aThreeTimesSlowerNodeHoldsEachRequestForItsPredictedTime() throws Exception {
        Loaded<Testbed> opened = Testbed.open(TestModelFiles.residual(dir, 160),
                ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 4, 160, 160), new ProfileOptions(2, 5, 1),
                d -> { }, () -> false);
        assertTrue(opened.isOk(), opened.problems()::toString);
        Testbed bed = opened.value();
        double rate = bed.slowDown().machineFlopsPerSecond();
        Plan whole = new Plan(List.of(new Stage(1, bed.measuredProfile().unitCount(), "n")));
        Testbed.Options o = new Testbed.Options(2, 8, 0, 1);
        PlanResult same = bed.run(null, one(rate * 2), whole, o, d -> { }, () -> false);
        PlanResult slow = bed.run(null, one(rate / 3), whole, o, d -> { }, () -> false);
        double predictedCompute = same.predicted().latency().mean();
        assertEquals(3 * predictedCompute, slow.predicted().latency().mean(), 1e-9 + 1e-6 * predictedCompute);
        // the worker holds each request for the slowed node's time, 3 x the stage's measured compute,
        // which the prediction also counts; a measured mean is too noisy on shared cores to test
        // against it, a lower bound is not
        double hold = bed.slowDown().holdSeconds(one(rate / 3), whole).get(0);
        assertEquals(3 * predictedCompute, hold, 1e-9 + 1e-6 * predictedCompute);
        assertEquals(0.0, bed.slowDown().holdSeconds(one(rate * 2), whole).get(0), "a node not slowed just runs");
        assertTrue(slow.measured().latencies().stream().allMatch(l -> l >= hold),
                "every slowed request takes at least the hold " + hold + " s: " + slow.measured().latencies());
        assertTrue(slow.outputsMatch());
    }
}
