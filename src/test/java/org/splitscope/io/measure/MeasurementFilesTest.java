package org.splitscope.io.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;

/** Each measurement format on its sample in sample-scenarios/formats, and on broken variants. */
class MeasurementFilesTest {
    static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    static ModelProfile smallCnn() {
        return ScenarioFiles.read(FORMATS.resolve("small-cnn.json")).orElseThrow().profile();
    }

    private static MeasurementMapping.Mapped mapped(MeasurementFormat format, String file, String layerInfo,
                                                    UnmatchedLayers policy) {
        Measurements m = MeasurementFiles.read(FORMATS.resolve(file), format,
                layerInfo == null ? null : FORMATS.resolve(layerInfo)).orElseThrow();
        return MeasurementMapping.map(smallCnn(), m, "dev", policy).orElseThrow();
    }

    private static double ms(MeasurementMapping.Mapped m, int unit) {
        return m.profile().unit(unit).latencySeconds().get("dev") * 1e3;
    }

    private Loaded<Measurements> broken(MeasurementFormat format, String text) throws IOException {
        Path f = dir.resolve("broken");
        Files.writeString(f, text);
        return MeasurementFiles.read(f, format, null);
    }

    private static String problems(Loaded<?> l) {
        assertFalse(l.isOk());
        return l.problems().stream().map(Problem::toString).toList().toString();
    }

    @Test
    void trtexecWithLayerInfoMapsEveryFusedLayer() {
        MeasurementMapping.Mapped m = mapped(MeasurementFormat.TRTEXEC, "trtexec-profile.json", "trtexec-layer-info.json",
                UnmatchedLayers.LEAVE);
        assertEquals(0.41, ms(m, 1), EPS);
        assertEquals(0.06, ms(m, 2), EPS);
        assertEquals(0.78, ms(m, 3), EPS);
        assertEquals(0.018 + 0.075, ms(m, 4), EPS); // fc_fused is Flatten + Gemm by its metadata
        assertEquals(List.of("Reformatting CopyNode for Input Tensor 0 to /conv1/Conv + /relu1/Relu"),
                m.coverage().unmatched().stream().map(MeasuredLayer::name).toList());
        assertEquals(1.343 / 1.386, m.coverage().matchedShare(), EPS);
    }

    @Test
    void trtexecWithoutLayerInfoSplitsFusedNamesAndListsTheRest() {
        MeasurementMapping.Mapped m = mapped(MeasurementFormat.TRTEXEC, "trtexec-profile.json", null, UnmatchedLayers.SPREAD);
        assertEquals(List.of("entry 2", "entry 7"), m.coverage().unmatched().stream().map(MeasuredLayer::where).toList());
        assertEquals(0.41 + 0.043, ms(m, 1), EPS); // the reformat before the first layer goes to it
        assertEquals(0.018 + 0.075, ms(m, 4), EPS); // fc_fused, after the last matched layer, goes to its unit
    }

    @Test
    void tfliteReadsTheRunOrderTableOnly() {
        MeasurementMapping.Mapped m = mapped(MeasurementFormat.TFLITE, "tflite-op-profile.csv", null, UnmatchedLayers.LEAVE);
        assertEquals(1.874, ms(m, 1), EPS);
        assertEquals(0.231, ms(m, 2), EPS);
        assertEquals(3.655, ms(m, 3), EPS);
        assertEquals(0.101 + 0.005 + 0.150, ms(m, 4), EPS);
        assertEquals(1.0, m.coverage().matchedShare(), EPS);
    }

    @Test
    void onnxRuntimeTraceIsTheMeanOfItsRuns() {
        MeasurementMapping.Mapped m = mapped(MeasurementFormat.CHROME_TRACE, "ort-profile.json", null, UnmatchedLayers.LEAVE);
        assertEquals((2900 + 310 + 2850 + 300) / 2.0 / 1e3, ms(m, 1), EPS);
        assertEquals((90 + 4 + 120 + 88 + 4 + 118) / 2.0 / 1e3, ms(m, 4), EPS);
    }

    @Test
    void pytorchTraceCountsRecordFunctionLabelsPerStep() {
        MeasurementMapping.Mapped m = mapped(MeasurementFormat.CHROME_TRACE, "pytorch-trace.json", null, UnmatchedLayers.LEAVE);
        assertEquals(0.9 * (2900 + 310 + 2850 + 300) / 2.0 / 1e3, ms(m, 1), EPS);
        assertEquals(0.9 * (420 + 410) / 2.0 / 1e3, ms(m, 2), EPS);
    }

    @Test
    void kernelsOutsideEveryRunAreNotCounted() {
        String trace = """
                [{"cat":"Session","name":"model_run","ph":"X","ts":100,"dur":50},
                 {"cat":"Node","name":"a_kernel_time","ph":"X","ts":120,"dur":10},
                 {"cat":"Node","name":"a_kernel_time","ph":"X","ts":170,"dur":99},
                 {"cat":"Session","name":"model_run","ph":"X","ts":200,"dur":50},
                 {"cat":"Node","name":"a_kernel_time","ph":"X","ts":210,"dur":30},
                 {"cat":"Node","name":"a_kernel_time","ph":"X","ts":300,"dur":99}]""";
        Measurements m = ChromeTraceProfile.parse(trace).orElseThrow();
        assertEquals(List.of("a"), m.layers().stream().map(MeasuredLayer::name).toList());
        assertEquals(20e-6, m.totalSeconds(), EPS); // (10 + 30) / 2 runs
    }

