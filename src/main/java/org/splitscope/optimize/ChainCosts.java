package org.splitscope.optimize;

import java.util.HashMap;
import java.util.Map;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.SerializationCost;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.perf.Evaluator;

/**
 * The pieces of the performance model a chain plan's expected latency and cost are summed from,
 * for every unit, head, cut and node, computed once per search: unit and head seconds per node
 * (measured for the node's class, else FLOPs over its rate), measured ranges, (de)serialization,
 * transfer time and egress of every cut between every two nodes, the result's trip to the sink,
 * prices and memory. They follow the evaluator's definitions (sections 2, 3 and 5 of the
 * performance model); {@link ConfigCosts} weighs them by the probabilities of one exit
 * configuration. O(N V^2) routes and O(N V) times for N units and V nodes.
 */
final class ChainCosts {
    final ModelProfile profile;
    final int units;
    final int nodeCount;
    final int source;
    final String[] nodeIds;
    final double[] cutBytes; // [cut]: 0 is the input
    final double[][] unitSeconds; // [node][u]
    final double[][] unitPrefix; // [node][u]: seconds of units 1..u
    final double[][] serializeSeconds; // [node][cut]
    final double[][] deserializeSeconds; // [node][cut]
    final double[][] headSeconds; // [node][exit]
    final int[] exitAt; // [u]: the profile exit attached after u, or -1
    final double[][][] transferSeconds; // [cut][from][to], NaN without a route
    final double[][][] transferUsd; // [cut][from][to]: egress of one such transfer
    final double[] resultSeconds; // [node]: the result's trip to the sink (0 without a route)
    final double[] resultUsd;
    final double[] usdPerBusySecond; // [node]: dedicated price, 0 otherwise
    final ServerlessPricing[] serverless; // [node] or null
    final double[] capacity; // [node]: bytes, infinite when unlimited
    final int[] concurrency; // [node]
    final double[] unitParams;
    final double[] unitWorking;
    /** [node][first][last]: measured range seconds of its class (NaN where not measured), or null; shared per class. */
    private final double[][][] ranges;
    private final boolean[] rangesIncludeHead;
    private final boolean measuredSerialization;
    private final RouteTable routes;

    ChainCosts(ModelProfile profile, Topology topology) {
        this.profile = profile;
        units = profile.unitCount();
        nodeCount = topology.nodes().size();
        source = topology.nodeIndex(topology.source());
        nodeIds = topology.nodes().stream().map(Node::id).toArray(String[]::new);
        int sink = topology.nodeIndex(topology.sink());
        cutBytes = new double[units + 1];
        cutBytes[0] = profile.inputBytes();
        unitParams = new double[units + 1];
        unitWorking = new double[units + 1];
        exitAt = new int[units + 1];
        java.util.Arrays.fill(exitAt, -1);
        for (int u = 1; u <= units; u++) {
            Unit unit = profile.unit(u);
            cutBytes[u] = unit.cutBytes();
            unitParams[u] = unit.paramBytes();
            unitWorking[u] = unit.workingBytes();
        }
        for (int e = 0; e < profile.exits().size(); e++) {
            exitAt[profile.exits().get(e).afterUnit()] = e;
        }
        unitSeconds = new double[nodeCount][units + 1];
        unitPrefix = new double[nodeCount][units + 1];
        serializeSeconds = new double[nodeCount][units + 1];
        deserializeSeconds = new double[nodeCount][units + 1];
        headSeconds = new double[nodeCount][profile.exits().size()];
        ranges = new double[nodeCount][][];
        rangesIncludeHead = new boolean[nodeCount];
        usdPerBusySecond = new double[nodeCount];
        serverless = new ServerlessPricing[nodeCount];
        capacity = new double[nodeCount];
        concurrency = topology.nodes().stream().mapToInt(Node::concurrency).toArray();
        resultSeconds = new double[nodeCount];
        resultUsd = new double[nodeCount];
        routes = new RouteTable(topology);
        boolean measured = false;
        Map<String, double[][]> byClass = new HashMap<>();
        for (int n = 0; n < nodeCount; n++) {
            Node node = topology.nodes().get(n);
            times(node, n, byClass);
            measured |= serialization(node, n);
            if (node.pricing() instanceof DedicatedPricing d) {
                usdPerBusySecond[n] = d.usdPerHour() / 3600;
            } else if (node.pricing() instanceof ServerlessPricing s) {
                serverless[n] = s;
            }
            Double cap = node.memoryCapacityBytes();
            capacity[n] = cap == null ? Double.POSITIVE_INFINITY : cap;
            // without a route to the sink the terms stay 0: StageRules keeps every outcome off such a node
            RouteTable.Leg back = routes.leg(n, sink, profile.resultBytes());
            resultSeconds[n] = back == null ? 0 : back.seconds();
            resultUsd[n] = back == null ? 0 : back.usdPerGB() * profile.resultBytes() / 1e9;
        }
        measuredSerialization = measured;
        transferSeconds = new double[units][nodeCount][nodeCount];
        transferUsd = new double[units][nodeCount][nodeCount];
        for (int c = 0; c < units; c++) {
            for (int i = 0; i < nodeCount; i++) {
                for (int j = 0; j < nodeCount; j++) {
                    RouteTable.Leg leg = routes.leg(i, j, cutBytes[c]);
                    transferSeconds[c][i][j] = leg == null ? Double.NaN : leg.seconds();
                    transferUsd[c][i][j] = leg == null ? Double.NaN : leg.usdPerGB() * cutBytes[c] / 1e9;
                }
            }
        }
    }

