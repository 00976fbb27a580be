package org.splitscope.optimize;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.SerializationCost;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.perf.Evaluator;

/**
 * Per-request busy times of a pipelined plan without exits, as the evaluator counts them
 * (sections 2, 3 and 5 of the performance model), computed once per search so that a placement
 * search can add them up fast: a stage's node load (deserializing its input, its units, with a
 * measured range where one exists, serializing its output; over the node's concurrency), each
 * transfer's route and the busy time it puts on each link of it, and how far a stage starting
 * at a unit may reach on a node before memory, pins or forbids stop it.
 * O(V N^2) for the reach tables for V nodes and N units; routes are looked up as searches ask
 * (a 400-node chain has 400^2 N routes of up to 399 links: too many to hold).
 */
final class PipelineCosts {
    final int units;
    final int nodeCount;
    final int source;
    final int sink;
    final int linkCount;
    final double[] bytes; // [cut]: 0 is the input
    final double resultBytes;
    private final double[][] unitPrefix; // [node][u]
    private final double[][] serialize; // [node][cut]
    private final double[][] deserialize; // [node][cut]
    private final Map<Long, Double>[] ranges; // [node], or null
    private final boolean[] rangesIncludeHead;
    private final int[] exitAfter; // [u]: the profile's exit head after u, or -1
    private final double[][] headSeconds; // [node][exit]
    private final double[] concurrency;
    private final double[] linkBandwidth;
    private final double[] capacity; // [node]: bytes a stage may use, +inf when unlimited or not enforced
    private final double[] flopsPerLoadSecond; // [node]: rate x concurrency where every unit's time is FLOPs over rate, else NaN
    private final double[] flops; // [u]
    private final double[] unitParams; // [u]
    /** [node][a]: the last unit a stage starting at a may end at on the node (a - 1 when none). */
    final int[][] reach;
    /** (cut, from, to) -> the route of that cut's transfer, null without one; filled as searches ask. */
    private final Map<Long, int[]> route = new HashMap<>();
    private final int[][] resultRoute; // [from]
    /** [from][to]: the fastest direct link's bandwidth usable in that direction, 0 without one. */
    final double[][] directBandwidth;
    final PipelineRoutes routes;

    @SuppressWarnings("unchecked")
    PipelineCosts(SearchRequest request) {
        ModelProfile profile = request.evaluator().profile();
        Topology topology = request.evaluator().topology();
        units = profile.unitCount();
        nodeCount = topology.nodes().size();
        source = topology.nodeIndex(topology.source());
        sink = topology.nodeIndex(topology.sink());
        routes = new PipelineRoutes(topology);
        linkCount = routes.linkCount();
        linkBandwidth = new double[linkCount];
        for (int l = 0; l < linkCount; l++) {
            linkBandwidth[l] = routes.link(l).bandwidthBps();
        }
        bytes = new double[units + 1];
        bytes[0] = profile.inputBytes();
        exitAfter = new int[units + 1];
        Arrays.fill(exitAfter, -1);
        for (int u = 1; u <= units; u++) {
            bytes[u] = profile.unit(u).cutBytes();
        }
        for (int e = 0; e < profile.exits().size(); e++) {
            exitAfter[profile.exits().get(e).afterUnit()] = e;
        }
        headSeconds = new double[nodeCount][profile.exits().size()];
        resultBytes = profile.resultBytes();
        unitPrefix = new double[nodeCount][units + 1];
        serialize = new double[nodeCount][units + 1];
        deserialize = new double[nodeCount][units + 1];
        ranges = new Map[nodeCount];
        rangesIncludeHead = new boolean[nodeCount];
        concurrency = new double[nodeCount];
        reach = new int[nodeCount][units + 2];
        capacity = new double[nodeCount];
        unitParams = new double[units + 1];
        flops = new double[units + 1];
        for (int u = 1; u <= units; u++) {
            unitParams[u] = profile.unit(u).paramBytes();
            flops[u] = profile.unit(u).flops();
        }
        flopsPerLoadSecond = new double[nodeCount];
        for (int n = 0; n < nodeCount; n++) {
            Node node = topology.nodes().get(n);
            times(profile, node, n);
            concurrency[n] = node.concurrency();
            reach(profile, node, n, request.space(), request.constraints().memoryMustFit());
            Double cap = node.memoryCapacityBytes();
            capacity[n] = cap == null || !request.constraints().memoryMustFit() ? Double.POSITIVE_INFINITY : cap;
        }
        directBandwidth = new double[nodeCount][nodeCount];
        for (int l = 0; l < linkCount; l++) {
            int from = topology.nodeIndex(routes.link(l).from());
            int to = topology.nodeIndex(routes.link(l).to());
            directBandwidth[from][to] = Math.max(directBandwidth[from][to], linkBandwidth[l]);
            if (!routes.link(l).oneWay()) {
                directBandwidth[to][from] = Math.max(directBandwidth[to][from], linkBandwidth[l]);
            }
        }
        resultRoute = new int[nodeCount][];
        for (int a = 0; a < nodeCount; a++) {
            resultRoute[a] = routes.route(a, sink, resultBytes);
        }
    }

