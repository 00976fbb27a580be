package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.measure.ChromeTraceProfile;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;

/** Timing on this machine: trace parsing by hand, and real runs of a small model in ONNX Runtime. */
class ProfilingTest {
    private static final ProfileOptions QUICK = new ProfileOptions(1, 3, 1);

    @TempDir
    Path dir;

    @Test
    void traceKernelsBelongToTheRunThatHoldsThem() throws IOException {
        String trace = """
                [{"cat":"Session","name":"session_initialization","ts":0,"dur":50},
                 {"cat":"Session","name":"model_run","ts":100,"dur":40},
                 {"cat":"Node","name":"conv_kernel_time","ts":105,"dur":20},
                 {"cat":"Node","name":"conv_fence_before","ts":104,"dur":1},
                 {"cat":"Node","name":"relu_kernel_time","ts":126,"dur":5},
                 {"cat":"Session","name":"model_run","ts":200,"dur":30},
                 {"cat":"Node","name":"conv_kernel_time","ts":201,"dur":15},
                 {"cat":"Node","name":"relu_kernel_time","ts":217,"dur":4},
                 {"cat":"Node","name":"relu_kernel_time","ts":222,"dur":1}]""";
        ChromeTraceProfile.Runs runs = ChromeTraceProfile.runs(trace).orElseThrow();
        assertEquals(List.of(Map.of("conv", 20e-6, "relu", 5e-6), Map.of("conv", 15e-6, "relu", 5e-6)), runs.runs());
        assertEquals(List.of(40e-6, 30e-6), runs.runSeconds());
    }

    @Test
    void deviceClassesArePlainKeys() {
        assertEquals("intel-xeon-platinum-8375c-cpu-2-90ghz", CpuName.slug("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz"));
        assertEquals("amd-epyc", CpuName.slug(" AMD EPYC"));
        assertTrue(CpuName.deviceClass(4).endsWith("-x4"));
    }

    @Test
    void everyUnitGetsAMedianUnderThisMachinesClass() throws IOException {
        // unnamed nodes too: the timing session names them as the import report does
        ModelProto residual = HandComputedImportTest.residual(false);
        GraphProto.Builder g = residual.getGraph().toBuilder();
        g.setNode(1, g.getNode(1).toBuilder().clearName());
        Path file = OnnxModels.write(dir, "residual.onnx", residual.toBuilder().setGraph(g).build());
        List<Double> progress = new ArrayList<>();
        Loaded<ProfiledModel> loaded = OnnxProfiler.profile(file, ImportOptions.of(Granularity.LAYERS), QUICK,
                progress::add, () -> false);
        assertTrue(loaded.isOk(), loaded.problems()::toString);
        TimingReport t = loaded.value().timing();
        ModelProfile p = loaded.value().imported().profile();
        assertEquals(CpuName.deviceClass(1), t.deviceClass());
        assertEquals(List.of(), t.unmeasured());
        assertEquals("Relu:r", p.unit(2).name());
        // four profiled runs fill 60% of the bar, then four unprofiled runs the rest
        List<Double> expected = List.of(0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 1.0);
        assertEquals(expected.size(), progress.size(), progress::toString);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), progress.get(i), 1e-12, progress::toString);
        }
        assertTrue(t.unprofiledRunSeconds() > 0, "runs without the profiler were timed");
        double unitSum = t.units().stream().mapToDouble(UnitTiming::median).sum();
        assertEquals(t.unprofiledRunSeconds() / unitSum, t.scale(), 1e-12);
        double stored = 0;
        for (int u = 0; u < p.unitCount(); u++) {
            Unit unit = p.units().get(u);
            UnitTiming ut = t.units().get(u);
            assertEquals(ut.median() * t.scale(), unit.latencySeconds().get(t.deviceClass()), 1e-15);
            assertEquals(Map.of(t.deviceClass(), unit.latencySeconds().get(t.deviceClass())), unit.latencySeconds());
            stored += unit.latencySeconds().get(t.deviceClass());
            assertTrue(ut.min() <= ut.median() && ut.median() <= ut.max(), unit.name());
        }
        assertEquals(t.unprofiledRunSeconds(), stored, 1e-12, "the stored unit times add up to the unprofiled run");
        assertTrue(t.units().get(0).max() > 0, "a convolution takes measurable time");
        assertEquals(List.of(), p.validate("profile"));
    }

    @Test
    void cancellingStopsBeforeTheNextRun() throws IOException {
        Path file = OnnxModels.write(dir, "residual.onnx", HandComputedImportTest.residual(true));
        List<Double> progress = new ArrayList<>();
        Loaded<ProfiledModel> loaded = OnnxProfiler.profile(file, ImportOptions.of(Granularity.LAYERS), QUICK,
                progress::add, () -> progress.size() == 2);
        assertFalse(loaded.isOk());
        assertEquals("profiling was cancelled", loaded.problems().get(0).message());
        assertEquals(2, progress.size());
    }
}
