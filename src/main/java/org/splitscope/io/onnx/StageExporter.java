package org.splitscope.io.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;
import org.splitscope.io.onnx.proto.Onnx.ValueInfoProto;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Problems;
import org.splitscope.zoo.Granularity;

/**
 * Cuts an ONNX model into one self-contained sub-model per stage of a plan, the deployable form
 * of a partitioning (Neurosurgeon, DNNSplit and PORTEND all deploy a model as such pieces).
 *
 * <p>The model is imported again with the options its profile was made with ({@link OnnxImporter}),
 * so that unit k means the same nodes here as in the profile; when the scenario's profile is given,
 * its unit count and names must match. A stage's file holds:
 * <ul>
 *   <li>its compute nodes in the profile's order, preceded by the Constant and weight-only nodes
 *       they need (each stage holds its own copy of what it reads: weights never cross a cut);</li>
 *   <li>the initializers those nodes read, and nothing else;</li>
 *   <li>graph inputs: the tensors produced by an earlier stage (or the request) that it reads;</li>
 *   <li>graph outputs: the tensors it produces that a later stage or the model's result reads;</li>
 *   <li>static types and shapes (for the pinned inputs) of every tensor it computes, so that the
 *       file is valid on its own; IR version, opsets and model-local functions are kept.</li>
 * </ul>
 * Partial models (a plan ending at an exit) are refused: the exit heads are not in the ONNX file.
 * Running time O(V + E + W) for V nodes, E node inputs and W bytes of weights, besides the import.
 */
public final class StageExporter {
    private final OnnxImporter.Analysis a;
    private final ImportOptions options;
    private final String modelName;
    private final OnnxGraph g;
    /** The position (1..N) of every compute node's outputs, and 0 for the model's inputs. */
    private final Map<String, Integer> producedAt = new HashMap<>();
    /** The Constant or weight-only node that writes each static tensor. */
    private final Map<String, Integer> staticProducer = new HashMap<>();
    private final Map<String, TensorProto> initializers = new HashMap<>();
    private final Map<String, ValueInfoProto> initializerInputs = new HashMap<>();

    private StageExporter(OnnxImporter.Analysis a, ImportOptions options, String modelName) {
        this.a = a;
        this.options = options;
        this.modelName = modelName;
        this.g = a.graph();
        g.inputs.forEach(in -> producedAt.put(in.getName(), 0));
        for (int pos = 1; pos <= g.computeNodes.size(); pos++) {
            for (String out : g.node(g.computeNodes.get(pos - 1)).getOutputList()) {
                if (!out.isEmpty()) {
                    producedAt.put(out, pos);
                }
            }
        }
        for (int i = 0; i < g.graph.getNodeCount(); i++) {
            for (String out : g.node(i).getOutputList()) {
                if (g.staticTensors.contains(out)) {
                    staticProducer.put(out, i);
                }
            }
        }
        g.graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
        // before IR version 4 an initializer had to be listed as an input too; keep that where the file does
        g.graph.getInputList().stream().filter(in -> initializers.containsKey(in.getName()))
                .forEach(in -> initializerInputs.put(in.getName(), in));
    }

    /** Imports the model once, for exporting any number of plans; the problems of the import otherwise. */
    public static Loaded<StageExporter> open(Path file, ImportOptions options) {
        Loaded<OnnxImporter.Analysis> analysis = OnnxImporter.analyze(file, options);
        return analysis.isOk()
                ? Loaded.ok(new StageExporter(analysis.value(), options, file.getFileName().toString()), analysis.warnings())
                : Loaded.failed(analysis.problems(), analysis.warnings());
    }

    /** {@link #open} and {@link #export(ModelProfile, Plan)} in one. */
    public static Loaded<StageExport> export(Path file, ImportOptions options, ModelProfile expected, Plan plan) {
        Loaded<StageExporter> exporter = open(file, options);
        if (!exporter.isOk()) {
            return Loaded.failed(exporter.problems(), exporter.warnings());
        }
        Loaded<StageExport> export = exporter.value().export(expected, plan);
        List<Problem> warnings = new ArrayList<>(exporter.warnings());
        warnings.addAll(export.warnings());
        return export.isOk() ? Loaded.ok(export.value(), warnings) : Loaded.failed(export.problems(), warnings);
    }

