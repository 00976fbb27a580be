package org.splitscope.io.onnx;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an ONNX import found besides the profile.
 *
 * @param nodeCount        every node of the graph
 * @param constantNodes    {@code Constant} nodes (weights, not units)
 * @param foldedNodes      nodes that read only weights (computed once at load time, not units)
 * @param inputShapes      the input shapes the profile is for, by input name
 * @param unknownFlops     compute nodes with no FLOP formula: their units count 0 FLOPs for them
 * @param unitNodes        for each unit, in order, the names of the nodes it holds
 * @param weightBytes      bytes of all initializers and Constant values (the profile's parameters)
 */
public record ImportReport(int nodeCount, int constantNodes, int foldedNodes, Map<String, long[]> inputShapes,
                           List<NodeRef> unknownFlops, List<List<String>> unitNodes, double weightBytes) {
    public ImportReport {
        inputShapes = Map.copyOf(inputShapes);
        unknownFlops = List.copyOf(unknownFlops);
        unitNodes = List.copyOf(unitNodes);
    }

    /** How many nodes of each operator type have no FLOP formula, by type. */
    public Map<String, Integer> unknownFlopOps() {
        Map<String, Integer> counts = new TreeMap<>();
        unknownFlops.forEach(n -> counts.merge(n.opType(), 1, Integer::sum));
        return counts;
    }
}
