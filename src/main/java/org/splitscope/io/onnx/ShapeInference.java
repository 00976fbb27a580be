package org.splitscope.io.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.ValueInfoProto;
import org.splitscope.model.Problem;

/**
 * The static shape of every tensor of a graph. Exported models rarely carry intermediate shapes,
 * so ONNX Runtime infers them: the inputs' symbolic dimensions are pinned ({@link InputShapes}),
 * every node output becomes a graph output (name only, so that the runtime infers its type), and
 * the session's output info is read. Where the runtime leaves a shape open (an unknown rank, or a
 * -1 dimension), {@link ShapeRuns} measures it by running the pinned model; a shape that depends
 * on the input values is rejected with the node that writes it.
 */
final class ShapeInference {
    /** @param pinned the input shapes used, by input name */
    record Result(Map<String, TensorType> types, Map<String, long[]> pinned) {
    }

    private final OnnxGraph g;
    private final Map<String, TensorType> types = new HashMap<>();
    private final Map<String, Integer> producer = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private ShapeInference(OnnxGraph g) {
        this.g = g;
        for (int i = 0; i < g.graph.getNodeCount(); i++) {
            for (String out : g.node(i).getOutputList()) {
                producer.put(out, i);
            }
        }
    }

    static Loaded<Result> infer(ModelProto model, OnnxGraph g, Map<String, long[]> requested) {
        Loaded<Map<String, long[]>> pins = InputShapes.pin(g, requested);
        if (!pins.isOk()) {
            return Loaded.failed(pins.problems(), pins.warnings());
        }
        ShapeInference s = new ShapeInference(g);
        g.weights.forEach((name, t) -> s.types.put(name, TensorType.of(t)));
        for (ValueInfoProto in : g.inputs) {
            int elemType = in.getType().getTensorType().getElemType();
            s.types.put(in.getName(), new TensorType(elemType, pins.value().get(in.getName())));
        }
        List<Problem> warnings = new ArrayList<>(pins.warnings());
        try (OrtSession.SessionOptions options = OrtRuntime.sessionOptions()) {
            // no optimization: fused or folded nodes would lose the outputs asked for
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            options.setIntraOpNumThreads(1);
            byte[] probe = probeModel(model, g, pins.value()).toByteArray();
            try (OrtSession session = OrtRuntime.environment().createSession(probe, options)) {
                Map<String, TensorInfo> open = s.readStatic(session.getOutputInfo());
                if (!open.isEmpty() && s.problems.isEmpty()) {
                    Set<String> inputs = g.inputs.stream().map(ValueInfoProto::getName).collect(Collectors.toSet());
                    s.readMeasured(open, ShapeRuns.measure(session, inputs, open.keySet()), warnings);
                }
            }
        } catch (OrtException e) {
            return Loaded.failed(List.of(new Problem("", "ONNX Runtime cannot infer the shapes for the inputs "
                    + InputShapes.describe(pins.value()) + ": " + e.getMessage()
                    + (pins.warnings().isEmpty() ? "" : "; give the real input size with --input-shape"))), warnings);
        }
        return s.problems.isEmpty() ? Loaded.ok(new Result(s.types, pins.value()), warnings)
                : Loaded.failed(s.problems, warnings);
    }

    /** Takes every complete static shape; returns the tensors whose shapes are still open. */
    private Map<String, TensorInfo> readStatic(Map<String, NodeInfo> outputs) {
        Map<String, TensorInfo> open = new LinkedHashMap<>();
        for (Map.Entry<String, NodeInfo> e : outputs.entrySet()) {
            String name = e.getKey();
            if (types.containsKey(name)) {
                continue;
            }
            if (!(e.getValue().getInfo() instanceof TensorInfo t)) {
                problem(name, "is not a tensor but a " + e.getValue().getInfo().getClass().getSimpleName()
                        + "; only tensors can be partitioned");
            } else if (TensorType.bytesPerElement(TensorType.fromRuntime(t.onnxType)) < 0) {
                problem(name, "has element type " + t.onnxType + ", whose size this SplitScope does not know");
            } else if (t.getShape().length == 0 || Arrays.stream(t.getShape()).anyMatch(d -> d < 0)) {
                open.put(name, t); // an empty shape is how the runtime reports an unknown rank
            } else {
                types.put(name, new TensorType(TensorType.fromRuntime(t.onnxType), t.getShape()));
            }
        }
        return open;
    }

    private void readMeasured(Map<String, TensorInfo> open, ShapeRuns.Measured m, List<Problem> warnings) {
        for (Map.Entry<String, TensorInfo> e : open.entrySet()) {
            long[] zeros = m.zeros().get(e.getKey());
            long[] ones = m.ones().get(e.getKey());
            if (!Arrays.equals(zeros, ones)) {
                problem(e.getKey(), "has a shape that depends on the input values (" + Arrays.toString(zeros)
                        + " for an input of zeros, " + Arrays.toString(ones) + " for ones); SplitScope needs shapes "
                        + "that follow from the input shape alone");
            } else {
                types.put(e.getKey(), new TensorType(TensorType.fromRuntime(e.getValue().onnxType), zeros));
            }
        }
        // the earliest in the file is the cause (a computed Reshape target); the rest follow from it
        String first = open.keySet().stream()
                .min(Comparator.comparing(t -> producer.getOrDefault(t, Integer.MAX_VALUE))).orElseThrow();
        warnings.add(new Problem(at(first), open.size() + " tensor shape" + (open.size() == 1 ? "" : "s")
                + " (the first: '" + first + "'" + writer(first) + ") depend on values computed in the graph, "
                + "which ONNX Runtime does not propagate; they were measured by running the model once"));
    }

    private void problem(String tensor, String message) {
        problems.add(new Problem(at(tensor), "'" + tensor + "'" + writer(tensor) + " " + message));
    }

    private String at(String tensor) {
        Integer node = producer.get(tensor);
        return node == null ? "graph.output" : "graph.node[" + node + "]";
    }

    private String writer(String tensor) {
        Integer node = producer.get(tensor);
        return node == null ? "" : " (written by " + OnnxGraph.describe(g.node(node)) + ")";
    }

    /**
     * The model with pinned inputs and every node output as an untyped graph output. Declared
     * output types and value_info are dropped: they hold the symbolic dimensions being replaced.
     */
    private static ModelProto probeModel(ModelProto model, OnnxGraph g, Map<String, long[]> pinned) {
        GraphProto.Builder graph = model.getGraph().toBuilder().clearValueInfo().clearOutput();
        for (int i = 0; i < graph.getInputCount(); i++) {
            long[] dims = pinned.get(graph.getInput(i).getName());
            if (dims != null) {
                graph.setInput(i, InputShapes.withDims(graph.getInput(i), dims));
            }
        }
        Set<String> outputs = new LinkedHashSet<>();
        model.getGraph().getOutputList().forEach(o -> outputs.add(o.getName()));
        for (NodeProto n : model.getGraph().getNodeList()) {
            for (String out : n.getOutputList()) {
                if (!out.isEmpty() && !g.weights.containsKey(out)) {
                    outputs.add(out);
                }
            }
        }
        outputs.forEach(name -> graph.addOutput(ValueInfoProto.newBuilder().setName(name)));
        return model.toBuilder().setGraph(graph).build();
    }
}
