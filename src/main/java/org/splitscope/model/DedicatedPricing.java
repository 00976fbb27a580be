package org.splitscope.model;

/** A dedicated machine; cost is charged on busy time ({@code usdPerHour / 3600 * busySeconds}). */
public record DedicatedPricing(double usdPerHour) implements Pricing {
    @Override
    public void validate(String path, Problems p) {
        p.inRange(usdPerHour, Ranges.USD_PER_HOUR, path + ".usdPerHour");
    }
}
