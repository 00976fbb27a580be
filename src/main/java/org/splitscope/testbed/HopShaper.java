package org.splitscope.testbed;

import java.util.List;

/**
 * When a packet offered to one hop of the pipeline arrives at the hop's far end: one link's
 * {@link TokenBucketShaper}, or a route of several ({@link #route}).
 */
interface HopShaper {
    /** The time (System.nanoTime scale) at which a packet of {@code bytes} offered at {@code offeredAt} arrives. */
    long arrival(int bytes, long offeredAt);

    /** The links the hop crosses, in order. */
    List<TokenBucketShaper> links();

    /**
     * A route over several links, store and forward packet by packet: a packet enters the next
     * link when it has arrived over the one before, so a message of F packets takes the sum of
     * the links' latencies and first-packet times plus F - 1 packet times of the slowest link,
     * PORTEND's fragmentation model (performance-model.md, section 2). Every link keeps its own
     * shaper, shared with the other hops over it. A packet books its time on every link when it is
     * offered, so on a link shared with another hop packets go in the order they were offered to
     * their routes rather than the order they reach that link (the pipeline's hops carry one
     * request after another, which keeps the two orders the same).
     */
    static HopShaper route(List<TokenBucketShaper> links) {
        if (links.size() == 1) {
            return links.get(0);
        }
        List<TokenBucketShaper> route = List.copyOf(links);
        return new HopShaper() {
            @Override
            public long arrival(int bytes, long offeredAt) {
                long t = offeredAt;
                for (TokenBucketShaper link : route) {
                    t = link.arrival(bytes, t);
                }
                return t;
            }

            @Override
            public List<TokenBucketShaper> links() {
                return route;
            }
        };
    }
}
