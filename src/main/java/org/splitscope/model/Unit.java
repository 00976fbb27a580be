package org.splitscope.model;

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
 */
public record Unit(String name,
                   @OptionalField String kind,
                   double flops,
                   double paramBytes,
                   double cutBytes,
                   @OptionalField Map<String, Double> latencySeconds,
                   @OptionalField Double workingBytes) {
    public Unit {
        kind = kind == null ? "layer" : kind;
        latencySeconds = latencySeconds == null ? Map.of() : Map.copyOf(latencySeconds);
        workingBytes = workingBytes == null ? 0.0 : workingBytes;
    }

    public Unit(String name, String kind, double flops, double paramBytes, double cutBytes) {
        this(name, kind, flops, paramBytes, cutBytes, null, null);
    }

    void validate(String path, Problems p) {
        p.notBlank(name, path + ".name");
        p.nonNegative(flops, path + ".flops");
        p.nonNegative(paramBytes, path + ".paramBytes");
        p.nonNegative(cutBytes, path + ".cutBytes");
        p.nonNegative(workingBytes, path + ".workingBytes");
        latencySeconds.forEach((cls, s) -> p.nonNegative(s, path + ".latencySeconds." + cls));
    }
}
