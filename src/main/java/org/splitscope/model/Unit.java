package org.splitscope.model;

import java.util.List;
import java.util.Map;

/**
 * One layer or block of a model, in topological order.
 *
 * @param flops          floating-point operations of one forward pass of this unit
 * @param paramBytes     bytes of its weights
 * @param cutBytes       bytes that cross the network if the model is cut right after this unit
 *                       (for a DAG: every tensor produced at or before it and consumed after it)
 * @param latencySeconds measured seconds per device class; overrides the FLOP estimate there
 * @param workingBytes   peak activation memory while the unit runs
 * @param nodes          names of the ONNX graph nodes the unit holds, in order (written by the
 *                       ONNX importer; what measurement files are mapped onto); empty when the
 *                       profile did not come from a graph
 */
public record Unit(String name,
                   @OptionalField String kind,
                   double flops,
                   double paramBytes,
                   double cutBytes,
                   @OptionalField Map<String, Double> latencySeconds,
                   @OptionalField Double workingBytes,
                   @OptionalField List<String> nodes) {
    public Unit {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        kind = kind == null ? "layer" : kind;
        latencySeconds = latencySeconds == null ? Map.of() : Map.copyOf(latencySeconds);
        workingBytes = workingBytes == null ? 0.0 : workingBytes;
    }

    public Unit(String name, String kind, double flops, double paramBytes, double cutBytes) {
        this(name, kind, flops, paramBytes, cutBytes, null, null, null);
    }

    public Unit(String name, String kind, double flops, double paramBytes, double cutBytes,
                Map<String, Double> latencySeconds, Double workingBytes) {
        this(name, kind, flops, paramBytes, cutBytes, latencySeconds, workingBytes, null);
    }

    public Unit withLatencySeconds(Map<String, Double> newLatency) {
        return new Unit(name, kind, flops, paramBytes, cutBytes, newLatency, workingBytes, nodes);
    }

    void validate(String path, Problems p) {
        p.notBlank(name, path + ".name");
        p.inRange(flops, Ranges.FLOPS, path + ".flops");
        p.inRange(paramBytes, Ranges.BYTES, path + ".paramBytes");
        p.inRange(cutBytes, Ranges.BYTES, path + ".cutBytes");
        p.inRange(workingBytes, Ranges.BYTES, path + ".workingBytes");
        latencySeconds.forEach((cls, s) -> p.inRange(s, Ranges.SECONDS, path + ".latencySeconds." + cls));
        for (int i = 0; i < nodes.size(); i++) {
            p.notBlank(nodes.get(i), path + ".nodes[" + i + "]");
        }
    }
}
