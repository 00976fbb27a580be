package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.splitscope.model.Link;
import org.splitscope.model.Topology;
import org.splitscope.perf.Tolerance;

/**
 * Transfer time and egress price between two nodes, on the route the evaluator takes: the
 * least-time simple path under PORTEND's packet pipelining model, ties to fewer hops. It repeats
 * the evaluator's router (package-private there) step for step, so that the optimizer's sums
 * name the same route; the searches' tests and the final re-evaluation of every returned plan
 * check that they agree. O(B (V^2 + E)) per query for B distinct link bandwidths.
 */
final class RouteTable {
    /** A route's time and the summed egress price of its links (USD per GB). */
    record Leg(double seconds, double usdPerGB) {
    }

    private final int nodeCount;
    private final Link[] links;
    private final double mtu;
    private final int[] linkFrom;
    private final int[] linkTo;
    private final int[][] adjacency;
    private final double[] bandwidths;

    RouteTable(Topology topology) {
        nodeCount = topology.nodes().size();
        links = topology.links().toArray(new Link[0]);
        mtu = topology.mtuBytes();
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            adj.add(new ArrayList<>());
        }
        TreeSet<Double> distinct = new TreeSet<>();
        linkFrom = new int[links.length];
        linkTo = new int[links.length];
        for (int l = 0; l < links.length; l++) {
            linkFrom[l] = topology.nodeIndex(links[l].from());
            linkTo[l] = topology.nodeIndex(links[l].to());
            adj.get(linkFrom[l]).add(l);
            if (!links[l].oneWay()) {
                adj.get(linkTo[l]).add(l);
            }
            distinct.add(links[l].bandwidthBps());
        }
        adjacency = new int[nodeCount][];
        for (int i = 0; i < nodeCount; i++) {
            adjacency[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        bandwidths = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The leg from one node to another for a transfer of the given size, or null when there is no route. */
    Leg leg(int from, int to, double bytes) {
        if (from == to) {
            return new Leg(0, 0);
        }
        int[] best = null;
        double bestSeconds = 0;
        for (double beta : bandwidths) {
            int[] path = dijkstra(from, to, bytes, beta);
            if (path != null) {
                double s = seconds(path, bytes);
                if (best == null || Tolerance.less(s, bestSeconds)
                        || (Tolerance.equal(s, bestSeconds) && path.length < best.length)) {
                    best = path;
                    bestSeconds = s;
                }
            }
        }
        if (best == null) {
            return null;
        }
        double price = 0;
        for (int l : best) {
            price += links[l].usdPerGB();
        }
        return new Leg(bestSeconds, price);
    }

    /** Per hop: propagation and first packet; on the slowest hop also the remaining packets. */
    private double seconds(int[] path, double bytes) {
        double firstPacketBits = 8 * Math.min(bytes, mtu);
        double packets = Math.max(1, Math.ceil(bytes / mtu));
        double[] parts = new double[path.length];
        int slowest = 0;
        for (int h = 0; h < path.length; h++) {
            Link l = links[path[h]];
            parts[h] = l.latencySeconds() + firstPacketBits / l.bandwidthBps();
            if (l.bandwidthBps() < links[path[slowest]].bandwidthBps()) {
                slowest = h;
            }
        }
        parts[slowest] += (packets - 1) * 8 * mtu / links[path[slowest]].bandwidthBps();
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        return total;
    }

    private int[] dijkstra(int from, int to, double bytes, double minBandwidth) {
        double firstPacketBits = 8 * Math.min(bytes, mtu);
        double[] dist = new double[nodeCount];
        int[] viaLink = new int[nodeCount];
        boolean[] done = new boolean[nodeCount];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(viaLink, -1);
        dist[from] = 0;
        for (int round = 0; round < nodeCount; round++) {
            int u = -1;
            for (int v = 0; v < nodeCount; v++) {
                if (!done[v] && dist[v] < Double.POSITIVE_INFINITY && (u < 0 || dist[v] < dist[u])) {
                    u = v;
                }
            }
            if (u < 0 || u == to) {
                break;
            }
            done[u] = true;
            for (int l : adjacency[u]) {
                Link link = links[l];
                if (link.bandwidthBps() < minBandwidth) {
                    continue;
                }
                int v = linkFrom[l] == u ? linkTo[l] : linkFrom[l];
                double d = dist[u] + link.latencySeconds() + firstPacketBits / link.bandwidthBps();
                if (d < dist[v]) {
                    dist[v] = d;
                    viaLink[v] = l;
                }
            }
        }
        if (dist[to] == Double.POSITIVE_INFINITY) {
            return null;
        }
        List<Integer> reversed = new ArrayList<>();
        for (int v = to; v != from; ) {
            int l = viaLink[v];
            reversed.add(l);
            v = linkFrom[l] == v ? linkTo[l] : linkFrom[l];
        }
        int[] path = new int[reversed.size()];
        for (int i = 0; i < path.length; i++) {
            path[i] = reversed.get(path.length - 1 - i);
        }
        return path;
    }
}
