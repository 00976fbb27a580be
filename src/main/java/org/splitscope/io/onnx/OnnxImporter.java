package org.splitscope.io.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.OperatorSetIdProto;
import org.splitscope.model.FieldRange;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;
import org.splitscope.model.Ranges;
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
        warnings.addAll(implausibleSizes(model.value(), g, shapes.value().types()));
        String name = modelName(file);
        ModelProfile profile = new ModelProfile(name, description(file, model.value(), shapes.value(), options.units()),
                inputBytes, resultBytes, grouped.units(), null, null, null, null, null, null);
        List<Problem> invalid = profile.validate("profile");
        if (!invalid.isEmpty()) {
            // sizes beyond what a profile accepts (declared shapes, warned about above), or a bug of the importer
            return Loaded.failed(invalid, warnings);
        }
        ImportReport report = new ImportReport(g.graph.getNodeCount(), g.constantNodes, g.foldedNodes,
                shapes.value().pinned(), l.unknownFlops, grouped.nodeNames(), weightBytes);
        return Loaded.ok(new Analysis(model.value(), g, shapes.value().types(), new OnnxImport(profile, report)), warnings);
    }

    /**
     * Inputs, outputs and node outputs whose declared shapes make them larger than any profile accepts
     * ({@link Ranges#BYTES}): a Conv declared with a huge output gives a profile of absurd sizes,
     * which validation then refuses; the warning says which tensor of the file is to blame.
     */
    private static List<Problem> implausibleSizes(ModelProto m, OnnxGraph g, Map<String, TensorType> types) {
        List<Problem> warnings = new ArrayList<>();
        double limit = Ranges.BYTES.max();
        for (int i = 0; i < m.getGraph().getOutputCount(); i++) {
            String name = m.getGraph().getOutput(i).getName();
            check(types.get(name), name, "graph.output[" + i + "]", "the output", limit, warnings);
        }
        for (int i = 0; i < g.inputs.size(); i++) {
            String name = g.inputs.get(i).getName();
            check(types.get(name), name, "graph.input", "the input", limit, warnings);
        }
        for (int n = 0; n < m.getGraph().getNodeCount(); n++) {
            for (String out : m.getGraph().getNode(n).getOutputList()) {
                check(types.get(out), out, "graph.node[" + n + "]", "node '" + m.getGraph().getNode(n).getName() + "'",
                        limit, warnings);
            }
        }
        return warnings;
    }

    private static void check(TensorType t, String tensor, String path, String what, double limit, List<Problem> warnings) {
        if (t != null && !(t.bytes() <= limit)) {
            warnings.add(new Problem(path, String.format(java.util.Locale.ROOT, "%s's tensor '%s' is declared with %s"
                    + " bytes, more than the %s bytes a profile accepts: check the declared shapes", what, tensor,
                    FieldRange.number(t.bytes()), FieldRange.number(limit))));
        }
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
