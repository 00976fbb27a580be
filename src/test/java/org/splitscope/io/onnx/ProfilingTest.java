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
        ChromeTrace.Runs runs = ChromeTrace.parse(trace);
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
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), progress);
        for (int u = 0; u < p.unitCount(); u++) {
            Unit unit = p.units().get(u);
            UnitTiming ut = t.units().get(u);
            assertEquals(Map.of(t.deviceClass(), ut.median()), unit.latencySeconds());
            assertTrue(ut.min() <= ut.median() && ut.median() <= ut.max(), unit.name());
        }
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
