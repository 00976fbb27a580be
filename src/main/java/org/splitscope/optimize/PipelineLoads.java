package org.splitscope.optimize;

import java.util.Arrays;

import org.splitscope.perf.Tolerance;

/**
 * The loads of a plan being built stage by stage, on every node and link, summed where stages or
 * transfers share a resource (the source serializing the input and hosting a later stage, two
 * transfers routed over one link), so that the value is the evaluator's and not a bound.
 * Push and pop are O(hops); the search backtracks through them.
 */
final class PipelineLoads {
    private final PipelineCosts costs;
    private final PipelineObjective objective;
    private final double arrivalRate;
    private final boolean belowSaturation;
    private final double[] load; // nodes, then links
    private final double[] objectiveMax; // per depth
    private final double[] allMax;
    private final int[] firstChange;
    private int[] changed = new int[64];
    private double[] delta = new double[64];
    private int changes;
    private int depth;

    PipelineLoads(PipelineCosts costs, PipelineObjective objective, SearchRequest request) {
        this.costs = costs;
        this.objective = objective;
        this.arrivalRate = request.workload().arrivalRatePerSecond();
        this.belowSaturation = request.constraints().belowSaturation();
        load = new double[costs.nodeCount + costs.linkCount];
        int levels = costs.units + 2;
        objectiveMax = new double[levels];
        allMax = new double[levels];
        firstChange = new int[levels];
    }

    /** Whether a resource at this load stays below saturation at the arrival rate (when that is required). */
    boolean unsaturated(double l) {
        return !belowSaturation || arrivalRate == 0 || Tolerance.less(arrivalRate * l, 1);
    }

    double nodeLoad(int n) {
        return load[n];
    }

    double linkLoad(int l) {
        return load[costs.nodeCount + l];
    }

    /** The objective's value so far (final once the last stage is pushed). */
    double value() {
        return objectiveMax[depth];
    }

    /** The largest load of any resource so far. */
    double worstLoad() {
        return allMax[depth];
    }

    int depth() {
        return depth;
    }

    /**
     * Adds stage k = depth() running units a..b on node n, with its inbound transfer from the
     * previous node (or the input from the source), and the result's trip when b is the last
     * unit. Returns false (and adds nothing) when a route is missing.
     */
    boolean push(int previous, int n, int a, int b) {
        int[] in;
        if (depth == 0) {
            in = n == costs.source ? new int[0] : costs.route(0, costs.source, n);
        } else {
            in = costs.route(a - 1, previous, n);
        }
        int[] out = b == costs.units ? costs.resultRoute(n) : null;
        if (in == null || (b == costs.units && out == null)) {
            return false;
        }
        firstChange[depth] = changes;
        double objMax = objectiveMax[depth];
        double worst = allMax[depth];
        depth++;
        if (depth == 1 && n != costs.source) {
            double v = add(costs.source, costs.inputSerializeLoad());
            worst = Math.max(worst, v);
            objMax = objective.countsNodes() ? Math.max(objMax, v) : objMax;
        }
        double x = costs.bytes[a - 1];
        for (int l : in) {
            double v = add(costs.nodeCount + l, costs.linkLoad(l, x));
            worst = Math.max(worst, v);
            objMax = Math.max(objMax, v);
        }
        double v = add(n, costs.stageLoad(n, a, b));
        worst = Math.max(worst, v);
        objMax = objective.countsNodes() ? Math.max(objMax, v) : objMax;
        if (out != null) {
            for (int l : out) {
                double w = add(costs.nodeCount + l, costs.linkLoad(l, costs.resultBytes));
                worst = Math.max(worst, w);
                objMax = Math.max(objMax, w);
            }
        }
        objectiveMax[depth] = objMax;
        allMax[depth] = worst;
        return true;
    }

    void pop() {
        depth--;
        while (changes > firstChange[depth]) {
            changes--;
            load[changed[changes]] -= delta[changes];
        }
        if (depth == 0) {
            Arrays.fill(load, 0); // no drift from add-then-subtract across a long search
        }
    }

    private double add(int r, double d) {
        if (changes == changed.length) {
            changed = Arrays.copyOf(changed, 2 * changes);
            delta = Arrays.copyOf(delta, 2 * changes);
        }
        changed[changes] = r;
        delta[changes] = d;
        changes++;
        load[r] += d;
        return load[r];
    }

    /** The objective value of a whole plan, or NaN when it is not allowed (route, memory, saturation). */
    static double value(PipelineCosts costs, PipelineObjective objective, SearchRequest request, int[] nodes, int[] ends) {
        PipelineLoads loads = new PipelineLoads(costs, objective, request);
        for (int k = 0; k < nodes.length; k++) {
            int a = k == 0 ? 1 : ends[k - 1] + 1;
            if (ends[k] > costs.reach[nodes[k]][a] || !loads.push(k == 0 ? -1 : nodes[k - 1], nodes[k], a, ends[k])) {
                return Double.NaN;
            }
        }
        return loads.unsaturated(loads.worstLoad()) ? loads.value() : Double.NaN;
    }
}
