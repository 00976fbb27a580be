package org.splitscope.perf;

import java.util.Arrays;

import org.splitscope.model.Link;

/**
 * The candidate routes from one origin to every node for one first-packet size: the shortest-path
 * tree (additive weight {@code latency + firstPacketBits / bandwidth}) over the links at least as
 * fast as each distinct bandwidth floor, in increasing order of the floor. Raising the floor
 * removes links; only the subtrees below removed tree links change, so they alone are repaired
 * (each of their nodes restarts from its best neighbour outside, then Dijkstra runs inside them),
 * which is exact for positive weights and costs the size of the change rather than a whole
 * Dijkstra per floor. Per destination a candidate is kept when its slowest link is faster than
 * the previous candidate's (the additive part only grows with the floor, so any other is
 * dominated). Paths are stored as versions (link, parent's version) so that every candidate can
 * be rebuilt after the tree has moved on.
 */
final class RouteSweep {
    private final LinkGraph graph;
    private final Link[] links;
    private final double firstPacketBits;
    private final int origin;

    // the tree at the current floor
    private final double[] dist;
    private final double[] slowest;
    private final int[] hops;
    private final int[] via;
    private final int[] version;
    private int reached;

    // versions: the link into a node and the version of its parent then (-1 at the origin)
    private int[] versionLink = new int[64];
    private int[] versionParent = new int[64];
    private int versions;

    // candidates per destination
    final int[][] candidateVersion;
    final double[][] additive;
    final double[][] slowestLink;
    final int[][] candidateHops;
    private final int[] count;

    RouteSweep(LinkGraph graph, Link[] links, int origin, double firstPacketBits, boolean sweep) {
        this.graph = graph;
        this.links = links;
        this.origin = origin;
        this.firstPacketBits = firstPacketBits;
        int v = graph.nodeCount();
        dist = new double[v];
        slowest = new double[v];
        hops = new int[v];
        via = new int[v];
        version = new int[v];
        candidateVersion = new int[v][];
        additive = new double[v][];
        slowestLink = new double[v][];
        candidateHops = new int[v][];
        count = new int[v];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        Arrays.fill(via, -1);
        Arrays.fill(version, -1);
        dist[origin] = 0;
        slowest[origin] = Double.POSITIVE_INFINITY;
        boolean[] inside = new boolean[v];
        Arrays.fill(inside, true);
        inside[origin] = false;
        int[] all = new int[v - 1];
        for (int i = 0, k = 0; i < v; i++) {
            if (i != origin) {
                all[k++] = i;
            }
        }
        LinkGraph.Heap heap = new LinkGraph.Heap(dist);
        // the first tree: every other node is "inside", the origin is its only way in
        repair(all, all.length, inside, 0, heap);
        if (sweep) {
            int[] order = graph.linksByBandwidth();
            int next = 0;
            int[] stack = new int[v];
            int[] changed = new int[v];
            double[] floors = graph.bandwidths();
            for (int f = 1; f < floors.length && reached > 0; f++) {
                double floor = floors[f];
                int size = 0;
                for (; next < order.length && links[order[next]].bandwidthBps() < floor; next++) {
                    int l = order[next];
                    int child = treeChild(l);
                    if (child >= 0 && !inside[child]) {
                        size = collect(child, inside, changed, size, stack);
                    }
                }
                if (size > 0) {
                    repair(changed, size, inside, floor, heap);
                }
            }
        }
        for (int to = 0; to < v; to++) {
            if (candidateVersion[to] != null) {
                candidateVersion[to] = Arrays.copyOf(candidateVersion[to], count[to]);
                additive[to] = Arrays.copyOf(additive[to], count[to]);
                slowestLink[to] = Arrays.copyOf(slowestLink[to], count[to]);
                candidateHops[to] = Arrays.copyOf(candidateHops[to], count[to]);
            }
        }
    }

    /** The node that link l leads to in the current tree, or -1 when l is not a tree link. */
    private int treeChild(int l) {
        int a = graph.from(l);
        int b = graph.to(l);
        if (via[b] == l && b != origin) {
            return b;
        }
        return via[a] == l && a != origin ? a : -1;
    }

