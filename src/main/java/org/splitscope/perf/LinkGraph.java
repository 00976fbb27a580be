package org.splitscope.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.splitscope.model.Link;
import org.splitscope.model.Topology;

/**
 * A topology's links as arrays for route searches: each link's end nodes (indices into the
 * topology's nodes), the links usable from each node (both directions unless one-way) and the
 * distinct link bandwidths in increasing order. Shared by {@link Router} and the optimizer's
 * all-pairs routes so that both walk the same graph.
 */
public final class LinkGraph {
    private final Link[] links;
    private final int[] from;
    private final int[] to;
    private final int[][] adjacency;
    private final double[] bandwidths;

    public LinkGraph(Topology topology) {
        int nodes = topology.nodes().size();
        links = topology.links().toArray(new Link[0]);
        from = new int[links.length];
        to = new int[links.length];
        List<List<Integer>> adj = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            adj.add(new ArrayList<>());
        }
        TreeSet<Double> distinct = new TreeSet<>();
        for (int l = 0; l < links.length; l++) {
            from[l] = topology.nodeIndex(links[l].from());
            to[l] = topology.nodeIndex(links[l].to());
            adj.get(from[l]).add(l);
            if (!links[l].oneWay()) {
                adj.get(to[l]).add(l);
            }
            distinct.add(links[l].bandwidthBps());
        }
        adjacency = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            adjacency[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        bandwidths = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The distinct link bandwidths, increasing (callers must not change the array). */
    public double[] bandwidths() {
        return bandwidths;
    }

    /**
     * Dijkstra from a node over the links at least {@code minBandwidth} fast, weighting a hop by
     * its latency plus the first packet's time ({@code firstPacketBits / bandwidth}). Returns the
     * link each node was reached by (-1 where unreached). It stops once {@code stopAt} is settled
     * (-1 runs to completion); the links of its route are final by then. O(V^2 + E).
     */
    public int[] shortestPathTree(int from, int stopAt, double firstPacketBits, double minBandwidth) {
        int nodes = adjacency.length;
        double[] dist = new double[nodes];
        int[] viaLink = new int[nodes];
        boolean[] done = new boolean[nodes];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(viaLink, -1);
        dist[from] = 0;
        for (int round = 0; round < nodes; round++) {
            int u = -1;
            for (int v = 0; v < nodes; v++) {
                if (!done[v] && dist[v] < Double.POSITIVE_INFINITY && (u < 0 || dist[v] < dist[u])) {
                    u = v;
                }
            }
            if (u < 0 || u == stopAt) {
                break;
            }
            done[u] = true;
            for (int l : adjacency[u]) {
                Link link = links[l];
                if (link.bandwidthBps() < minBandwidth) {
                    continue;
                }
                int v = from(l) == u ? to(l) : from(l);
                double d = dist[u] + link.latencySeconds() + firstPacketBits / link.bandwidthBps();
                if (d < dist[v]) {
                    dist[v] = d;
                    viaLink[v] = l;
                }
            }
        }
        return viaLink;
    }

    /** The links from {@code from} to {@code to} in a shortest-path tree, in order; null when unreached. */
    public int[] path(int[] viaLink, int from, int to) {
        if (viaLink[to] < 0) {
            return null;
        }
        List<Integer> reversed = new ArrayList<>();
        for (int v = to; v != from; ) {
            int l = viaLink[v];
            reversed.add(l);
            v = from(l) == v ? to(l) : from(l);
        }
        int[] path = new int[reversed.size()];
        for (int i = 0; i < path.length; i++) {
            path[i] = reversed.get(path.length - 1 - i);
        }
        return path;
    }

    private int from(int l) {
        return from[l];
    }

    private int to(int l) {
        return to[l];
    }
}
