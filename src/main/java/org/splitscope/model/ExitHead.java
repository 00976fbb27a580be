package org.splitscope.model;

import java.util.Map;

/**
 * A candidate early-exit classifier attached after a unit.
 *
 * @param afterUnit the 1-based number of the unit it attaches after
 */
public record ExitHead(String id,
                       int afterUnit,
                       double flops,
                       double paramBytes,
                       @OptionalField Map<String, Double> latencySeconds,
                       @OptionalField Double workingBytes) {
    public ExitHead {
        latencySeconds = latencySeconds == null ? Map.of() : Map.copyOf(latencySeconds);
        workingBytes = workingBytes == null ? 0.0 : workingBytes;
    }

    public ExitHead(String id, int afterUnit, double flops, double paramBytes) {
        this(id, afterUnit, flops, paramBytes, null, null);
    }

    void validate(String path, int unitCount, Problems p) {
        p.notBlank(id, path + ".id");
        if (afterUnit < 1 || afterUnit >= unitCount) {
            p.add(path + ".afterUnit", "must name a unit from 1 to " + (unitCount - 1)
                    + " (an exit after the last unit is the final classifier), got " + afterUnit);
        }
        p.inRange(flops, Ranges.FLOPS, path + ".flops");
        p.inRange(paramBytes, Ranges.BYTES, path + ".paramBytes");
        p.inRange(workingBytes, Ranges.BYTES, path + ".workingBytes");
        latencySeconds.forEach((cls, s) -> p.inRange(s, Ranges.SECONDS, path + ".latencySeconds." + cls));
    }
}
