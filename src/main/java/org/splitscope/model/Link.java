package org.splitscope.model;

/**
 * A network link; bidirectional unless one-way, and one busy resource for both directions.
 *
 * @param bandwidthBps   bits per second
 * @param latencySeconds one-way propagation latency
 * @param usdPerGB       egress price per GB (1e9 bytes) that crosses it
 */
public record Link(@OptionalField String id,
                   String from,
                   String to,
                   double bandwidthBps,
                   double latencySeconds,
                   @OptionalField Double usdPerGB,
                   @OptionalField Boolean oneWay) {
    public Link {
        id = id == null || id.isBlank() ? from + "-" + to : id;
        usdPerGB = usdPerGB == null ? 0.0 : usdPerGB;
        oneWay = oneWay != null && oneWay;
    }

    public Link(String from, String to, double bandwidthBps, double latencySeconds) {
        this(null, from, to, bandwidthBps, latencySeconds, null, null);
    }

    public Link withBandwidthBps(double bps) {
        return new Link(id, from, to, bps, latencySeconds, usdPerGB, oneWay);
    }

    public Link withLatencySeconds(double s) {
        return new Link(id, from, to, bandwidthBps, s, usdPerGB, oneWay);
    }

    public Link withUsdPerGB(double usd) {
        return new Link(id, from, to, bandwidthBps, latencySeconds, usd, oneWay);
    }

    public Link withOneWay(boolean isOneWay) {
        return new Link(id, from, to, bandwidthBps, latencySeconds, usdPerGB, isOneWay);
    }

    void validate(String path, Problems p) {
        p.notBlank(from, path + ".from");
        p.notBlank(to, path + ".to");
        if (from != null && from.equals(to)) {
            p.add(path + ".to", "a link must join two different nodes");
        }
        p.inRange(bandwidthBps, Ranges.BANDWIDTH, path + ".bandwidthBps");
        p.inRange(latencySeconds, Ranges.SECONDS, path + ".latencySeconds");
        p.inRange(usdPerGB, Ranges.USD_PER_GB, path + ".usdPerGB");
    }
}
