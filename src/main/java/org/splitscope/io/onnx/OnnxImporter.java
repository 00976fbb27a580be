package org.splitscope.io.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.OperatorSetIdProto;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;
import org.splitscope.zoo.Granularity;

/**
 * Turns an {@code .onnx} file into a {@link ModelProfile}: parse ({@link OnnxModelReader}), find
 * the structure ({@link OnnxGraph}), infer every shape with ONNX Runtime ({@link ShapeInference}),
 * linearize with FLOPs, weights and DAG-aware cut bytes ({@link Linearization}) and group into
 * units ({@link UnitGrouping}). Every failure is a {@link Problem} whose path locates the part of
 * the file ({@code graph.node[12]}) and whose message names the node; nothing is thrown for a bad
 * file. Batch size and every other dimension are those of the pinned input shapes.
 */
public final class OnnxImporter {
    private OnnxImporter() {
    }

    /** What an import saw on the way, for the code that works on the graph itself (the stage export). */
    record Analysis(ModelProto model, OnnxGraph graph, Map<String, TensorType> types, OnnxImport imported) {
    }

    public static Loaded<OnnxImport> importModel(Path file, ImportOptions options) {
        Loaded<Analysis> analysis = analyze(file, options);
        return analysis.isOk() ? Loaded.ok(analysis.value().imported(), analysis.warnings())
                : Loaded.failed(analysis.problems(), analysis.warnings());
    }

    static Loaded<Analysis> analyze(Path file, ImportOptions options) {
        Loaded<ModelProto> model = OnnxModelReader.read(file, options.maxBytes());
        if (!model.isOk()) {
            return Loaded.failed(model.problems(), model.warnings());
        }
        Loaded<OnnxGraph> graph = OnnxGraph.of(model.value().getGraph());
        if (!graph.isOk()) {
            return Loaded.failed(graph.problems(), graph.warnings());
        }
        OnnxGraph g = graph.value();
        if (g.computeNodes.isEmpty()) {
            return Loaded.failed("graph.node", "every node of the graph computes from weights alone: "
                    + "nothing depends on the input, so there is nothing to partition");
        }
        Loaded<ShapeInference.Result> shapes = ShapeInference.infer(model.value(), g, options.inputShapes());
        if (!shapes.isOk()) {
            return Loaded.failed(shapes.problems(), shapes.warnings());
        }
        List<Problem> warnings = new ArrayList<>(shapes.warnings());
        Linearization l = new Linearization(g, shapes.value().types());
        if (l.unusedWeightBytes > 0) {
            warnings.add(new Problem("graph.initializer", String.format("%.0f bytes of weights are read by no node "
                    + "that depends on the input; they are counted in unit 1", l.unusedWeightBytes)));
        }
        UnitGrouping.Grouped grouped = UnitGrouping.group(l, options.units());
        double weightBytes = g.weights.values().stream().mapToDouble(t -> TensorType.of(t).bytes()).sum();
        double inputBytes = g.inputs.stream()
                .mapToDouble(in -> shapes.value().types().get(in.getName()).bytes()).sum();
        double resultBytes = model.value().getGraph().getOutputList().stream()
                .mapToDouble(out -> shapes.value().types().get(out.getName()).bytes()).sum();
        String name = modelName(file);
        ModelProfile profile = new ModelProfile(name, description(file, model.value(), shapes.value(), options.units()),
                inputBytes, resultBytes, grouped.units(), null, null, null, null, null, null);
        List<Problem> invalid = profile.validate("profile");
        if (!invalid.isEmpty()) {
            return Loaded.failed(invalid, warnings); // a bug of the importer rather than of the file
        }
        ImportReport report = new ImportReport(g.graph.getNodeCount(), g.constantNodes, g.foldedNodes,
                shapes.value().pinned(), l.unknownFlops, grouped.nodeNames(), weightBytes);
        return Loaded.ok(new Analysis(model.value(), g, shapes.value().types(), new OnnxImport(profile, report)), warnings);
    }

    private static String modelName(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase().endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
    }

    private static String description(Path file, ModelProto m, ShapeInference.Result shapes, Granularity units) {
        long opset = m.getOpsetImportList().stream().filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
                .mapToLong(OperatorSetIdProto::getVersion).max().orElse(0);
        return "Imported from " + file.getFileName()
                + (m.getProducerName().isEmpty() ? "" : " (" + m.getProducerName() + ")")
                + ", opset " + opset + ", input " + InputShapes.describe(shapes.pinned())
                + ", one unit per " + (units == Granularity.LAYERS ? "node" : "block between single-tensor cuts")
                + "; FLOPs computed from the inferred shapes, bytes from the element types.";
    }
}
