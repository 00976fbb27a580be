package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.onnx.OnnxModels.constant;
import static org.splitscope.io.onnx.OnnxModels.int64s;
import static org.splitscope.io.onnx.OnnxModels.integer;
import static org.splitscope.io.onnx.OnnxModels.ints;
import static org.splitscope.io.onnx.OnnxModels.node;
import static org.splitscope.io.onnx.OnnxModels.value;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.zoo.Granularity;

/**
 * Stage export: the chained sub-models compute what the whole model computes (ONNX Runtime on both,
 * same random input, max abs difference <= 1e-5), every file loads on its own, and the manifest
 * and the files hold exactly the tensors and weights each stage needs.
 */
class StageExportTest {
    static final double TOLERANCE = 1e-5;
    /** Batch 2, so that the files' static shapes come from the pinned input, not the file's symbolic one. */
    private static final ImportOptions BATCH_2 = ImportOptions.of(Granularity.LAYERS).withInputShape("x", 2, 4, 8, 8);

    @TempDir
    Path dir;

    /**
     * x [N,4,8,8] -> Conv c1 (weight a Constant node, bias B shared with c2) -> Relu r1 -> Conv c2 ->
     * Add(r1's output, c2's) -> Relu r2 -> GlobalAveragePool -> Reshape (target computed from a
     * Constant by a weight-only Identity) -> Gemm to 3. Units (layers): c1 r1 c2 add r2 gap rs fc.
     */
    static ModelProto residual() {
        return residual(8);
    }

    /** The same graph on side x side images (larger ones give measurable compute times). */
    static ModelProto residual(int side) {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", -1, 4, side, side)).addOutput(value("y", -1, 3));
        g.addNode(constant(weight("W1", 4, 4, 3, 3)));
        g.addInitializer(weight("B", 4)).addInitializer(weight("W2", 4, 4, 3, 3))
                .addInitializer(weight("WF", 3, 4)).addInitializer(weight("BF", 3));
        g.addNode(constant(int64s("shape", -1, 4)));
        g.addNode(node("Identity", "shape_id", List.of("shape"), List.of("target")));
        g.addNode(node("Conv", "c1", List.of("x", "W1", "B"), List.of("a"), ints("pads", 1, 1, 1, 1)));
        g.addNode(node("Relu", "r1", List.of("a"), List.of("r")));
        g.addNode(node("Conv", "c2", List.of("r", "W2", "B"), List.of("b"), ints("pads", 1, 1, 1, 1)));
        g.addNode(node("Add", "add", List.of("r", "b"), List.of("s")));
        g.addNode(node("Relu", "r2", List.of("s"), List.of("t")));
        g.addNode(node("GlobalAveragePool", "gap", List.of("t"), List.of("p")));
        g.addNode(node("Reshape", "rs", List.of("p", "target"), List.of("f")));
        g.addNode(node("Gemm", "fc", List.of("f", "WF", "BF"), List.of("y"), integer("transB", 1)));
        return OnnxModels.model(g);
    }

    static Plan plan(int units, int... cuts) {
        List<Stage> stages = new ArrayList<>();
        int first = 1;
        for (int cut : cuts) {
            stages.add(new Stage(first, cut, "n" + stages.size()));
            first = cut + 1;
        }
        stages.add(new Stage(first, units, "n" + stages.size()));
        return new Plan(stages);
    }

