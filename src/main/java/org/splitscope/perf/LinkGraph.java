package org.splitscope.perf;

import java.util.ArrayList;
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
    private final int[] from;
    private final int[] to;
    private final int[][] adjacency;
    private final double[] bandwidths;

    public LinkGraph(Topology topology) {
        int nodes = topology.nodes().size();
        Link[] links = topology.links().toArray(new Link[0]);
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

    /** Per link, the index of its {@code from} node (callers must not change the array). */
    public int[] fromNodes() {
        return from;
    }

    /** Per link, the index of its {@code to} node (callers must not change the array). */
    public int[] toNodes() {
        return to;
    }

    /** Per node, the links a transfer may leave it by (callers must not change the arrays). */
    public int[][] adjacency() {
        return adjacency;
    }

    /** The distinct link bandwidths, increasing (callers must not change the array). */
    public double[] bandwidths() {
        return bandwidths;
    }
}
