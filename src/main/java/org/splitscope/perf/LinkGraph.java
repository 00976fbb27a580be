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
 * distinct link bandwidths in increasing order.
 */
public final class LinkGraph {
    private final Link[] links;
    private final int[] from;
    private final int[] to;
    private final int[][] adjacency;
    private final int[][] into;
    private final int[] byBandwidth;
    private final double[] bandwidths;

    public LinkGraph(Topology topology) {
        int nodes = topology.nodes().size();
        links = topology.links().toArray(new Link[0]);
        from = new int[links.length];
        to = new int[links.length];
        List<List<Integer>> adj = new ArrayList<>();
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            adj.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < nodes; i++) {
            index.put(topology.nodes().get(i).id(), i);
        }
        TreeSet<Double> distinct = new TreeSet<>();
        for (int l = 0; l < links.length; l++) {
            from[l] = index.get(links[l].from());
            to[l] = index.get(links[l].to());
            adj.get(from[l]).add(l);
            in.get(to[l]).add(l);
            if (!links[l].oneWay()) {
                adj.get(to[l]).add(l);
                in.get(from[l]).add(l);
            }
            distinct.add(links[l].bandwidthBps());
        }
        adjacency = new int[nodes][];
        into = new int[nodes][];
        for (int i = 0; i < nodes; i++) {
            adjacency[i] = adj.get(i).stream().mapToInt(Integer::intValue).toArray();
            into[i] = in.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        byBandwidth = java.util.stream.IntStream.range(0, links.length).boxed()
                .sorted(java.util.Comparator.comparingDouble(l -> links[l].bandwidthBps()))
                .mapToInt(Integer::intValue).toArray();
        bandwidths = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public int nodeCount() {
        return adjacency.length;
    }

    /** The distinct link bandwidths, increasing (callers must not change the array). */
    public double[] bandwidths() {
        return bandwidths;
    }

    /** The links a transfer may leave node n by (callers must not change the array). */
    public int[] linksFrom(int n) {
        return adjacency[n];
    }

    /** The end of link l that is not n. */
    public int other(int l, int n) {
        return from[l] == n ? to[l] : from[l];
    }

    int from(int l) {
        return from[l];
    }

    int to(int l) {
        return to[l];
    }

    /** The links a transfer may arrive at node n by (callers must not change the array). */
    int[] linksInto(int n) {
        return into[n];
    }

    /** Every link's index, slowest first (callers must not change the array). */
    int[] linksByBandwidth() {
        return byBandwidth;
    }

    /** A binary min-heap of node indices keyed by their distance, lower index first on ties, with decrease-key. */
    static final class Heap {
        private final double[] key;
        private final int[] heap;
        private final int[] position; // -1 when not in the heap
        private int size;

        Heap(double[] key) {
            this.key = key;
            heap = new int[key.length];
            position = new int[key.length];
            Arrays.fill(position, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int v) {
            heap[size] = v;
            position[v] = size;
            up(size++);
        }

        int pop() {
            int top = heap[0];
            position[top] = -1;
            if (--size > 0) {
                heap[0] = heap[size];
                position[heap[0]] = 0;
                down(0);
            }
            return top;
        }

        void decreased(int v) {
            up(position[v]);
        }

        private boolean before(int a, int b) {
            return key[a] < key[b] || (key[a] == key[b] && a < b);
        }

        private void up(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!before(heap[i], heap[parent])) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void down(int i) {
            while (true) {
                int least = i;
                for (int c = 2 * i + 1; c <= 2 * i + 2 && c < size; c++) {
                    if (before(heap[c], heap[least])) {
                        least = c;
                    }
                }
                if (least == i) {
                    return;
                }
                swap(i, least);
                i = least;
            }
        }

        private void swap(int i, int j) {
            int a = heap[i];
            heap[i] = heap[j];
            heap[j] = a;
            position[heap[i]] = i;
            position[heap[j]] = j;
        }
    }
}
