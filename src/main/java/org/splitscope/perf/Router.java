package org.splitscope.perf;

import java.util.HashMap;
import java.util.Map;

import org.splitscope.model.Link;
import org.splitscope.model.Topology;

/**
 * Least-time routes for transfers of a given size under PORTEND's packet pipelining model.
 *
 * <p>The time of a path is not a sum over its links (its middle term depends on the slowest
 * link), so plain Dijkstra is not enough. For each distinct link bandwidth beta, Dijkstra over
 * the links at least as fast as beta, with additive weight {@code latency + 8 min(x, MTU) / bw},
 * finds a path whose true time is at most that of the best path whose slowest link is beta;
 * the minimum over all beta is therefore optimal. O(B (V^2 + E)) for B distinct bandwidths,
 * memoized per (from, to, size) because a drag revisits the same few sizes.
 */
public final class Router {
    private final int nodeCount;
    private final Link[] links;
    private final double mtu;
    private final LinkGraph graph;
    private final double[] bandwidths;
    private final Map<RouteKey, Route> cache = new HashMap<>();

    private record RouteKey(int from, int to, double bytes) {
    }

    public Router(Topology topology) {
        nodeCount = topology.nodes().size();
        links = topology.links().toArray(new Link[0]);
        mtu = topology.mtuBytes();
        graph = new LinkGraph(topology);
        bandwidths = graph.bandwidths();
    }

    /**
     * The least-time route between nodes (indices into the topology's nodes), or {@code null} when
     * the destination cannot be reached. The optimizer uses it too, so both name the same route.
     */
    public Route route(int from, int to, double bytes) {
        if (from == to) {
            return Route.LOCAL;
        }
        RouteKey key = new RouteKey(from, to, bytes);
        Route cached = cache.get(key);
        if (cached == null && !cache.containsKey(key)) {
            cached = search(from, to, bytes);
            if (cache.size() > 10_000) {
                cache.clear(); // sweeps over many sizes must not grow memory without bound
            }
            cache.put(key, cached);
        }
        return cached;
    }

    private Route search(int from, int to, double bytes) {
        Route best = null;
        for (double beta : bandwidths) {
            int[] path = dijkstra(from, to, bytes, beta);
            if (path != null) {
                Route r = timed(path, bytes);
                if (best == null || Tolerance.less(r.seconds(), best.seconds())
                        || (Tolerance.equal(r.seconds(), best.seconds()) && r.links().length < best.links().length)) {
                    best = r;
                }
            }
        }
        return best;
    }

    /** Transfer time of x bytes over the given links, split into per-hop shares. */
    Route timed(int[] path, double bytes) {
        double firstPacketBits = 8 * Math.min(bytes, mtu);
        double packets = Math.max(1, Math.ceil(bytes / mtu));
        double[] parts = new double[path.length];
        int slowest = 0;
        double total = 0;
        for (int h = 0; h < path.length; h++) {
            Link l = links[path[h]];
            parts[h] = l.latencySeconds() + firstPacketBits / l.bandwidthBps();
            if (l.bandwidthBps() < links[path[slowest]].bandwidthBps()) {
                slowest = h;
            }
        }
        parts[slowest] += (packets - 1) * 8 * mtu / links[path[slowest]].bandwidthBps();
        for (double p : parts) {
            total += p;
        }
        return new Route(path, parts, total);
    }

    private int[] dijkstra(int from, int to, double bytes, double minBandwidth) {
        return graph.path(graph.shortestPathTree(from, to, 8 * Math.min(bytes, mtu), minBandwidth), from, to);
    }
}
