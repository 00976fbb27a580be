package org.splitscope.optimize;

import java.util.Arrays;

/**
 * A lower bound on the pipeline objective of every completion of a partial plan, by a dynamic
 * program over a relaxation: nodes may repeat (only consecutive stages differ), and every load is
 * counted alone (a transfer's link load without the other transfers on that link, a stage's node
 * load without the source's input serialization). Every real plan is a plan of the relaxation,
 * and each relaxed term is one summand of some real resource's load, so the relaxed optimum is
 * at most the real one: a valid bound. Saturating terms are excluded in both, so the bound
 * also holds under the utilization constraint.
 *
 * <p>{@code after(j, c, v)}: the least largest term of finishing the model when a stage on v
 * ends at cut c and at most j more stages may follow. Because a transfer term does not depend on
 * where the next stage ends, min_b max(t, s(b)) = max(t, min_b s(b)) splits the recurrence into
 * O(K N^2 V) + O(K N V^2) for K stages, N units and V nodes.
 */
final class PipelineBound {
    private final double[][][] after; // [j][c][v]
    private final double root;

    PipelineBound(PipelineCosts costs, PipelineObjective objective, PipelineLoads loads, int maxStages,
                  CancellationToken token) {
        int n = costs.units;
        int v = costs.nodeCount;
        double[] result = new double[v];
        for (int w = 0; w < v; w++) {
            int[] r = costs.resultRoute(w);
            double t = r == null ? Double.POSITIVE_INFINITY : costs.maxLinkLoad(r, costs.resultBytes);
            result[w] = loads.unsaturated(t) ? t : Double.POSITIVE_INFINITY;
        }
        after = new double[maxStages][n + 1][v];
        for (double[] row : after[0]) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        double[][] stage = new double[n + 2][v]; // [a][w]: a stage on w from a, with j more allowed
        for (int j = 0; j < maxStages; j++) {
            token.throwIfCancelled();
            for (int a = 1; a <= n; a++) {
                for (int w = 0; w < v; w++) {
                    stage[a][w] = bestStage(costs, objective, loads, j, a, w, result[w]);
                }
            }
            if (j + 1 < maxStages) {
                for (int c = 1; c < n; c++) {
                    for (int from = 0; from < v; from++) {
                        double best = Double.POSITIVE_INFINITY;
                        for (int w = 0; w < v; w++) {
                            int[] route = w == from ? null : costs.route(c, from, w);
                            if (route != null && stage[c + 1][w] < best) {
                                double t = costs.maxLinkLoad(route, costs.bytes[c]);
                                if (loads.unsaturated(t)) {
                                    best = Math.min(best, Math.max(t, stage[c + 1][w]));
                                }
                            }
                        }
                        after[j + 1][c][from] = best;
                    }
                }
            } else {
                double best = Double.POSITIVE_INFINITY;
                for (int w = 0; w < v; w++) {
                    double first = firstTransfer(costs, objective, loads, w);
                    best = Math.min(best, Math.max(first, stage[1][w]));
                }
                root = best;
                return;
            }
        }
        root = Double.POSITIVE_INFINITY; // not reached: the loop returns at j = maxStages - 1
    }

    private double bestStage(PipelineCosts costs, PipelineObjective objective, PipelineLoads loads, int j, int a, int w,
                             double result) {
        double best = Double.POSITIVE_INFINITY;
        for (int b = a; b <= costs.reach[w][a]; b++) {
            double rest = b == costs.units ? result : after[j][b][w];
            if (rest >= best) {
                continue;
            }
            double s = costs.stageLoad(w, a, b);
            if (!loads.unsaturated(s)) {
                continue;
            }
            best = Math.min(best, Math.max(objective.countsNodes() ? s : 0, rest));
        }
        return best;
    }

    /** The input's trip to a first stage on w, and the source's serialization of it. */
    static double firstTransfer(PipelineCosts costs, PipelineObjective objective, PipelineLoads loads, int w) {
        if (w == costs.source) {
            return 0;
        }
        int[] route = costs.route(0, costs.source, w);
        if (route == null) {
            return Double.POSITIVE_INFINITY;
        }
        double t = costs.maxLinkLoad(route, costs.bytes[0]);
        double ser = costs.inputSerializeLoad();
        if (!loads.unsaturated(t) || !loads.unsaturated(ser)) {
            return Double.POSITIVE_INFINITY;
        }
        return objective.countsNodes() ? Math.max(t, ser) : t;
    }

    /** The bound over all plans with at most maxStages stages. */
    double root() {
        return root;
    }

    /** The bound on what follows a stage on v that ends at cut c &lt; N, with at most j more stages. */
    double after(int j, int c, int v) {
        return j <= 0 ? Double.POSITIVE_INFINITY : after[j][c][v];
    }
}
