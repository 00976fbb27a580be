package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The terms whose sums are a pipeline plan's loads, each fixed by one choice: the input's trip
 * to the first stage's node (with the source's serialization of it), a stage's node load (node,
 * first and last unit), a cut's transfer between two nodes (its busiest link), the result's trip
 * to the sink; a term that alone saturates its resource is +inf. A plan's largest term is its
 * value where no resource is shared and a lower bound on it otherwise, and one of the sorted
 * distinct finite terms ({@link #values}), the range of {@link PipelineThresholdSearch}'s binary
 * search.
 */
final class PipelineTerms {
    final double[] input; // [w]: the input's term for a first stage on w
    final double[] result; // [w]: the result's trip from w to the sink
    final double[][][] transfer; // [c][from][to]: cut c's busiest link load, +inf without a route
    final double[][][] stage; // [w][a][b - a]: stage load (0 when only links count), +inf where it saturates
    final double[] values; // sorted distinct finite terms
    private final int units;
    private final int nodes;

    PipelineTerms(PipelineCosts costs, PipelineObjective objective, SearchRequest request) {
        units = costs.units;
        nodes = costs.nodeCount;
        PipelineLoads probe = new PipelineLoads(costs, objective, request);
        input = new double[nodes];
        result = new double[nodes];
        for (int w = 0; w < nodes; w++) {
            input[w] = PipelineBound.firstTransfer(costs, objective, probe, w);
            int[] r = costs.resultRoute(w);
            double t = r == null ? Double.POSITIVE_INFINITY : costs.maxLinkLoad(r, costs.resultBytes);
            result[w] = probe.unsaturated(t) ? t : Double.POSITIVE_INFINITY;
        }
        transfer = new double[units][nodes][nodes];
        for (int c = 1; c < units; c++) {
            for (int u = 0; u < nodes; u++) {
                for (int w = 0; w < nodes; w++) {
                    double t = u == w ? Double.POSITIVE_INFINITY : costs.maxTransferLoad(c, u, w);
                    transfer[c][u][w] = probe.unsaturated(t) ? t : Double.POSITIVE_INFINITY;
                }
            }
        }
        stage = new double[nodes][units + 1][];
        for (int w = 0; w < nodes; w++) {
            for (int a = 1; a <= units; a++) {
                int reach = costs.reach[w][a];
                stage[w][a] = new double[Math.max(0, reach - a + 1)];
                for (int b = a; b <= reach; b++) {
                    double s = costs.stageLoad(w, a, b);
                    stage[w][a][b - a] = !probe.unsaturated(s) ? Double.POSITIVE_INFINITY
                            : objective.countsNodes() ? s : 0;
                }
            }
        }
        values = candidateValues();
    }

    private double[] candidateValues() {
        List<double[]> parts = new ArrayList<>();
        parts.add(input);
        parts.add(result);
        parts.add(new double[] {0});
        for (int c = 1; c < units; c++) {
            for (int u = 0; u < nodes; u++) {
                parts.add(transfer[c][u]);
            }
        }
        for (int w = 0; w < nodes; w++) {
            for (int a = 1; a <= units; a++) {
                parts.add(stage[w][a]);
            }
        }
        int size = 0;
        for (double[] p : parts) {
            size += p.length;
        }
        double[] all = new double[size];
        int at = 0;
        for (double[] p : parts) {
            for (double v : p) {
                if (Double.isFinite(v)) {
                    all[at++] = v;
                }
            }
        }
        Arrays.sort(all, 0, at);
        int distinct = 0;
        for (int i = 0; i < at; i++) {
            if (distinct == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** The largest term of a plan (its value when no resource is shared). */
    double largest(int[] ns, int[] ends) {
        double worst = input[ns[0]];
        for (int k = 0; k < ns.length; k++) {
            int a = k == 0 ? 1 : ends[k - 1] + 1;
            worst = Math.max(worst, stage[ns[k]][a][ends[k] - a]);
            if (k > 0) {
                worst = Math.max(worst, transfer[a - 1][ns[k - 1]][ns[k]]);
            }
        }
        return Math.max(worst, result[ns[ns.length - 1]]);
    }
}
