package org.splitscope.optimize;

import java.util.Arrays;
import java.util.Optional;

/**
 * Baseline: follow the highest-bandwidth link. The stage nodes are the source, then repeatedly
 * the unused node on the fastest direct link from the last one (up to K nodes); units are dealt
 * to them in that order, each node taking units while its stage load stays under a threshold
 * and its memory holds them, and the least threshold that places the whole model is found by
 * bisection. O(K V) for the chain, O(I N) for I bisection steps.
 */
public final class GreedyPipeline {
    public static final String METHOD = "greedy highest-bandwidth chain (baseline)";
    private static final int BISECTIONS = 60;

    private final SearchRequest request;
    private final PipelineObjective objective;

    /** @throws InvalidSearchException listing every problem of the request */
    public GreedyPipeline(SearchRequest request, PipelineObjective objective) {
        PipelineRequests.validate(request, objective);
        this.request = request;
        this.objective = objective;
    }

    /** The greedy plan, evaluated; empty when the chain cannot hold the model. */
    public Optional<RankedPlan> plan() {
        PipelineCosts costs = new PipelineCosts(request);
        int stages = PipelineRequests.stages(request, costs);
        PipelineCandidate c = candidate(costs, objective, request, stages);
        return PipelineRequests.baseline(request, objective, c, METHOD, 1);
    }

    static PipelineCandidate candidate(PipelineCosts costs, PipelineObjective objective, SearchRequest request, int stages) {
        int[] chain = chain(costs, stages);
        double lo = 0;
        double hi = 0;
        for (int n : chain) {
            hi = Math.max(hi, costs.stageLoad(n, 1, costs.units));
        }
        int[] ends = fill(costs, chain, hi);
        if (ends == null) {
            return null; // memory, pins or forbids stop the chain even without a load limit
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            int[] e = fill(costs, chain, mid);
            if (e != null) {
                hi = mid;
                ends = e;
            } else {
                lo = mid;
            }
        }
        int[] nodes = Arrays.copyOf(chain, ends.length);
        double value = PipelineLoads.value(costs, objective, request, nodes, ends);
        return Double.isNaN(value) ? null : new PipelineCandidate(nodes, ends, value);
    }

    /** The source, then the unused node on the fastest direct link from the previous one. */
    static int[] chain(PipelineCosts costs, int stages) {
        int[] chain = new int[stages];
        boolean[] used = new boolean[costs.nodeCount];
        chain[0] = costs.source;
        used[costs.source] = true;
        int length = 1;
        while (length < stages) {
            int next = -1;
            for (int n = 0; n < costs.nodeCount; n++) {
                double bw = costs.directBandwidth[chain[length - 1]][n];
                if (!used[n] && bw > 0 && (next < 0 || bw > costs.directBandwidth[chain[length - 1]][next])) {
                    next = n;
                }
            }
            if (next < 0) {
                break;
            }
            used[next] = true;
            chain[length++] = next;
        }
        return Arrays.copyOf(chain, length);
    }

    /** Stage ends when each node takes units while its load stays within the limit; null when units are left over. */
    private static int[] fill(PipelineCosts costs, int[] chain, double limit) {
        int[] ends = new int[chain.length];
        int a = 1;
        int k = 0;
        while (a <= costs.units && k < chain.length) {
            int n = chain[k];
            int b = a - 1;
            while (b < costs.units && b + 1 <= costs.reach[n][a] && costs.stageLoad(n, a, b + 1) <= limit) {
                b++;
            }
            if (b < a) {
                return null;
            }
            ends[k++] = b;
            a = b + 1;
        }
        return a > costs.units ? Arrays.copyOf(ends, k) : null;
    }
}
