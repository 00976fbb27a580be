package org.splitscope.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A place that runs stages: an end device (tier 0), an edge server, a cloud server or a
 * serverless function.
 *
 * @param flopsPerSecond effective FLOP/s (for serverless: at 1,769 MB)
 * @param memoryBytes    capacity for parameters and working sets; absent means unlimited
 *                       (serverless functions use their memory size instead)
 * @param concurrency    requests served in parallel
 * @param watts          active power, for energy per inference on tier-0 nodes
 */
public record Node(String id,
                   @OptionalField String name,
                   int tier,
                   String deviceClass,
                   double flopsPerSecond,
                   @OptionalField Double memoryBytes,
                   @OptionalField Integer concurrency,
                   @OptionalField Pricing pricing,
                   @OptionalField Double watts) {
    public Node {
        name = name == null ? id : name;
        concurrency = concurrency == null ? 1 : concurrency;
    }

    public Node(String id, int tier, String deviceClass, double flopsPerSecond) {
        this(id, null, tier, deviceClass, flopsPerSecond, null, null, null, null);
    }

    @JsonIgnore
    public boolean isServerless() {
        return pricing instanceof ServerlessPricing;
    }

    /** FLOP/s this node actually delivers (serverless speed scales with memory). */
    public double effectiveFlopsPerSecond() {
        return pricing instanceof ServerlessPricing s ? flopsPerSecond * s.speedFactor() : flopsPerSecond;
    }

    /** Memory capacity in bytes, or {@code null} for unlimited. */
    public Double memoryCapacityBytes() {
        return pricing instanceof ServerlessPricing s ? s.memoryGB() * 1e9 : memoryBytes;
    }

    public Node withFlopsPerSecond(double rate) {
        return new Node(id, name, tier, deviceClass, rate, memoryBytes, concurrency, pricing, watts);
    }

    public Node withName(String newName) {
        return new Node(id, newName, tier, deviceClass, flopsPerSecond, memoryBytes, concurrency, pricing, watts);
    }

    public Node withTier(int newTier) {
        return new Node(id, name, newTier, deviceClass, flopsPerSecond, memoryBytes, concurrency, pricing, watts);
    }

    public Node withDeviceClass(String newClass) {
        return new Node(id, name, tier, newClass, flopsPerSecond, memoryBytes, concurrency, pricing, watts);
    }

    public Node withMemoryBytes(Double newMemory) {
        return new Node(id, name, tier, deviceClass, flopsPerSecond, newMemory, concurrency, pricing, watts);
    }

    public Node withConcurrency(int newConcurrency) {
        return new Node(id, name, tier, deviceClass, flopsPerSecond, memoryBytes, newConcurrency, pricing, watts);
    }

    public Node withWatts(Double newWatts) {
        return new Node(id, name, tier, deviceClass, flopsPerSecond, memoryBytes, concurrency, pricing, newWatts);
    }

    public Node withPricing(Pricing newPricing) {
        return new Node(id, name, tier, deviceClass, flopsPerSecond, memoryBytes, concurrency, newPricing, watts);
    }

    void validate(String path, Problems p) {
        p.notBlank(id, path + ".id");
        p.notBlank(deviceClass, path + ".deviceClass");
        if (tier < 0) {
            p.add(path + ".tier", "must be >= 0 (0 is the end device), got " + tier);
        } else {
            p.inRange(tier, 0, Ranges.MAX_TIER, path + ".tier");
        }
        p.inRange(flopsPerSecond, Ranges.FLOP_RATE, path + ".flopsPerSecond");
        if (memoryBytes != null) {
            p.inRange(memoryBytes, Ranges.MEMORY_BYTES, path + ".memoryBytes");
        }
        if (concurrency < 1) {
            p.add(path + ".concurrency", "must be >= 1, got " + concurrency);
        } else {
            p.inRange(concurrency, 1, Ranges.MAX_CONCURRENCY, path + ".concurrency");
        }
        if (pricing != null) {
            pricing.validate(path + ".pricing", p);
        }
        if (watts != null) {
            p.inRange(watts, Ranges.WATTS, path + ".watts");
        }
    }
}