    /** The profile this import gives: the units that a plan's unit numbers refer to. */
    public ModelProfile profile() {
        return a.imported().profile();
    }

    /**
     * The stage files and manifest for a plan, in memory; nothing is written.
     *
     * @param expected the scenario's profile, whose units must be those of this import, or
     *                 {@code null} to take the plan's unit numbers as they are
     */
    public Loaded<StageExport> export(ModelProfile expected, Plan plan) {
        if (plan.terminalExit() != null) {
            return Loaded.failed("plan.terminalExit", "the plan ends at exit '" + plan.terminalExit()
                    + "' (a partial model); exit heads are not part of the ONNX file, so only plans that run "
                    + "the whole model can be exported");
        }
        List<Problem> warnings = new ArrayList<>();
        Problems p = new Problems();
        if (expected != null) {
            ExportChecks.matchProfile(expected, profile(), options, a.imported().report().inputShapes(), p);
        }
        if (p.isEmpty()) {
            ExportChecks.checkStages(plan, profile().unitCount(), p);
        }
        if (!p.isEmpty()) {
            return Loaded.failed(p.list(), warnings);
        }
        if (!plan.exits().isEmpty()) {
            warnings.add(new Problem("plan.exits", "the plan enables " + plan.exits().size() + " exit(s); exit heads "
                    + "are not in the ONNX file, so the stage files hold the backbone only"));
        }
        return build(plan, warnings);
    }

    private Loaded<StageExport> build(Plan plan, List<Problem> warnings) {
        int stageCount = plan.stages().size();
        int[] stageAt = stageOfPositions(plan);
        Problems p = new Problems();
        Set<String> modelOutputs = new LinkedHashSet<>();
        for (int i = 0; i < g.graph.getOutputCount(); i++) {
            String out = g.graph.getOutput(i).getName();
            modelOutputs.add(out);
            if (producedAt.getOrDefault(out, 0) == 0) {
                p.add("graph.output[" + i + "]", "the model output '" + out + "' is " + (producedAt.containsKey(out)
                        ? "one of its inputs" : "computed from weights alone") + ", not by a stage; such a model cannot be exported");
            }
        }
        if (!p.isEmpty()) {
            return Loaded.failed(p.list(), warnings);
        }
        Map<String, Integer> from = new HashMap<>();
        producedAt.forEach((t, pos) -> from.put(t, stageAt[pos]));
        Map<String, TreeSet<Integer>> readers = new HashMap<>();
        for (int pos = 1; pos < stageAt.length; pos++) {
            for (String in : g.node(g.computeNodes.get(pos - 1)).getInputList()) {
                if (from.containsKey(in) && from.get(in) != stageAt[pos]) {
                    readers.computeIfAbsent(in, t -> new TreeSet<>()).add(stageAt[pos]);
                }
            }
        }
        List<StageExport.Stage> stages = new ArrayList<>();
        int pos = 1;
        for (int k = 1; k <= stageCount; k++) {
            int first = pos;
            while (pos < stageAt.length && stageAt[pos] == k) {
                pos++;
            }
            stages.add(stage(k, plan, first, pos - 1, readers, modelOutputs, from));
        }
        List<ExportManifest.Transfer> transfers = new ArrayList<>();
        for (String t : transferOrder(stages)) {
            TensorType type = a.types().get(t);
            transfers.add(new ExportManifest.Transfer(t, from.get(t), List.copyOf(readers.getOrDefault(t, new TreeSet<>())),
                    modelOutputs.contains(t), TensorProto.DataType.forNumber(type.elemType()).name(),
                    java.util.Arrays.stream(type.dims()).boxed().toList(), type.bytes()));
        }
        Map<String, List<Long>> shapes = new HashMap<>();
        a.imported().report().inputShapes().forEach((n, d) -> shapes.put(n, java.util.Arrays.stream(d).boxed().toList()));
        ExportManifest manifest = new ExportManifest(ExportManifest.FORMAT_VERSION, modelName,
                options.units() == Granularity.LAYERS ? "layers" : "blocks", shapes,
                g.inputs.stream().map(ValueInfoProto::getName).toList(), List.copyOf(modelOutputs),
                stages.stream().map(StageExport.Stage::file).toList(), transfers);
        return Loaded.ok(new StageExport(manifest, stages.stream().map(StageExport.Stage::model).toList()), warnings);
    }

