package org.splitscope.model;

/**
 * A serverless function (MOPAR). Compute speed scales linearly with memory: the node's
 * {@code flopsPerSecond} is its speed at {@value #REFERENCE_MB} MB (one AWS Lambda vCPU).
 */
public record ServerlessPricing(double usdPerGBSecond,
                                double usdPerRequest,
                                double memoryGB,
                                double billingGranularitySeconds,
                                @OptionalField Double coldStartSeconds,
                                @OptionalField Double coldStartProbability) implements Pricing {
    public static final double REFERENCE_MB = 1769;

    public ServerlessPricing {
        coldStartSeconds = coldStartSeconds == null ? 0.0 : coldStartSeconds;
        coldStartProbability = coldStartProbability == null ? 0.0 : coldStartProbability;
    }

    /** Factor applied to the node's FLOP rate at this memory size. */
    public double speedFactor() {
        return memoryGB * 1000 / REFERENCE_MB;
    }

    /** Billed seconds for a duration: rounded up to the granularity (none when it is 0). */
    public double billed(double seconds) {
        if (billingGranularitySeconds <= 0) {
            return seconds;
        }
        // a relative nudge keeps 0.3 / 0.1 from billing four steps
        double steps = Math.ceil(seconds / billingGranularitySeconds - 1e-9);
        return Math.max(0, steps) * billingGranularitySeconds;
    }

    @Override
    public void validate(String path, Problems p) {
        p.inRange(usdPerGBSecond, Ranges.USD_PER_GB_SECOND, path + ".usdPerGBSecond");
        p.inRange(usdPerRequest, Ranges.USD_PER_REQUEST, path + ".usdPerRequest");
        p.inRange(memoryGB, Ranges.MEMORY_GB, path + ".memoryGB");
        p.inRange(billingGranularitySeconds, Ranges.BILLING_GRANULARITY, path + ".billingGranularitySeconds");
        p.inRange(coldStartSeconds, Ranges.SECONDS, path + ".coldStartSeconds");
        p.unitInterval(coldStartProbability, path + ".coldStartProbability");
    }
}
