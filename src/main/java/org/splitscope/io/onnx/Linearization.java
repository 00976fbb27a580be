package org.splitscope.io.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;

/**
 * The compute nodes of a graph at positions 1..N of its topological order, with what the profile
 * needs at each position i:
 * <ul>
 *   <li>{@code cutBytes[i]}: the bytes of every tensor produced at or before i and read after i
 *       (the graph inputs are produced at 0, the graph outputs are read after N): what crosses
 *       the network if the model is cut right after i. {@code liveTensors[i]} counts them;</li>
 *   <li>{@code workingBytes[i]}: the tensors alive while node i runs, i.e. those alive before it
 *       plus its outputs (as in the zoo);</li>
 *   <li>{@code paramBytes[i]}: the weights node i is the first to read, directly or through
 *       folded nodes, so that every weight counts once;</li>
 *   <li>{@code flops[i]}: by {@link OpFlops}, 0 where there is no formula.</li>
 * </ul>
 * Weights never count as cut or working bytes: every stage holds its own. Running time
 * O(N + E) for E node inputs.
 */
final class Linearization {
    final int n;
    final NodeProto[] nodes;
    final double[] flops;
    final double[] paramBytes;
    final double[] cutBytes;
    final int[] liveTensors;
    final double[] workingBytes;
    /** Nodes with no FLOP formula. */
    final List<NodeRef> unknownFlops = new ArrayList<>();
    /** Bytes of weights that no compute node reads; they are counted in unit 1. */
    final double unusedWeightBytes;

    Linearization(OnnxGraph g, Map<String, TensorType> types) {
        n = g.computeNodes.size();
        nodes = new NodeProto[n + 1];
        flops = new double[n + 1];
        paramBytes = new double[n + 1];
        cutBytes = new double[n + 1];
        liveTensors = new int[n + 1];
        workingBytes = new double[n + 1];
        Map<String, Integer> produced = new HashMap<>();
        g.inputs.forEach(in -> produced.put(in.getName(), 0));
        for (int i = 1; i <= n; i++) {
            nodes[i] = g.node(g.computeNodes.get(i - 1));
            for (String out : nodes[i].getOutputList()) {
                if (!out.isEmpty()) {
                    produced.put(out, i);
                }
            }
            OptionalDouble f = OpFlops.of(nodes[i], types);
            flops[i] = f.orElse(0);
            if (f.isEmpty()) {
                unknownFlops.add(new NodeRef(OnnxGraph.displayName(nodes[i]), nodes[i].getOpType()));
            }
        }
        liveRanges(g, types, produced);
        unusedWeightBytes = attributeWeights(g);
        paramBytes[1] += unusedWeightBytes; // the importer rejects a graph without compute nodes
    }

    private void liveRanges(OnnxGraph g, Map<String, TensorType> types, Map<String, Integer> produced) {
        Map<String, Integer> lastRead = new HashMap<>();
        produced.forEach((t, p) -> lastRead.put(t, p)); // a tensor nobody reads dies where it is born
        for (int i = 1; i <= n; i++) {
            for (String in : nodes[i].getInputList()) {
                if (lastRead.containsKey(in)) {
                    lastRead.put(in, i); // positions only grow: the last reader wins
                }
            }
        }
        for (var out : g.graph.getOutputList()) {
            if (lastRead.containsKey(out.getName())) {
                lastRead.put(out.getName(), n + 1);
            }
        }
        double[] bytesDelta = new double[n + 2];
        int[] countDelta = new int[n + 2];
        for (Map.Entry<String, Integer> e : produced.entrySet()) {
            int from = e.getValue();
            int to = lastRead.get(e.getKey());
            if (to > from) {
                bytesDelta[from] += types.get(e.getKey()).bytes();
                bytesDelta[to] -= types.get(e.getKey()).bytes();
                countDelta[from]++;
                countDelta[to]--;
            }
        }
        double bytes = 0;
        int count = 0;
        for (int i = 0; i <= n; i++) {
            bytes += bytesDelta[i];
            count += countDelta[i];
            cutBytes[i] = bytes;
            liveTensors[i] = count;
        }
        for (int i = 1; i <= n; i++) {
            double outputs = 0;
            for (String out : nodes[i].getOutputList()) {
                outputs += out.isEmpty() ? 0 : types.get(out).bytes();
            }
            workingBytes[i] = cutBytes[i - 1] + outputs;
        }
    }

    /** Gives each weight to the first compute node that needs it; returns the bytes nobody needs. */
    private double attributeWeights(OnnxGraph g) {
        Map<String, NodeProto> foldedProducer = new HashMap<>();
        for (NodeProto node : g.graph.getNodeList()) {
            for (String out : node.getOutputList()) {
                if (g.staticTensors.contains(out) && !g.weights.containsKey(out)) {
                    foldedProducer.put(out, node);
                }
            }
        }
        Set<String> claimed = new HashSet<>();
        for (int i = 1; i <= n; i++) {
            for (String in : nodes[i].getInputList()) {
                paramBytes[i] += claim(in, g, foldedProducer, claimed);
            }
        }
        double unused = 0;
        for (Map.Entry<String, TensorProto> w : g.weights.entrySet()) {
            if (!claimed.contains(w.getKey())) {
                unused += TensorType.of(w.getValue()).bytes();
            }
        }
        return unused;
    }

    private static double claim(String tensor, OnnxGraph g, Map<String, NodeProto> foldedProducer, Set<String> claimed) {
        if (!g.staticTensors.contains(tensor) || !claimed.add(tensor)) {
            return 0;
        }
        if (g.weights.containsKey(tensor)) {
            return TensorType.of(g.weights.get(tensor)).bytes();
        }
        double bytes = 0;
        NodeProto folded = foldedProducer.get(tensor);
        for (String in : folded.getInputList()) {
            bytes += claim(in, g, foldedProducer, claimed);
        }
        return bytes;
    }
}
