package org.splitscope.io.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.AttributeProto;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;
import org.splitscope.io.onnx.proto.Onnx.ValueInfoProto;
import org.splitscope.model.Problems;

/**
 * The structure of an ONNX graph as SplitScope partitions it: the nodes in a topological order,
 * which tensors are weights, and which nodes compute per request.
 *
 * <ul>
 *   <li>Weights: initializers and the outputs of {@code Constant} nodes (exporters such as
 *       paddle2onnx store every weight that way).</li>
 *   <li>Folded nodes: nodes whose inputs are all weights. A runtime computes them once at load
 *       time, so they are neither units nor cut tensors.</li>
 *   <li>Compute nodes: all others, in a stable topological order (the file's order where it is
 *       already topological): position 1..N of the linearized model.</li>
 * </ul>
 * Control flow (nodes with subgraph attributes), dangling inputs and cycles are rejected with the
 * node they concern. Running time O(V log V + E) for V nodes and E node inputs.
 */
final class OnnxGraph {
    final GraphProto graph;
    /** Graph inputs that are not initializers: what a request supplies. */
    final List<ValueInfoProto> inputs = new ArrayList<>();
    /** Weight tensors by name: initializers and Constant values. */
    final Map<String, TensorProto> weights = new HashMap<>();
    /** Tensors known without any request: weights and the outputs of folded nodes. */
    final Set<String> staticTensors = new HashSet<>();
    /** Indices into {@code graph.node} of the compute nodes, in topological order. */
    final List<Integer> computeNodes = new ArrayList<>();
    int constantNodes;
    int foldedNodes;

    private OnnxGraph(GraphProto graph) {
        this.graph = graph;
    }

    static Loaded<OnnxGraph> of(GraphProto graph) {
        OnnxGraph g = new OnnxGraph(graph);
        Problems p = new Problems();
        Map<String, Integer> producer = g.index(p);
        if (!p.isEmpty()) {
            return Loaded.failed(p.list(), List.of());
        }
        List<Integer> order = g.topologicalOrder(producer, p);
        if (!p.isEmpty()) {
            return Loaded.failed(p.list(), List.of());
        }
        g.classify(order);
        if (g.inputs.isEmpty()) {
            return Loaded.failed("graph.input",
                    "the graph has no inputs besides its weights: there is no request to partition");
        }
        return Loaded.ok(g, List.of());
    }

    /** The node's name, or a name made from its type and first output when the file gives none. */
    static String displayName(NodeProto n) {
        if (!n.getName().isBlank()) {
            return n.getName();
        }
        return n.getOpType() + (n.getOutputCount() > 0 ? ":" + n.getOutput(0) : "");
    }

    static String describe(NodeProto n) {
        return "node '" + displayName(n) + "' (" + n.getOpType() + ")";
    }

    NodeProto node(int index) {
        return graph.getNode(index);
    }

    /** Records weights and inputs; returns the producing node of every node output. */
    private Map<String, Integer> index(Problems p) {
        Set<String> available = new HashSet<>();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto t = graph.getInitializer(i);
            weights.put(t.getName(), t);
            available.add(t.getName());
            knownType(t, "graph.initializer[" + i + "]", "initializer '" + t.getName() + "'", p);
        }
        for (ValueInfoProto in : graph.getInputList()) {
            if (!weights.containsKey(in.getName())) {
                inputs.add(in);
                available.add(in.getName());
            }
        }
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto n = graph.getNode(i);
            String at = "graph.node[" + i + "]";
            for (AttributeProto a : n.getAttributeList()) {
                if (a.hasG() || a.getGraphsCount() > 0) {
                    p.add(at, describe(n) + " has a subgraph (attribute '" + a.getName() + "'): control flow "
                            + "(If, Loop, Scan) cannot be partitioned; export the model with it unrolled or removed");
                }
            }
            if (isConstant(n)) {
                TensorProto value = ConstantValue.of(n);
                if (value == null || n.getOutputCount() != 1) {
                    p.add(at, describe(n) + " has no value SplitScope can read (one output and a 'value', "
                            + "'value_float(s)', 'value_int(s)' or 'value_string(s)' attribute)");
                } else {
                    weights.put(n.getOutput(0), value);
                    knownType(value, at, "the value of " + describe(n), p);
                }
            }
            for (String out : n.getOutputList()) {
                if (out.isEmpty()) {
                    continue;
                }
                if (available.contains(out) || producer.putIfAbsent(out, i) != null) {
                    p.add(at, describe(n) + " writes '" + out + "', which another node, input or initializer also defines");
                }
            }
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto n = graph.getNode(i);
            for (String in : n.getInputList()) {
                if (!in.isEmpty() && !available.contains(in) && !producer.containsKey(in)) {
                    p.add("graph.node[" + i + "]", describe(n) + " reads '" + in
                            + "', which no node, graph input or initializer provides");
                }
            }
        }
        for (int i = 0; i < graph.getOutputCount(); i++) {
            String out = graph.getOutput(i).getName();
            if (!available.contains(out) && !producer.containsKey(out)) {
                p.add("graph.output[" + i + "]", "the graph output '" + out + "' is computed by no node");
            }
        }
        return producer;
    }

    /** Kahn's algorithm, always taking the earliest ready node in file order. */
    private List<Integer> topologicalOrder(Map<String, Integer> producer, Problems p) {
        int n = graph.getNodeCount();
        int[] waiting = new int[n];
        List<List<Integer>> next = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            next.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (String in : graph.getNode(i).getInputList()) {
                Integer from = producer.get(in);
                if (from != null) {
                    waiting[i]++;
                    next.get(from).add(i);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(i);
            for (int j : next.get(i)) {
                if (--waiting[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (order.size() < n) {
            int on = nodeOnCycle(waiting, producer);
            p.add("graph.node[" + on + "]", describe(graph.getNode(on)) + " is on a cycle: the graph is not a DAG");
        }
        return order;
    }

    /**
     * A node on a cycle, given the nodes Kahn's algorithm could not order: walking back from any
     * of them through unordered producers must come round to a node seen before.
     */
    private int nodeOnCycle(int[] waiting, Map<String, Integer> producer) {
        int at = 0;
        while (waiting[at] == 0) {
            at++;
        }
        Set<Integer> seen = new HashSet<>();
        while (seen.add(at)) {
            for (String in : graph.getNode(at).getInputList()) {
                Integer from = producer.get(in);
                if (from != null && waiting[from] > 0) {
                    at = from;
                    break;
                }
            }
        }
        return at;
    }

    private void classify(List<Integer> order) {
        staticTensors.addAll(weights.keySet());
        for (int i : order) {
            NodeProto n = graph.getNode(i);
            if (isConstant(n)) {
                constantNodes++;
            } else if (readsOnlyWeights(n)) {
                foldedNodes++;
                staticTensors.addAll(n.getOutputList());
            } else {
                computeNodes.add(i);
            }
        }
    }

    private static void knownType(TensorProto t, String at, String what, Problems p) {
        if (TensorType.bytesPerElement(t.getDataType()) < 0) {
            p.add(at, what + " has data type " + t.getDataType() + ", which this SplitScope does not know");
        }
    }

    private static boolean isConstant(NodeProto n) {
        return n.getOpType().equals("Constant") && (n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx"));
    }

    private boolean readsOnlyWeights(NodeProto n) {
        boolean any = false;
        for (String in : n.getInputList()) {
            if (in.isEmpty()) {
                continue;
            }
            if (!staticTensors.contains(in)) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
