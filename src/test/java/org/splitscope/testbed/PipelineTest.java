package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.RawTensor;
import org.splitscope.io.onnx.StageExport;
import org.splitscope.io.onnx.StageExporter;
import org.splitscope.io.onnx.StageRunner;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.zoo.Granularity;

/**
 * Worker processes connected over loopback TCP compute what the whole model computes (compared
 * with ONNX Runtime run in this process on the same input), and a worker that dies makes the run
 * fail with a message naming it instead of hanging.
 */
class PipelineTest {
    private static final ImportOptions OPTIONS = ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 4, 8, 8);

    @TempDir
    Path dir;

    private static Plan plan(int... lastUnits) {
        List<Stage> stages = new ArrayList<>();
        int first = 1;
        for (int last : lastUnits) {
            stages.add(new Stage(first, last, "n" + stages.size()));
            first = last + 1;
        }
        return new Plan(stages);
    }

    /** Exports the plan of the residual model to dir/out and returns the folder. */
    private Path export(Path model, Plan plan) throws Exception {
        Loaded<StageExport> export = StageExporter.export(model, OPTIONS, null, plan);
        assertTrue(export.isOk(), export.problems()::toString);
        Path out = dir.resolve("stages-" + plan.stages().size());
        export.value().write(out);
        return out;
    }

    private static List<HopShaper> unshaped(int stages) {
        List<HopShaper> hops = new ArrayList<>();
        for (int h = 0; h <= stages; h++) {
            hops.add(null);
        }
        return hops;
    }

    private static float[] floats(RawTensor t) {
        FloatBuffer b = ByteBuffer.wrap(t.data()).order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] f = new float[b.remaining()];
        b.get(f);
        return f;
    }

    @Test
    void twoAndThreeStagePipelinesGiveTheWholeModelsOutputs() throws Exception {
        Path model = TestModelFiles.residual(dir);
        // two stages; then three, where the skip tensor of r1 crosses the whole middle stage
        for (Plan plan : List.of(plan(3, 8), plan(2, 3, 8))) {
            Path folder = export(model, plan);
            List<RawTensor> inputs = RandomInputs.of(StageExport.readManifest(folder), 7);
            float[] whole;
            try (StageRunner runner = StageRunner.open(folder)) {
                Map<String, OnnxTensor> tensors = runner.randomInputs(7); // same seed, same values
                whole = StageRunner.runModel(model, tensors).get("y");
                tensors.values().forEach(OnnxTensor::close);
            }
            int stages = plan.stages().size();
            try (Pipeline p = Pipeline.start(folder, stages, unshaped(stages), 1500)) {
                assertEquals(stages, p.workerPids().size());
                p.send(5, inputs);
                Pipeline.Answer a = p.await(60, () -> false);
                assertEquals(5, a.request());
                assertEquals(List.of("y"), a.outputs().stream().map(RawTensor::name).toList());
                float[] got = floats(a.outputs().get(0));
                assertEquals(3, got.length);
                for (int i = 0; i < got.length; i++) {
                    assertEquals(whole[i], got[i], 1e-5, plan.cuts() + ": output " + i + " of " + Arrays.toString(got));
                }
                assertTrue(Arrays.stream(new double[] {whole[0], whole[1], whole[2]}).anyMatch(v -> Math.abs(v) > 1e-3),
                        "outputs near 0 would hide a difference");
            }
        }
    }

    @Test
    void aKilledWorkerFailsTheRunWithAClearMessage() throws Exception {
        Path folder = export(TestModelFiles.residual(dir), plan(3, 8));
        List<RawTensor> inputs = RandomInputs.of(StageExport.readManifest(folder), 1);
        try (Pipeline p = Pipeline.start(folder, 2, unshaped(2), 1500)) {
            p.send(0, inputs);
            p.await(60, () -> false);
            ProcessHandle second = ProcessHandle.of(p.workerPids().get(1)).orElseThrow();
            second.destroyForcibly();
            second.onExit().get();
            TestbedException e = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(TestbedException.class, () -> {
                p.send(1, inputs);
                p.await(60, () -> false);
            }));
            assertTrue(e.getMessage().startsWith("stage 2's worker (pid " + second.pid() + ")"), e.getMessage());
            assertTrue(e.getMessage().contains("killed by signal 9"), e.getMessage());
        }
    }

    @Test
    void aHeldStageServesQueuedRequestsOneHoldApart() throws Exception {
        // the held stage stands for a FIFO node taking `hold` per request: requests queued at it
        // leave one hold apart, never together, however fast this machine runs the stage
        Path folder = export(TestModelFiles.residual(dir), plan(3, 8));
        List<RawTensor> inputs = RandomInputs.of(StageExport.readManifest(folder), 3);
        double hold = 0.03;
        int n = 6;
        try (Pipeline p = Pipeline.start(folder, 2, unshaped(2), 1500, List.of(0.0, hold))) {
            p.send(0, inputs);
            p.await(60, () -> false); // warm
            for (int i = 1; i <= n; i++) {
                p.send(i, inputs);
            }
            long[] at = new long[n];
            for (int i = 0; i < n; i++) {
                Pipeline.Answer a = p.await(60, () -> false);
                assertEquals(i + 1, a.request());
                at[i] = a.arrivedNanos();
            }
            double span = (at[n - 1] - at[0]) / 1e9;
            // the first answer may leave up to a scheduler slice late, the last one not early
            assertTrue(span >= (n - 1) * hold - 0.002, "the last of " + n + " queued requests came " + span
                    + " s after the first, less than " + (n - 1) + " holds of " + hold + " s");
        }
    }

    @Test
    void closingStopsEveryWorkerAndLeavesNoCopyOfTheRuntime() throws Exception {
        Path folder = export(TestModelFiles.residual(dir), plan(3, 8));
        List<String> before = runtimeCopies();
        List<ProcessHandle> workers;
        try (Pipeline p = Pipeline.start(folder, 2, unshaped(2), 1500)) {
            workers = p.workerPids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            assertTrue(workers.stream().allMatch(ProcessHandle::isAlive));
        }
        assertTrue(workers.stream().noneMatch(ProcessHandle::isAlive));
        // workers end by halting, which skips ONNX Runtime's delete-on-exit of its 28 MB copy
        List<String> left = new ArrayList<>(runtimeCopies());
        left.removeAll(before);
        assertEquals(List.of(), left, "copies of ONNX Runtime left in the temporary folder");
    }

    private static List<String> runtimeCopies() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("onnxruntime-java")).toList();
        }
    }
}
