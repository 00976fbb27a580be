package org.splitscope.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
 * first packet, so one sweep from an origin serves every destination and every size above the
 * MTU; a size of one packet needs a single Dijkstra. A threshold that removes no link of the
 * current tree leaves it unchanged and is skipped. O(C E log V) per origin and first-packet
 * size for C tree changes (C &lt;= distinct bandwidths), then O(candidates) per route;
 * {@link #route} memoizes per (from, to, size) because a drag revisits the same few sizes.
 */
public final class Router {
    /** Bounds the memo of origins (stored ints) so that sweeps over many sizes stay in bounded memory. */
    private static final long MAX_STORED = 20_000_000;

    private final Link[] links;
    private final double mtu;
    private final boolean direct;
    private final LinkGraph graph;
    private final double[] bandwidths;
    private final Map<OriginKey, Origin> origins = new HashMap<>();
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
        bandwidths = graph.bandwidths();
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

    private Route search(int from, int to, double bytes) {
        double packets = Math.max(1, Math.ceil(bytes / mtu));
        Origin o = origin(from, 8 * Math.min(bytes, mtu), packets > 1);
        int[] trees = o.tree[to];
        if (trees == null) {
            return null;
        }
        double morePacketBits = (packets - 1) * 8 * mtu;
        int best = -1;
        double bestSeconds = 0;
        for (int i = 0; i < trees.length; i++) {
            double s = o.additive[to][i] + morePacketBits / o.slowest[to][i];
            if (best < 0 || Tolerance.less(s, bestSeconds)
                    || (Tolerance.equal(s, bestSeconds) && o.hops[to][i] < o.hops[to][best])) {
                best = i;
                bestSeconds = s;
            }
        }
        return timed(graph.path(o.trees[trees[best]], from, to), bytes);
    }

    private Origin origin(int from, double firstPacketBits, boolean sweep) {
        OriginKey key = new OriginKey(from, firstPacketBits, sweep);
        Origin o = origins.get(key);
        if (o == null) {
            o = new Origin(from, firstPacketBits, sweep);
            if (stored + o.size > MAX_STORED) {
                origins.clear();
                stored = 0;
            }
            stored += o.size;
            origins.put(key, o);
        }
        return o;
    }

    /**
     * The candidate routes from one origin to every node: per destination, the routes the sweep
     * over bandwidth floors finds, each with its additive time, slowest link and hop count, kept
     * only when its slowest link is faster than the previous candidate's (the additive part only
     * grows along the sweep, so any other is dominated). Routes are stored as the shortest-path
     * trees they come from.
     */
    private final class Origin {
        final int[][] trees;
        final int[][] tree; // [to][candidate]: index into trees; null when unreached
        final double[][] additive;
        final double[][] slowest;
        final int[][] hops;
        final long size;

        Origin(int from, double firstPacketBits, boolean sweep) {
            int v = graph.nodeCount();
            List<int[]> kept = new ArrayList<>();
            int[] count = new int[v];
            tree = new int[v][];
            additive = new double[v][];
            slowest = new double[v][];
            hops = new int[v][];
            LinkGraph.Tree t = null;
            long cells = 0;
            for (int i = 0; i < bandwidths.length; i++) {
                double floor = bandwidths[i];
                if (t != null && t.slowestLink() >= floor) {
                    continue; // no link of the tree is removed: same tree, same candidates
                }
                t = graph.shortestPathTree(from, firstPacketBits, sweep ? floor : 0);
                boolean used = false;
                for (int to = 0; to < v; to++) {
                    if (to == from || t.viaLink()[to] < 0) {
                        continue;
                    }
                    int c = count[to];
                    if (c > 0 && t.slowest()[to] <= slowest[to][c - 1]) {
                        continue;
                    }
                    if (tree[to] == null || c == tree[to].length) {
                        int grown = tree[to] == null ? 1 : 2 * c;
                        tree[to] = Arrays.copyOf(tree[to] == null ? new int[0] : tree[to], grown);
                        additive[to] = Arrays.copyOf(additive[to] == null ? new double[0] : additive[to], grown);
                        slowest[to] = Arrays.copyOf(slowest[to] == null ? new double[0] : slowest[to], grown);
                        hops[to] = Arrays.copyOf(hops[to] == null ? new int[0] : hops[to], grown);
                    }
                    tree[to][c] = kept.size();
                    additive[to][c] = t.distance()[to];
                    slowest[to][c] = t.slowest()[to];
                    hops[to][c] = t.hops()[to];
                    count[to] = c + 1;
                    cells++;
                    used = true;
                }
                if (used) {
                    kept.add(t.viaLink());
                }
                if (!sweep || t.reached() == 0) {
                    break;
                }
            }
            for (int to = 0; to < v; to++) {
                if (tree[to] != null) {
                    tree[to] = Arrays.copyOf(tree[to], count[to]);
                }
            }
            trees = kept.toArray(new int[0][]);
            size = (long) trees.length * v + 4 * cells + v;
        }
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
