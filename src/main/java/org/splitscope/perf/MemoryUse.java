package org.splitscope.perf;

/**
 * Memory a plan needs on one node: parameters of its units and heads plus the largest working set.
 *
 * @param capacityBytes {@code null} when the node's memory is unlimited
 * @param overflowBytes how much does not fit (0 when it fits)
 */
public record MemoryUse(String node, double paramBytes, double workingBytes, Double capacityBytes,
                        double overflowBytes) {
    public double requiredBytes() {
        return paramBytes + workingBytes;
    }

    public boolean fits() {
        return overflowBytes <= 0;
    }
}