    private void times(ModelProfile profile, Node node, int n) {
        String cls = node.deviceClass();
        double rate = node.effectiveFlopsPerSecond();
        boolean proportional = true;
        for (int u = 1; u <= units; u++) {
            Unit unit = profile.unit(u);
            Double measured = unit.latencySeconds().get(cls);
            proportional &= measured == null;
            unitPrefix[n][u] = unitPrefix[n][u - 1] + (measured != null ? measured : unit.flops() / rate);
        }
        proportional &= profile.rangeLatencies().stream().noneMatch(t -> t.deviceClass().equals(cls));
        flopsPerLoadSecond[n] = proportional ? rate * node.concurrency() : Double.NaN;
        for (int e = 0; e < profile.exits().size(); e++) {
            headSeconds[n][e] = Evaluator.headSeconds(profile.exits().get(e), node);
        }
        for (RangeLatencyTable t : profile.rangeLatencies()) {
            if (t.deviceClass().equals(cls)) {
                Map<Long, Double> table = new HashMap<>();
                for (RangeLatency r : t.ranges()) {
                    table.put(key(r.firstUnit(), r.lastUnit()), r.seconds());
                }
                ranges[n] = table;
                rangesIncludeHead[n] = t.includesExitHead();
            }
        }
        SerializationCost ser = profile.serialize().get(cls);
        SerializationCost deser = profile.deserialize().get(cls);
        for (int c = 0; c <= units; c++) {
            serialize[n][c] = ser == null ? 0 : ser.seconds(c, bytes[c]);
            deserialize[n][c] = deser == null ? 0 : deser.seconds(c, bytes[c]);
        }
    }

    /** Memory as the evaluator sums it (parameters in unit order plus the largest working set), pins and forbids. */
    private void reach(ModelProfile profile, Node node, int n, SearchSpace space, boolean memoryMustFit) {
        Double capacity = node.memoryCapacityBytes();
        for (int a = 1; a <= units; a++) {
            double params = 0;
            double working = 0;
            int b = a - 1;
            while (b < units) {
                Unit unit = profile.unit(b + 1);
                params += unit.paramBytes();
                working = Math.max(working, unit.workingBytes());
                boolean fits = !memoryMustFit || capacity == null || Math.max(0, params + working - capacity) <= 0;
                if (!fits || !StageRules.allowed(space, b + 1, node)) {
                    break;
                }
                b++;
            }
            reach[n][a] = b;
        }
    }

    private static long key(int first, int last) {
        return ((long) first << 32) | last;
    }

    /**
     * Seconds of units a..b on n: a measured range where there is one, less the time of an exit
     * head it includes (no head runs in a pipeline), never below zero (section 5).
     */
    private double compute(int n, int a, int b) {
        Double range = ranges[n] == null ? null : ranges[n].get(key(a, b));
        if (range == null) {
            return unitPrefix[n][b] - unitPrefix[n][a - 1];
        }
        if (!rangesIncludeHead[n] || exitAfter[b] < 0) {
            return range;
        }
        return Math.max(0, range - headSeconds[n][exitAfter[b]]);
    }

    /**
     * Load (busy seconds over concurrency) of units a..b as one stage on node n: deserializing
     * what comes in (nothing when the first stage runs on the source), computing, serializing the
     * cut after b unless it is the last unit.
     */
    double stageLoad(int n, int a, int b) {
        double in = a == 1 ? (n == source ? 0 : deserialize[n][0]) : deserialize[n][a - 1];
        double out = b < units ? serialize[n][b] : 0;
        return (in + compute(n, a, b) + out) / concurrency[n];
    }

    /** Memory a node offers its stage, +inf when unlimited or when memory need not fit. */
    double capacity(int n) {
        return capacity[n];
    }

    double unitParams(int u) {
        return unitParams[u];
    }

    double unitFlops(int u) {
        return flops[u];
    }

    /**
     * FLOPs node n computes per second of its load (rate x concurrency) when its stage times are
     * FLOPs over its rate; NaN where measured latencies or ranges make them otherwise. A stage
     * whose load is at most T then holds at most T times this many FLOPs.
     */
    double flopsPerLoadSecond(int n) {
        return flopsPerLoadSecond[n];
    }

    /** Load the source takes to serialize the input when the first stage runs elsewhere. */
    double inputSerializeLoad() {
        return serialize[source][0] / concurrency[source];
    }

    /** The route of cut c (0 = the input, from the source) from one node to another; null without one. */
    int[] route(int cut, int from, int to) {
        if (cut == 0 && from != source) {
            return null;
        }
        long key = ((long) cut * nodeCount + from) * nodeCount + to;
        int[] r = route.get(key);
        if (r == null && !route.containsKey(key)) {
            r = routes.route(from, to, bytes[cut]);
            route.put(key, r);
        }
        return r;
    }

    /**
     * The busiest link's load of cut c's transfer from one node to another (0 when local, +inf
     * without a route), without building the route: one term of the bottleneck for every pair.
     */
    double maxTransferLoad(int cut, int from, int to) {
        if (cut == 0 && from != source) {
            return Double.POSITIVE_INFINITY;
        }
        double slowest = routes.slowestLink(from, to, bytes[cut]);
        return slowest == 0 ? Double.POSITIVE_INFINITY : slowest == Double.POSITIVE_INFINITY ? 0 : 8 * bytes[cut] / slowest;
    }

    int[] resultRoute(int from) {
        return resultRoute[from];
    }

    /** Busy seconds one transfer of x bytes puts on link l. */
    double linkLoad(int l, double x) {
        return 8 * x / linkBandwidth[l];
    }

    /** The largest link load of a transfer of x bytes over the given route (0 for a local one). */
    double maxLinkLoad(int[] path, double x) {
        double worst = 0;
        for (int l : path) {
            worst = Math.max(worst, linkLoad(l, x));
        }
        return worst;
    }
}