    /**
     * Exports, writes, runs the chain and the whole model on the same random input, and compares
     * every tensor a stage hands on (the model's outputs among them) with the same tensor of the
     * whole model, which is made an output of it for the purpose; returns the export.
     */
    static StageExport checkChain(Path model, StageExporter exporter, Plan plan, Path out) throws IOException, OrtException {
        Loaded<StageExport> export = exporter.export(exporter.profile(), plan);
        assertTrue(export.isOk(), export.problems()::toString);
        export.value().write(out);
        try (StageRunner chain = StageRunner.open(out)) {
            Map<String, OnnxTensor> inputs = chain.randomInputs(42);
            try {
                Map<String, float[]> chained = chain.runHandedOn(inputs);
                Map<String, float[]> whole = StageRunner.runModel(withOutputs(model, chained.keySet()), inputs);
                assertTrue(whole.keySet().containsAll(chained.keySet()));
                assertTrue(chained.keySet().containsAll(chain.manifest().modelOutputs()));
                double scale = 0;
                for (String name : chained.keySet()) {
                    float[] w = whole.get(name);
                    float[] c = chained.get(name);
                    assertEquals(w.length, c.length, name);
                    double max = 0;
                    double magnitude = 0;
                    for (int i = 0; i < w.length; i++) {
                        max = Math.max(max, Math.abs(w[i] - c[i]));
                        magnitude = Math.max(magnitude, Math.abs(w[i]));
                    }
                    scale = Math.max(scale, magnitude);
                    // the model's outputs to 1e-5 absolute (the test); the runtime fuses kernels
                    // differently around a graph output, so intermediates get 1e-5 relative to their size
                    double allowed = chain.manifest().modelOutputs().contains(name) ? TOLERANCE
                            : TOLERANCE * Math.max(1, magnitude);
                    assertTrue(max <= allowed, plan.cuts() + ": tensor " + name + " (values up to " + magnitude
                            + ") differs by " + max);
                }
                assertTrue(scale > 0.01, "the tensors compared are too close to 0 to show a difference: " + scale);
            } finally {
                inputs.values().forEach(OnnxTensor::close);
            }
        }
        return export.value();
    }

