package org.splitscope.perf;

import java.util.HashMap;
import java.util.Map;

import org.splitscope.model.Link;
import org.splitscope.model.Routing;
import org.splitscope.model.Topology;

/**
 * Least-time routes for transfers of a given size under PORTEND's packet pipelining model, or,
 * under {@code routing: direct}, the direct link between the two nodes only.
 *
 * <p>The time of a path is not a sum over its links (its middle term depends on the slowest
 * link), so one Dijkstra is not enough. For each distinct link bandwidth beta, Dijkstra over the
 * links at least as fast as beta, with additive weight {@code latency + 8 min(x, MTU) / bw},
 * finds a path whose true time is at most that of the best path whose slowest link is beta; the
 * minimum over all beta is therefore exact. The candidates depend on the size only through the
 * first packet, so one sweep from an origin ({@link RouteSweep}, which repairs only the subtrees
 * a raised floor cuts off) serves every destination and every size above the MTU; a size of one
 * packet needs a single Dijkstra. At most O(B E log V) per origin and first-packet size for B
 * distinct bandwidths, in practice near one Dijkstra, then O(candidates) per route;
 * {@link #route} memoizes per (from, to, size) because a drag revisits the same few sizes.
 */
public final class Router {
    /** Bounds the memo of origins (stored ints) so that sweeps over many sizes stay in bounded memory. */
    private static final long MAX_STORED = 20_000_000;

    private final Link[] links;
    private final double mtu;
    private final boolean direct;
    private final LinkGraph graph;
    private final Map<OriginKey, RouteSweep> origins = new HashMap<>();
    private final Map<RouteKey, Route> cache = new HashMap<>();
    private long stored;

    private record RouteKey(int from, int to, double bytes) {
    }

    private record OriginKey(int from, double firstPacketBits, boolean sweep) {
    }

    public Router(Topology topology) {
        links = topology.links().toArray(new Link[0]);
        mtu = topology.mtuBytes();
        direct = topology.routing() == Routing.DIRECT;
        graph = new LinkGraph(topology);
    }

    /**
     * The least-time route between nodes (indices into the topology's nodes), or {@code null} when
     * the destination cannot be reached. The optimizer uses it too, so both name the same route.
     */
    public synchronized Route route(int from, int to, double bytes) {
        if (from == to) {
            return Route.LOCAL;
        }
        RouteKey key = new RouteKey(from, to, bytes);
        Route cached = cache.get(key);
        if (cached == null && !cache.containsKey(key)) {
            cached = direct ? directRoute(from, to, bytes) : search(from, to, bytes);
            if (cache.size() > 10_000) {
                cache.clear(); // sweeps over many sizes must not grow memory without bound
            }
            cache.put(key, cached);
        }
        return cached;
    }

    /** Whether a transfer can go from one node to another at all. */
    public boolean reachable(int from, int to) {
        return route(from, to, 0) != null;
    }

    private Route directRoute(int from, int to, double bytes) {
        Route best = null;
        for (int l : graph.linksFrom(from)) {
            if (graph.other(l, from) == to) {
                Route r = timed(new int[] {l}, bytes);
                if (best == null || Tolerance.less(r.seconds(), best.seconds())) {
                    best = r;
                }
            }
        }
        return best;
    }

    /**
     * The bandwidth of the slowest link on the route {@link #route} takes (+inf when from == to,
     * 0 without a route), without building the route: a transfer of x bytes keeps that link busy
     * longest, 8x / bandwidth. O(candidates), for searches that need it for every pair.
     */
    public synchronized double slowestLink(int from, int to, double bytes) {
        if (from == to) {
            return Double.POSITIVE_INFINITY;
        }
        if (direct) {
            Route r = route(from, to, bytes);
            return r == null ? 0 : links[r.links()[0]].bandwidthBps();
        }
        RouteSweep o = sweep(from, bytes);
        int best = choose(o, to, bytes);
        return best < 0 ? 0 : o.slowestLink[to][best];
    }

    private RouteSweep sweep(int from, double bytes) {
        return origin(from, 8 * Math.min(bytes, mtu), bytes > mtu);
    }

    /** The index of the chosen candidate route to a node, -1 when it is unreached. */
    private int choose(RouteSweep o, int to, double bytes) {
        int[] versions = o.candidateVersion[to];
        if (versions == null) {
            return -1;
        }
        double morePacketBits = (Math.max(1, Math.ceil(bytes / mtu)) - 1) * 8 * mtu;
        int best = -1;
        double bestSeconds = 0;
        for (int i = 0; i < versions.length; i++) {
            double s = o.additive[to][i] + morePacketBits / o.slowestLink[to][i];
            if (best < 0 || Tolerance.less(s, bestSeconds)
                    || (Tolerance.equal(s, bestSeconds) && o.candidateHops[to][i] < o.candidateHops[to][best])) {
                best = i;
                bestSeconds = s;
            }
        }
        return best;
    }

    private Route search(int from, int to, double bytes) {
        RouteSweep o = sweep(from, bytes);
        int best = choose(o, to, bytes);
        return best < 0 ? null : timed(o.path(o.candidateVersion[to][best], o.candidateHops[to][best]), bytes);
    }

    private RouteSweep origin(int from, double firstPacketBits, boolean sweep) {
        OriginKey key = new OriginKey(from, firstPacketBits, sweep);
        RouteSweep o = origins.get(key);
        if (o == null) {
            o = new RouteSweep(graph, links, from, firstPacketBits, sweep);
            long size = o.size();
            if (stored + size > MAX_STORED) {
                origins.clear();
                stored = 0;
            }
            stored += size;
            origins.put(key, o);
        }
        return o;
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
}