    /** Adds the subtree below root to the changed nodes (marking them inside); returns the new count. */
    private int collect(int root, boolean[] inside, int[] changed, int size, int[] stack) {
        int top = 0;
        stack[top++] = root;
        inside[root] = true;
        while (top > 0) {
            int x = stack[--top];
            changed[size++] = x;
            for (int l : graph.linksFrom(x)) {
                int y = graph.other(l, x);
                if (via[y] == l && !inside[y] && y != origin) {
                    inside[y] = true;
                    stack[top++] = y;
                }
            }
        }
        return size;
    }

    /** Recomputes the tree inside the changed nodes over the links at least floor fast, then records candidates. */
    private void repair(int[] changed, int size, boolean[] inside, double floor, LinkGraph.Heap heap) {
        for (int i = 0; i < size; i++) {
            int x = changed[i];
            if (via[x] >= 0) {
                reached--;
            }
            dist[x] = Double.POSITIVE_INFINITY;
            via[x] = -1;
        }
        if (floor == 0) {
            relax(origin, floor, inside, heap); // the first tree grows from the origin
        } else {
            for (int i = 0; i < size; i++) {
                int x = changed[i];
                for (int l : graph.linksInto(x)) {
                    int u = graph.other(l, x);
                    if (!inside[u] && dist[u] < Double.POSITIVE_INFINITY) {
                        offer(u, x, l, floor, heap);
                    }
                }
            }
        }
        while (!heap.isEmpty()) {
            int x = heap.pop();
            inside[x] = false;
            reached++;
            version[x] = newVersion(via[x], version[graph.other(via[x], x)]);
            record(x);
            relax(x, floor, inside, heap);
        }
        for (int i = 0; i < size; i++) {
            inside[changed[i]] = false; // unreached ones stay out of the tree
        }
    }

    private void relax(int u, double floor, boolean[] inside, LinkGraph.Heap heap) {
        for (int l : graph.linksFrom(u)) {
            int y = graph.other(l, u);
            if (inside[y]) {
                offer(u, y, l, floor, heap);
            }
        }
    }

    private void offer(int u, int y, int l, double floor, LinkGraph.Heap heap) {
        Link link = links[l];
        double bw = link.bandwidthBps();
        if (bw < floor) {
            return;
        }
        double d = dist[u] + link.latencySeconds() + firstPacketBits / bw;
        if (d < dist[y]) {
            boolean fresh = dist[y] == Double.POSITIVE_INFINITY;
            dist[y] = d;
            via[y] = l;
            slowest[y] = Math.min(slowest[u], bw);
            hops[y] = hops[u] + 1;
            if (fresh) {
                heap.push(y);
            } else {
                heap.decreased(y);
            }
        }
    }

    private int newVersion(int link, int parent) {
        if (versions == versionLink.length) {
            versionLink = Arrays.copyOf(versionLink, 2 * versions);
            versionParent = Arrays.copyOf(versionParent, 2 * versions);
        }
        versionLink[versions] = link;
        versionParent[versions] = parent;
        return versions++;
    }

    private void record(int to) {
        int c = count[to];
        if (c > 0 && slowest[to] <= slowestLink[to][c - 1]) {
            return;
        }
        if (candidateVersion[to] == null || c == candidateVersion[to].length) {
            int grown = Math.max(2, 2 * c);
            candidateVersion[to] = candidateVersion[to] == null ? new int[grown] : Arrays.copyOf(candidateVersion[to], grown);
            additive[to] = additive[to] == null ? new double[grown] : Arrays.copyOf(additive[to], grown);
            slowestLink[to] = slowestLink[to] == null ? new double[grown] : Arrays.copyOf(slowestLink[to], grown);
            candidateHops[to] = candidateHops[to] == null ? new int[grown] : Arrays.copyOf(candidateHops[to], grown);
        }
        candidateVersion[to][c] = version[to];
        additive[to][c] = dist[to];
        slowestLink[to][c] = slowest[to];
        candidateHops[to][c] = hops[to];
        count[to] = c + 1;
    }

    /** The links of a stored version's path from the origin, in travel order. */
    int[] path(int v, int length) {
        int[] path = new int[length];
        for (int i = length - 1; i >= 0; i--) {
            path[i] = versionLink[v];
            v = versionParent[v];
        }
        return path;
    }

    /** Ints and doubles held, for the router's memory bound. */
    long size() {
        long cells = 0;
        for (int[] c : candidateVersion) {
            cells += c == null ? 0 : c.length;
        }
        return 2L * versions + 4 * cells + 6L * dist.length;
    }
}
