package org.splitscope.optimize;

import java.util.Arrays;
import java.util.Optional;

import org.splitscope.model.ModelProfile;

/**
 * Baseline, SEIFER's own two steps: first partition the model into m contiguous stages of
 * balanced FLOPs that each fit the memory of some node (least largest stage by bisection with
 * greedy filling), then place them in order: the first on the source if it fits there, else,
 * like every later stage, on the unused node with the fastest direct link from the previous
 * stage's node (the source for the first) that holds it. Every m in 1..K is tried and the best
 * kept. O(K (I N + K V)) for I bisection steps.
 */
public final class PartitionThenPlace {
    public static final String METHOD = "partition then place (SEIFER baseline)";
    private static final int BISECTIONS = 60;

    private final SearchRequest request;
    private final PipelineObjective objective;

    /** @throws InvalidSearchException listing every problem of the request */
    public PartitionThenPlace(SearchRequest request, PipelineObjective objective) {
        PipelineRequests.validate(request, objective);
        this.request = request;
        this.objective = objective;
    }

    /** The best partition-then-place plan over the stage counts, evaluated; empty when none can be placed. */
    public Optional<RankedPlan> plan() {
        PipelineCosts costs = new PipelineCosts(request);
        int stages = PipelineRequests.stages(request, costs);
        PipelineCandidate c = candidate(costs, objective, request, stages);
        return PipelineRequests.baseline(request, objective, c, METHOD, stages);
    }

    static PipelineCandidate candidate(PipelineCosts costs, PipelineObjective objective, SearchRequest request, int stages) {
        ModelProfile profile = request.evaluator().profile();
        double[] flopPrefix = new double[costs.units + 1];
        for (int u = 1; u <= costs.units; u++) {
            flopPrefix[u] = flopPrefix[u - 1] + profile.unit(u).flops();
        }
        int[] fitsSomewhere = new int[costs.units + 1];
        for (int a = 1; a <= costs.units; a++) {
            fitsSomewhere[a] = a - 1;
            for (int n = 0; n < costs.nodeCount; n++) {
                fitsSomewhere[a] = Math.max(fitsSomewhere[a], costs.reach[n][a]);
            }
        }
        PipelineCandidate best = null;
        for (int m = 1; m <= stages; m++) {
            int[] ends = partition(costs.units, m, flopPrefix, fitsSomewhere);
            int[] nodes = ends == null ? null : place(costs, ends);
            if (nodes == null) {
                continue;
            }
            double value = PipelineLoads.value(costs, objective, request, nodes, ends);
            if (!Double.isNaN(value) && (best == null || value < best.value())) {
                best = new PipelineCandidate(nodes, ends, value);
            }
        }
        return best;
    }

    /** At most m stages minimizing the largest stage's FLOPs, each fitting some node; null when impossible. */
    private static int[] partition(int units, int m, double[] flopPrefix, int[] fitsSomewhere) {
        double lo = 0;
        double hi = flopPrefix[units];
        int[] ends = fill(units, m, flopPrefix, fitsSomewhere, hi);
        for (int i = 0; i < BISECTIONS && ends != null; i++) {
            double mid = (lo + hi) / 2;
            int[] e = fill(units, m, flopPrefix, fitsSomewhere, mid);
            if (e != null) {
                hi = mid;
                ends = e;
            } else {
                lo = mid;
            }
        }
        return ends;
    }

    private static int[] fill(int units, int m, double[] flopPrefix, int[] fitsSomewhere, double limit) {
        int[] ends = new int[m];
        int a = 1;
        int k = 0;
        while (a <= units && k < m) {
            int b = a;
            if (b > fitsSomewhere[a]) {
                return null;
            }
            while (b < fitsSomewhere[a] && flopPrefix[b + 1] - flopPrefix[a - 1] <= limit) {
                b++;
            }
            ends[k++] = b;
            a = b + 1;
        }
        return a > units ? Arrays.copyOf(ends, k) : null;
    }

    /** Nodes for the stages in order, each on the fastest direct link from the previous; null when stuck. */
    private static int[] place(PipelineCosts costs, int[] ends) {
        int[] nodes = new int[ends.length];
        boolean[] used = new boolean[costs.nodeCount];
        int previous = costs.source;
        for (int k = 0; k < ends.length; k++) {
            int a = k == 0 ? 1 : ends[k - 1] + 1;
            int chosen = -1;
            if (k == 0 && ends[0] <= costs.reach[costs.source][1]) {
                chosen = costs.source;
            } else {
                for (int n = 0; n < costs.nodeCount; n++) {
                    double bw = costs.directBandwidth[previous][n];
                    if (!used[n] && bw > 0 && ends[k] <= costs.reach[n][a]
                            && (chosen < 0 || bw > costs.directBandwidth[previous][chosen])) {
                        chosen = n;
                    }
                }
            }
            if (chosen < 0) {
                return null;
            }
            used[chosen] = true;
            nodes[k] = chosen;
            previous = chosen;
        }
        return nodes;
    }
}
