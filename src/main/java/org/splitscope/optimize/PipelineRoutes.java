package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.splitscope.model.Link;
import org.splitscope.model.Topology;
import org.splitscope.perf.LinkGraph;
import org.splitscope.perf.Router;
import org.splitscope.perf.Tolerance;

/**
 * The same least-time routes as {@link Router}, for every pair of nodes at once: a placement
 * search over a 50-node mesh needs V^2 routes per cut size, and the router's per-pair search
 * (one Dijkstra per distinct bandwidth) would take minutes there.
 *
 * <p>The router's candidate path for bandwidth floor beta depends on the size x only through
 * the first packet, 8 min(x, MTU) bits, so one set of candidates serves every x &gt;= MTU. For one
 * origin, raising beta removes links; the shortest-path tree only changes when a removed link is
 * in it, so Dijkstra reruns only then (with the router's own tie-breaking, so the trees, and
 * hence the candidates, are the router's). A route is then picked among the candidates exactly
 * as the router picks it (its time summed in another order: a difference of rounding, far inside
 * {@link Tolerance}). O(V C (V^2 + E)) per first-packet size, for C tree changes per origin
 * (C &lt;= B distinct bandwidths, in practice a few dozen), then O(candidates x hops) per route.
 */
final class PipelineRoutes {
    private final int nodeCount;
    private final Link[] links;
    private final double mtu;
    private final LinkGraph graph;
    private final double[] bandwidths;
    /** Per first-packet bits: [from][to] -> candidate paths in the router's order, consecutive repeats dropped. */
    private final Map<Double, Candidates> candidates = new HashMap<>();

    /**
     * Candidate paths with the two terms of their time: the per-hop sum (latency plus first
     * packet) and the seconds of one more packet on the slowest hop, so that a route for F
     * packets costs one multiply-add per candidate.
     */
    private record Candidates(int[][][][] paths, double[][][] perHop, double[][][] perPacket) {
    }

    PipelineRoutes(Topology topology) {
        nodeCount = topology.nodes().size();
        links = topology.links().toArray(new Link[0]);
        mtu = topology.mtuBytes();
        graph = new LinkGraph(topology);
        bandwidths = graph.bandwidths();
    }

    Link link(int l) {
        return links[l];
    }

    int linkCount() {
        return links.length;
    }

    /** The router's route for x bytes: its links in travel order ({} when from == to), or null without one. */
    int[] route(int from, int to, double bytes) {
        if (from == to) {
            return new int[0];
        }
        Candidates c = candidatesFor(8 * Math.min(bytes, mtu));
        int[][] paths = c.paths()[from][to];
        double more = Math.max(1, Math.ceil(bytes / mtu)) - 1;
        int[] best = null;
        double bestSeconds = 0;
        for (int i = 0; i < paths.length; i++) {
            // the router sums the same terms hop by hop; the order differs by rounding only, far inside the tolerance
            double s = c.perHop()[from][to][i] + more * c.perPacket()[from][to][i];
            if (best == null || Tolerance.less(s, bestSeconds)
                    || (Tolerance.equal(s, bestSeconds) && paths[i].length < best.length)) {
                best = paths[i];
                bestSeconds = s;
            }
        }
        return best;
    }

    private Candidates candidatesFor(double firstPacketBits) {
        return candidates.computeIfAbsent(firstPacketBits, this::allCandidates);
    }

    private Candidates allCandidates(double firstPacketBits) {
        int[][][][] out = new int[nodeCount][nodeCount][][];
        for (int from = 0; from < nodeCount; from++) {
            List<List<int[]>> perTo = new ArrayList<>();
            for (int to = 0; to < nodeCount; to++) {
                perTo.add(new ArrayList<>());
            }
            int[] tree = null;
            for (double beta : bandwidths) {
                if (tree == null || usesLinkBelow(tree, beta)) {
                    tree = graph.shortestPathTree(from, -1, firstPacketBits, beta);
                    for (int to = 0; to < nodeCount; to++) {
                        int[] path = to == from ? null : graph.path(tree, from, to);
                        List<int[]> list = perTo.get(to);
                        if (path != null && (list.isEmpty() || !Arrays.equals(list.get(list.size() - 1), path))) {
                            list.add(path);
                        }
                    }
                }
            }
            for (int to = 0; to < nodeCount; to++) {
                out[from][to] = perTo.get(to).toArray(new int[0][]);
            }
        }
        double[][][] perHop = new double[nodeCount][nodeCount][];
        double[][][] perPacket = new double[nodeCount][nodeCount][];
        for (int from = 0; from < nodeCount; from++) {
            for (int to = 0; to < nodeCount; to++) {
                int[][] paths = out[from][to];
                perHop[from][to] = new double[paths.length];
                perPacket[from][to] = new double[paths.length];
                for (int i = 0; i < paths.length; i++) {
                    double slowest = Double.POSITIVE_INFINITY;
                    for (int l : paths[i]) {
                        perHop[from][to][i] += links[l].latencySeconds() + firstPacketBits / links[l].bandwidthBps();
                        slowest = Math.min(slowest, links[l].bandwidthBps());
                    }
                    perPacket[from][to][i] = 8 * mtu / slowest;
                }
            }
        }
        return new Candidates(out, perHop, perPacket);
    }

    private boolean usesLinkBelow(int[] tree, double beta) {
        for (int l : tree) {
            if (l >= 0 && links[l].bandwidthBps() < beta) {
                return true;
            }
        }
        return false;
    }

}