    /** A copy with other range tables (the rest shared). */
    private ChainCosts(ChainCosts c, double[][][] ranges) {
        profile = c.profile;
        units = c.units;
        nodeCount = c.nodeCount;
        source = c.source;
        nodeIds = c.nodeIds;
        cutBytes = c.cutBytes;
        unitSeconds = c.unitSeconds;
        unitPrefix = c.unitPrefix;
        serializeSeconds = c.serializeSeconds;
        deserializeSeconds = c.deserializeSeconds;
        headSeconds = c.headSeconds;
        exitAt = c.exitAt;
        transferSeconds = c.transferSeconds;
        transferUsd = c.transferUsd;
        resultSeconds = c.resultSeconds;
        resultUsd = c.resultUsd;
        usdPerBusySecond = c.usdPerBusySecond;
        serverless = c.serverless;
        capacity = c.capacity;
        concurrency = c.concurrency;
        unitParams = c.unitParams;
        unitWorking = c.unitWorking;
        this.ranges = ranges;
        rangesIncludeHead = new boolean[nodeCount];
        measuredSerialization = c.measuredSerialization;
        routes = c.routes;
    }

    /**
     * A relaxation for bounds: on nodes with measured ranges, the seconds of units a..u become
     * the least that any range a..u' with u' >= u takes (whether or not the head after its last
     * unit runs), so they never fall as u grows and never exceed what a plan is charged. Other
     * nodes keep their unit sums, which never fall either.
     */
    ChainCosts withNondecreasingRanges() {
        double[][][] out = new double[nodeCount][][];
        for (int n = 0; n < nodeCount; n++) {
            if (ranges[n] == null) {
                continue;
            }
            double[][] t = new double[units + 1][units + 1];
            for (int a = 1; a <= units; a++) {
                double least = Double.POSITIVE_INFINITY;
                for (int u = units; u >= a; u--) {
                    least = Math.min(least, Math.min(units(n, a, u, false), units(n, a, u, true)));
                    t[a][u] = least;
                }
            }
            out[n] = t;
        }
        return new ChainCosts(this, out);
    }