    @Test
    void nestedLabelsCountOnlyTheInnermost() {
        String trace = """
                {"traceEvents": [
                 {"ph":"X","cat":"user_annotation","name":"block","tid":1,"ts":0,"dur":100},
                 {"ph":"X","cat":"user_annotation","name":"/conv1/Conv","tid":1,"ts":10,"dur":30},
                 {"ph":"X","cat":"user_annotation","name":"/relu1/Relu","tid":1,"ts":50,"dur":20},
                 {"ph":"X","cat":"user_annotation","name":"/pool1/MaxPool","tid":2,"ts":10,"dur":5}]}""";
        Measurements m = ChromeTraceProfile.parse(trace).orElseThrow();
        assertEquals(List.of("/conv1/Conv", "/pool1/MaxPool", "/relu1/Relu"), m.layers().stream().map(MeasuredLayer::name).toList());
        assertEquals(55e-6, m.totalSeconds(), EPS);
    }

    @Test
    void brokenTrtexecProfilesNameTheEntry() throws IOException {
        assertTrue(problems(broken(MeasurementFormat.TRTEXEC, "[{\"count\": 3}, {\"name\": \"a\", \"averageMs\": 1},"
                + " {\"name\": \"b\", \"timeMs\": 2}]")).contains("entry 3: layer 'b': \"averageMs\" must be a number"));
        assertTrue(problems(broken(MeasurementFormat.TRTEXEC, "[{\"name\": \"a\", \"averageMs\": -1}]")).contains("entry 1"));
        assertTrue(problems(broken(MeasurementFormat.TRTEXEC, "[{\"name\": \"a\",\n \"averageMs\": }]")).contains("line 2"));
        assertTrue(problems(broken(MeasurementFormat.TRTEXEC, "{\"name\": \"a\"}")).contains("JSON array"));
        assertTrue(problems(broken(MeasurementFormat.TRTEXEC, "[{\"count\": 3}]")).contains("no layers"));
    }

    @Test
    void layerInfoWithoutOnnxNodesIsRefused() throws IOException {
        Path info = dir.resolve("info.json");
        Files.writeString(info, "{\"Layers\": [\"conv1 + relu1\", \"pool1\"], \"Bindings\": []}");
        Loaded<Measurements> l = MeasurementFiles.read(FORMATS.resolve("trtexec-profile.json"), MeasurementFormat.TRTEXEC, info);
        assertTrue(problems(l).contains("--profilingVerbosity=detailed"), problems(l));
        assertFalse(MeasurementFiles.read(FORMATS.resolve("tflite-op-profile.csv"), MeasurementFormat.TFLITE, info).isOk());
    }

    @Test
    void brokenTfliteTablesNameTheLine() throws IOException {
        String header = "node type,first,avg_ms,%,cdf%,mem KB,times called,name\n";
        assertTrue(problems(broken(MeasurementFormat.TFLITE, header + "CONV_2D,1,abc,1%,1%,0,1,[x]:0\n"))
                .contains("line 2: avg_ms 'abc' is not a number"));
        assertTrue(problems(broken(MeasurementFormat.TFLITE, header + "CONV_2D,1,-2,1%,1%,0,1,[x]:0\n")).contains("line 2"));
        assertTrue(problems(broken(MeasurementFormat.TFLITE, header + "CONV_2D,1\n")).contains("line 2: has 2 fields"));
        assertTrue(problems(broken(MeasurementFormat.TFLITE, "Average inference timings in us: 3000\n")).contains("no operator table"));
    }

    @Test
    void brokenTracesNameTheEvent() throws IOException {
        assertTrue(problems(broken(MeasurementFormat.CHROME_TRACE, "[{\"ph\":\"X\",\"cat\":\"Node\",\"name\":\"a_kernel_time\","
                + "\"ts\":1,\"dur\":\"x\"}]")).contains("event 1: 'a_kernel_time'"));
        assertTrue(problems(broken(MeasurementFormat.CHROME_TRACE, "[{\"ph\":\"X\",\"cat\":\"cpu_op\",\"name\":\"aten::conv2d\","
                + "\"ts\":1,\"dur\":3}]")).contains("no layer events"));
        assertTrue(problems(broken(MeasurementFormat.CHROME_TRACE, "{\"schemaVersion\": 1}")).contains("traceEvents"));
    }

    @Test
    void filesAreOpenedThroughInputFiles() {
        assertTrue(problems(MeasurementFiles.read(dir, MeasurementFormat.TFLITE, null)).contains("is a folder"));
        assertTrue(problems(MeasurementFiles.read(dir.resolve("none"), MeasurementFormat.TFLITE, null)).contains("no such file"));
    }
}
