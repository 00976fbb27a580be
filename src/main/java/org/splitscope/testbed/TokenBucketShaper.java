package org.splitscope.testbed;

/**
 * When each packet offered to a shaped link leaves it and arrives at the far end: a token bucket
 * filled at the link's bandwidth, one packet (MTU) deep, followed by a delay line of the link's
 * one-way latency (the in-process counterpart of Linux's {@code tbf} + {@code netem}).
 *
 * <p>A packet of x bytes offered at time t starts when both it and the link are ready,
 * {@code start = max(t, busyUntil)}, holds the link for {@code 8x / bandwidth} and arrives
 * {@code latency} after its last bit left. A message cut into packets of one MTU therefore
 * arrives {@code latency + 8 * bytes / bandwidth} after it was offered on an idle link, which is
 * the one-hop case of the performance model's transfer time (performance-model.md, section 2);
 * propagation is not busy time, so packets of several requests can be in flight at once. One
 * shaper is shared by both directions of a link, as the model counts a link as one busy resource.
 * O(1) per packet.
 */
final class TokenBucketShaper implements HopShaper {
    private final double bandwidthBps;
    private final long latencyNanos;
    private long busyUntil = Long.MIN_VALUE;

    TokenBucketShaper(double bandwidthBps, double latencySeconds) {
        this(nanos(latencySeconds), bandwidthBps);
        if (!(bandwidthBps > 0) || Double.isInfinite(bandwidthBps)) {
            throw new IllegalArgumentException("link bandwidth must be a positive number of bit/s, got " + bandwidthBps);
        }
    }

    private TokenBucketShaper(long latencyNanos, double bandwidthBps) {
        this.bandwidthBps = bandwidthBps;
        this.latencyNanos = latencyNanos;
    }

    private static long nanos(double latencySeconds) {
        if (!(latencySeconds >= 0) || Double.isInfinite(latencySeconds)) {
            throw new IllegalArgumentException("link latency must be >= 0 seconds, got " + latencySeconds);
        }
        return Math.round(latencySeconds * 1e9);
    }

    /**
     * A delay line alone (an infinite rate, so a packet holds the link for no time): for a hop
     * whose rate the kernel's {@code tbf} already limits on a kernel without {@code netem}
     * ({@link KernelLinks}).
     */
    static TokenBucketShaper delayOnly(double latencySeconds) {
        return new TokenBucketShaper(nanos(latencySeconds), Double.POSITIVE_INFINITY);
    }

    @Override
    public java.util.List<TokenBucketShaper> links() {
        return java.util.List.of(this);
    }

    /** {@code +Infinity} for a delay line alone. */
    double bandwidthBps() {
        return bandwidthBps;
    }

    double latencySeconds() {
        return latencyNanos / 1e9;
    }

    @Override
    public synchronized long arrival(int bytes, long offeredAt) {
        long start = Math.max(offeredAt, busyUntil);
        busyUntil = start + Math.round(8e9 * bytes / bandwidthBps); // 0 at an infinite rate
        return busyUntil + latencyNanos;
    }
}