    private void times(Node node, int n, Map<String, double[][]> byClass) {
        String cls = node.deviceClass();
        for (int u = 1; u <= units; u++) {
            unitSeconds[n][u] = Evaluator.unitSeconds(profile.unit(u), node);
            unitPrefix[n][u] = unitPrefix[n][u - 1] + unitSeconds[n][u];
        }
        for (int e = 0; e < profile.exits().size(); e++) {
            headSeconds[n][e] = Evaluator.headSeconds(profile.exits().get(e), node);
        }
        for (RangeLatencyTable t : profile.rangeLatencies()) {
            if (t.deviceClass().equals(cls)) {
                // a dense table: the searches ask for O(N^2) ranges per exit configuration
                ranges[n] = byClass.computeIfAbsent(cls, c -> {
                    double[][] table = new double[units + 1][units + 1];
                    for (double[] row : table) {
                        java.util.Arrays.fill(row, Double.NaN);
                    }
                    for (RangeLatency r : t.ranges()) {
                        table[r.firstUnit()][r.lastUnit()] = r.seconds();
                    }
                    return table;
                });
                rangesIncludeHead[n] = t.includesExitHead();
            }
        }
    }

    /** Fills the node's (de)serialization seconds per cut; true when some cut has its own measured time. */
    private boolean serialization(Node node, int n) {
        SerializationCost ser = profile.serialize().get(node.deviceClass());
        SerializationCost deser = profile.deserialize().get(node.deviceClass());
        for (int c = 0; c <= units; c++) {
            serializeSeconds[n][c] = ser == null ? 0 : ser.seconds(c, cutBytes[c]);
            deserializeSeconds[n][c] = deser == null ? 0 : deser.seconds(c, cutBytes[c]);
        }
        return (ser != null && !ser.perCutSeconds().isEmpty()) || (deser != null && !deser.perCutSeconds().isEmpty());
    }

    /** Whether the node's class has measured ranges (then its stage times do not add up unit by unit). */
    boolean hasRanges(int n) {
        return ranges[n] != null;
    }

    /**
     * Seconds a request spends computing units first..end on node n, heads included, as the
     * evaluator counts them: a measured range wins over the unit sum; when the range includes
     * the head after its last unit that head is not added twice, and when that head does not run
     * its own time on n is taken off the range, never below zero (section 5).
     *
     * @param headPrefix [u]: seconds on n of the heads that run after units 1..u in this configuration
     * @param headRuns   [u]: the exit whose head runs after u, or -1
     */
    double compute(int n, int first, int end, double[] headPrefix, int[] headRuns) {
        return units(n, first, end, headRuns[end] >= 0) + headPrefix[end] - headPrefix[first - 1];
    }

    /**
     * Seconds of units first..end on node n without the heads that run among them, as the
     * evaluator counts them (see {@link #compute}); the exit searches add heads one by one.
     *
     * @param headRunsAtEnd whether the head after unit end runs in the plan
     */
    double units(int n, int first, int end, boolean headRunsAtEnd) {
        double[][] table = ranges[n];
        if (table != null) {
            double range = table[first][end];
            if (!Double.isNaN(range)) {
                if (!rangesIncludeHead[n] || exitAt[end] < 0) {
                    return range;
                }
                if (headRunsAtEnd) {
                    return range - headSeconds[n][exitAt[end]];
                }
                return Math.max(0, range - headSeconds[n][exitAt[end]]);
            }
        }
        return unitPrefix[n][end] - unitPrefix[n][first - 1];
    }

    /** The input's trip to a first stage on n into out (latency, cost), without waits: nothing when n is the source. */
    void start(int n, double[] out) {
        if (n == source) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        double ser = serializeSeconds[source][0];
        out[0] = ser + transferSeconds[0][source][n];
        out[1] = usdPerBusySecond[source] * ser + transferUsd[0][source][n];
    }

    /** Seconds each link on the route of cut c from node i to node j is busy with it; null without a route. */
    double[] linkBusy(int c, int i, int j) {
        return routes.linkBusy(i, j, cutBytes[c]);
    }

    boolean measuredSerialization() {
        return measuredSerialization;
    }
}