    /** For positions 0..N, the stage that runs each (0 for the request's inputs). */
    private int[] stageOfPositions(Plan plan) {
        List<List<String>> unitNodes = a.imported().report().unitNodes();
        int[] stageAt = new int[g.computeNodes.size() + 1];
        int pos = 1;
        for (int k = 0; k < plan.stages().size(); k++) {
            for (int u = plan.stages().get(k).firstUnit(); u <= plan.stages().get(k).lastUnit(); u++) {
                for (int i = 0; i < unitNodes.get(u - 1).size(); i++) {
                    stageAt[pos++] = k + 1;
                }
            }
        }
        return stageAt;
    }

    /** Model inputs first, then in the order the stages compute them. */
    private List<String> transferOrder(List<StageExport.Stage> stages) {
        Set<String> order = new LinkedHashSet<>();
        stages.forEach(s -> s.file().inputs().stream().filter(t -> producedAt.get(t) == 0).forEach(order::add));
        stages.forEach(s -> order.addAll(s.file().outputs()));
        return List.copyOf(order);
    }

    private StageExport.Stage stage(int k, Plan plan, int first, int last, Map<String, TreeSet<Integer>> readers,
                                    Set<String> modelOutputs, Map<String, Integer> from) {
        List<Integer> support = new ArrayList<>();
        Set<Integer> included = new HashSet<>();
        Set<String> inputs = new LinkedHashSet<>();
        Set<String> produced = new LinkedHashSet<>();
        for (int pos = first; pos <= last; pos++) {
            NodeProto n = g.node(g.computeNodes.get(pos - 1));
            for (String in : n.getInputList()) {
                if (g.staticTensors.contains(in)) {
                    addSupport(in, included, support);
                } else if (from.containsKey(in) && from.get(in) != k) {
                    inputs.add(in);
                }
            }
            n.getOutputList().stream().filter(out -> !out.isEmpty()).forEach(produced::add);
        }
        GraphProto.Builder graph = GraphProto.newBuilder()
                .setName((g.graph.getName().isEmpty() ? "graph" : g.graph.getName()) + "_stage" + k);
        Set<String> weights = new LinkedHashSet<>();
        support.forEach(i -> graph.addNode(g.node(i)));
        for (int pos = first; pos <= last; pos++) {
            graph.addNode(g.node(g.computeNodes.get(pos - 1)));
        }
        graph.getNodeList().forEach(n -> n.getInputList().stream().filter(initializers::containsKey).forEach(weights::add));
        inputs.forEach(t -> graph.addInput(valueInfo(t)));
        weights.forEach(w -> {
            graph.addInitializer(initializers.get(w));
            if (initializerInputs.containsKey(w)) {
                graph.addInput(initializerInputs.get(w));
            }
        });
        List<String> outputs = produced.stream().filter(t -> readers.containsKey(t) || modelOutputs.contains(t)).toList();
        outputs.forEach(t -> graph.addOutput(valueInfo(t)));
        produced.stream().filter(t -> !outputs.contains(t)).forEach(t -> graph.addValueInfo(valueInfo(t)));
        ModelProto model = a.model().toBuilder().setGraph(graph).build();
        var s = plan.stages().get(k - 1);
        ExportManifest.StageFile file = new ExportManifest.StageFile(k, s.firstUnit(), s.lastUnit(), s.node(),
                "stage-" + k + ".onnx", graph.getNodeCount(), List.copyOf(inputs), outputs);
        return new StageExport.Stage(file, model);
    }

    /** Adds the node that writes a static tensor after the nodes it needs (depth first: a valid order). */
    private void addSupport(String tensor, Set<Integer> included, List<Integer> order) {
        Integer node = staticProducer.get(tensor);
        if (node == null || !included.add(node)) {
            return; // an initializer, or a node already added
        }
        for (String in : g.node(node).getInputList()) {
            addSupport(in, included, order);
        }
        order.add(node);
    }

    private ValueInfoProto valueInfo(String tensor) {
        TensorType t = a.types().get(tensor);
        return InputShapes.withDims(ValueInfoProto.newBuilder().setName(tensor)
                .setType(org.splitscope.io.onnx.proto.Onnx.TypeProto.newBuilder().setTensorType(
                        org.splitscope.io.onnx.proto.Onnx.TypeProto.Tensor.newBuilder().setElemType(t.elemType())))
                .build(), t.dims());
    }
}
