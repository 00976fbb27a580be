package org.splitscope.io.onnx;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;

/**
 * Groups the linearized nodes into profile units.
 * <ul>
 *   <li>{@link Granularity#LAYERS}: one unit per compute node, trivial shape operators included
 *       (they are cheap but real cut points: DNNSplit decides, not the importer). Its kind is
 *       the operator type.</li>
 *   <li>{@link Granularity#BLOCKS}: one unit per segment between single-tensor cut points, the
 *       positions where exactly one tensor is alive: a cut there sends one tensor, inside a
 *       block it would send several (a skip connection and the branch beside it). Its kind is
 *       the operator type with the most FLOPs in the block, its name "first .. last" node.</li>
 * </ul>
 * A unit's cut bytes are those after its last node; its working bytes the largest of its nodes'.
 */
final class UnitGrouping {
    record Grouped(List<Unit> units, List<List<String>> nodeNames) {
    }

    private UnitGrouping() {
    }

    static Grouped group(Linearization l, Granularity granularity) {
        List<Unit> units = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        int first = 1;
        for (int i = 1; i <= l.n; i++) {
            boolean ends = granularity == Granularity.LAYERS || i == l.n || l.liveTensors[i] == 1;
            if (ends) {
                List<String> members = new ArrayList<>();
                for (int k = first; k <= i; k++) {
                    members.add(OnnxGraph.displayName(l.nodes[k]));
                }
                units.add(unit(l, first, i, members));
                names.add(List.copyOf(members));
                first = i + 1;
            }
        }
        return new Grouped(List.copyOf(units), List.copyOf(names));
    }

    private static Unit unit(Linearization l, int first, int last, List<String> members) {
        double flops = 0;
        double params = 0;
        double working = 0;
        int heaviest = first;
        for (int k = first; k <= last; k++) {
            flops += l.flops[k];
            params += l.paramBytes[k];
            working = Math.max(working, l.workingBytes[k]);
            if (l.flops[k] > l.flops[heaviest]) {
                heaviest = k;
            }
        }
        String name = OnnxGraph.displayName(l.nodes[first])
                + (first == last ? "" : " .. " + OnnxGraph.displayName(l.nodes[last]));
        return new Unit(name, l.nodes[heaviest].getOpType(), flops, params, l.cutBytes[last], null, working, members);
    }
}
