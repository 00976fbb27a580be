package org.splitscope.optimize;

import java.util.Optional;
import java.util.Random;

/**
 * Baseline: a random pipelined plan. Draws a stage count in 1..K, distinct nodes and cut
 * points uniformly from a seeded generator and keeps the first draw that is allowed (routes,
 * memory, pins, forbids, utilization); up to {@value #DRAWS} draws. O(DRAWS (K + V + hops)).
 */
public final class RandomPipeline {
    public static final String METHOD = "random placement (baseline)";
    static final int DRAWS = 1000;

    private final SearchRequest request;
    private final PipelineObjective objective;
    private final long seed;

    /** @throws InvalidSearchException listing every problem of the request */
    public RandomPipeline(SearchRequest request, PipelineObjective objective, long seed) {
        PipelineRequests.validate(request, objective);
        this.request = request;
        this.objective = objective;
        this.seed = seed;
    }

    /** The first allowed random plan, evaluated; empty when no draw was allowed. */
    public Optional<RankedPlan> plan() {
        PipelineCosts costs = new PipelineCosts(request);
        int stages = PipelineRequests.stages(request, costs);
        PipelineCandidate c = candidate(costs, objective, request, stages, seed);
        return PipelineRequests.baseline(request, objective, c, METHOD, DRAWS);
    }

    static PipelineCandidate candidate(PipelineCosts costs, PipelineObjective objective, SearchRequest request,
                                       int stages, long seed) {
        Random random = new Random(seed);
        int[] perm = new int[costs.nodeCount];
        for (int draw = 0; draw < DRAWS; draw++) {
            int m = 1 + random.nextInt(stages);
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            int[] nodes = new int[m];
            for (int k = 0; k < m; k++) {
                int j = k + random.nextInt(perm.length - k);
                int t = perm[k];
                perm[k] = perm[j];
                perm[j] = t;
                nodes[k] = perm[k];
            }
            int[] ends = randomCuts(random, costs.units, m);
            double value = PipelineLoads.value(costs, objective, request, nodes, ends);
            if (!Double.isNaN(value)) {
                return new PipelineCandidate(nodes, ends, value);
            }
        }
        return null;
    }

    /** m - 1 distinct cuts among 1..units-1, sorted, then the last unit. */
    private static int[] randomCuts(Random random, int units, int m) {
        int[] pool = new int[units - 1];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i + 1;
        }
        for (int k = 0; k < m - 1; k++) {
            int j = k + random.nextInt(pool.length - k);
            int t = pool[k];
            pool[k] = pool[j];
            pool[j] = t;
        }
        int[] ends = new int[m];
        System.arraycopy(pool, 0, ends, 0, m - 1);
        java.util.Arrays.sort(ends, 0, m - 1);
        ends[m - 1] = units;
        return ends;
    }
}