    /** The model with the named tensors added to its outputs (name only: ONNX Runtime infers the type). */
    private static byte[] withOutputs(Path model, Set<String> tensors) throws IOException {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(model));
        GraphProto.Builder g = m.getGraph().toBuilder();
        Set<String> outputs = new java.util.HashSet<>();
        g.getOutputList().forEach(o -> outputs.add(o.getName()));
        tensors.stream().filter(outputs::add)
                .forEach(t -> g.addOutput(org.splitscope.io.onnx.proto.Onnx.ValueInfoProto.newBuilder().setName(t)));
        return m.toBuilder().setGraph(g).build().toByteArray();
    }

    /** Weights of order 1 (not the tiny ones of OnnxModels), so that a wrong wiring shows in the output. */
    private static TensorProto weight(String name, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE);
        long n = 1;
        for (long d : dims) {
            t.addDims(d);
            n *= d;
        }
        for (int i = 0; i < n; i++) {
            t.addFloatData((float) Math.sin(1.7 * i + name.length()));
        }
        return t.build();
    }

    private Path residualFile() throws IOException {
        return OnnxModels.write(dir, "residual.onnx", residual());
    }

    private static StageExporter exporter(Path model, ImportOptions options) {
        Loaded<StageExporter> e = StageExporter.open(model, options);
        assertTrue(e.isOk(), e.problems()::toString);
        return e.value();
    }

    @Test
    void everySingleLayerCutComputesWhatTheModelComputes() throws Exception {
        Path model = residualFile();
        StageExporter exporter = exporter(model, BATCH_2);
        assertEquals(8, exporter.profile().unitCount());
        for (int cut = 1; cut < 8; cut++) {
            checkChain(model, exporter, plan(8, cut), dir.resolve("cut" + cut));
        }
    }

    @Test
    void everyBlockBoundaryCutComputesWhatTheModelComputes() throws Exception {
        Path model = residualFile();
        StageExporter exporter = exporter(model, new ImportOptions(Granularity.BLOCKS, BATCH_2.inputShapes(), BATCH_2.maxBytes()));
        // c2 leaves two tensors alive (r and b), so it and the Add form one block
        assertEquals(List.of("c1", "r1", "c2 .. add", "r2", "gap", "rs", "fc"),
                exporter.profile().units().stream().map(u -> u.name()).toList());
        for (int cut = 1; cut < 7; cut++) {
            checkChain(model, exporter, plan(7, cut), dir.resolve("cut" + cut));
        }
    }

    @Test
    void aCutInsideTheResidualBlockSendsBothTensors() throws Exception {
        Path model = residualFile();
        StageExporter exporter = exporter(model, BATCH_2);
        ExportManifest m = checkChain(model, exporter, plan(8, 3), dir.resolve("out")).manifest();
        assertEquals(List.of("x"), m.stages().get(0).inputs());
        assertEquals(List.of("r", "b"), m.stages().get(0).outputs());
        assertEquals(List.of("r", "b"), m.stages().get(1).inputs());
        assertEquals(List.of("y"), m.stages().get(1).outputs());
        double activation = 2 * 4 * 8 * 8 * 4.0; // batch 2, 4 channels of 8 x 8 floats
        assertEquals(List.of(
                new ExportManifest.Transfer("x", 0, List.of(1), false, "FLOAT", List.of(2L, 4L, 8L, 8L), activation),
                new ExportManifest.Transfer("r", 1, List.of(2), false, "FLOAT", List.of(2L, 4L, 8L, 8L), activation),
                new ExportManifest.Transfer("b", 1, List.of(2), false, "FLOAT", List.of(2L, 4L, 8L, 8L), activation),
                new ExportManifest.Transfer("y", 2, List.of(), true, "FLOAT", List.of(2L, 3L), 2 * 3 * 4.0)), m.transfers());
        assertEquals(exporter.profile().unit(3).cutBytes(), 2 * activation, "the profile's cut bytes are what crosses");
        assertEquals(m, StageExport.readManifest(dir.resolve("out")), "the manifest file reads back the same");
    }

    @Test
    void aTensorThatSkipsAStageGoesFromItsProducerToEachReader() throws Exception {
        Path model = residualFile();
        ExportManifest m = checkChain(model, exporter(model, BATCH_2), plan(8, 2, 3), dir.resolve("out")).manifest();
        assertEquals(List.of(List.of("x"), List.of("r"), List.of("r", "b")),
                m.stages().stream().map(ExportManifest.StageFile::inputs).toList());
        assertEquals(List.of(List.of("r"), List.of("b"), List.of("y")),
                m.stages().stream().map(ExportManifest.StageFile::outputs).toList());
        ExportManifest.Transfer r = m.transfers().stream().filter(t -> t.tensor().equals("r")).findFirst().orElseThrow();
        assertEquals(1, r.from());
        assertEquals(List.of(2, 3), r.to());
    }

    @Test
    void eachFileHoldsItsOwnNodesAndOnlyTheWeightsTheyRead() throws Exception {
        ModelProto original = residual();
        Path model = residualFile();
        StageExport export = exporter(model, BATCH_2).export(null, plan(8, 3)).value();
        ModelProto first = ModelProto.parseFrom(export.stageBytes(1));
        ModelProto second = ModelProto.parseFrom(export.stageBytes(2));
        assertEquals(List.of("Constant", "Conv", "Relu", "Conv"), opTypes(first));
        assertEquals(List.of("Constant", "Identity", "Add", "Relu", "GlobalAveragePool", "Reshape", "Gemm"), opTypes(second));
        assertEquals(Set.of("B", "W2"), initializers(first), "the shared bias goes with the stage that reads it");
        assertEquals(Set.of("WF", "BF"), initializers(second));
        for (ModelProto stage : List.of(first, second)) {
            assertEquals(original.getIrVersion(), stage.getIrVersion());
            assertEquals(original.getOpsetImportList(), stage.getOpsetImportList());
            // every tensor the file computes has a static type: the pinned batch of 2
            assertTrue(stage.getGraph().getOutputList().stream().allMatch(v -> v.getType().getTensorType().getShape()
                    .getDim(0).getDimValue() == 2), stage.getGraph()::toString);
        }
        assertEquals(Set.of("a"), names(first.getGraph().getValueInfoList()));
        assertEquals(Set.of("s", "t", "p", "f"), names(second.getGraph().getValueInfoList()));
    }

    @Test
    void theSameBiasInBothStagesIsCopiedIntoEach() throws Exception {
        Path model = residualFile();
        StageExport export = exporter(model, BATCH_2).export(null, plan(8, 1)).value();
        assertEquals(Set.of("B"), initializers(ModelProto.parseFrom(export.stageBytes(1))));
        assertEquals(Set.of("B", "W2", "WF", "BF"), initializers(ModelProto.parseFrom(export.stageBytes(2))));
    }

    @Test
    void theClassifierFixtureInBlocksAndThreeStages() throws Exception {
        ImportOptions options = new ImportOptions(Granularity.BLOCKS, java.util.Map.of("x", new long[] {1, 3, 48, 192}),
                ImportOptions.DEFAULT_MAX_BYTES);
        StageExporter exporter = exporter(OnnxModels.CLASSIFIER, options);
        int n = exporter.profile().unitCount();
        checkChain(OnnxModels.CLASSIFIER, exporter, plan(n, 1), dir.resolve("a"));
        checkChain(OnnxModels.CLASSIFIER, exporter, plan(n, n - 1), dir.resolve("b"));
        checkChain(OnnxModels.CLASSIFIER, exporter, plan(n, n / 3, 2 * n / 3), dir.resolve("c"));
    }

    @Test
    void theDetectorFixtureWhoseCutsCarrySeveralTensors() throws Exception {
        ImportOptions options = ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 3, 64, 64);
        StageExporter exporter = exporter(OnnxModels.DETECTOR, options);
        int n = exporter.profile().unitCount();
        ExportManifest m = checkChain(OnnxModels.DETECTOR, exporter, plan(n, n / 3, 2 * n / 3), dir.resolve("a")).manifest();
        assertTrue(m.stages().stream().anyMatch(s -> s.inputs().size() >= 2), m.stages()::toString);
        // what stage 1 hands on is exactly what the profile's cut bytes count
        double sent = m.transfers().stream().filter(t -> t.from() <= 1 && t.to().stream().anyMatch(k -> k >= 2))
                .mapToDouble(ExportManifest.Transfer::bytes).sum();
        assertEquals(exporter.profile().unit(n / 3).cutBytes(), sent);
    }

    @Test
    void beforeIrVersion4InitializersStayListedAsInputsOfTheStagesThatReadThem() throws Exception {
        ModelProto v8 = residual();
        GraphProto.Builder g = v8.getGraph().toBuilder();
        for (TensorProto t : v8.getGraph().getInitializerList()) {
            g.addInput(value(t.getName(), t.getDimsList().stream().mapToLong(Long::longValue).toArray()));
        }
        ModelProto v3 = v8.toBuilder().setIrVersion(3).setGraph(g).build();
        Path model = OnnxModels.write(dir, "ir3.onnx", v3);
        StageExport export = checkChain(model, exporter(model, BATCH_2), plan(8, 3), dir.resolve("out"));
        ModelProto second = ModelProto.parseFrom(export.stageBytes(2));
        assertEquals(3, second.getIrVersion());
        assertEquals(Set.of("r", "b", "WF", "BF"), names(second.getGraph().getInputList()));
        assertEquals(List.of("r", "b"), export.manifest().stages().get(1).inputs(), "weights are not handed on");
    }

    private static List<String> opTypes(ModelProto m) {
        return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }

    private static Set<String> initializers(ModelProto m) {
        return new TreeSet<>(m.getGraph().getInitializerList().stream().map(TensorProto::getName).toList());
    }

    private static Set<String> names(List<org.splitscope.io.onnx.proto.Onnx.ValueInfoProto> values) {
        return new TreeSet<>(values.stream().map(v -> v.getName()).toList());
    }

    @Test
    void aWrittenExportHasOneFilePerStageAndTheManifest() throws Exception {
        Path model = residualFile();
        exporter(model, BATCH_2).export(null, plan(8, 2, 5)).value().write(dir.resolve("new/folder"));
        assertEquals(List.of("manifest.json", "stage-1.onnx", "stage-2.onnx", "stage-3.onnx"),
                Files.list(dir.resolve("new/folder")).map(p -> p.getFileName().toString()).sorted().toList());
        assertFalse(Files.list(dir.resolve("new/folder")).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
}
