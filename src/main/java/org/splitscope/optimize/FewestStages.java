package org.splitscope.optimize;

/**
 * The fewest stages a pipeline plan still needs at a threshold when nodes may repeat (though not
 * in consecutive stages), every term at most the threshold: a relaxation of the distinct-node
 * plans that {@link PipelineThresholdSearch} prunes by. A dynamic program over cuts from the
 * last, O(N^2 V + N V^2) for N units and V nodes.
 */
final class FewestStages {
    /** More stages than any plan has: no way to finish. */
    static final int NONE = Integer.MAX_VALUE / 4;

    private final int[][] afterCut; // [c][u]: fewest stages to finish after a stage on u ended at cut c
    private final int[][] startingAt; // [a][w]: fewest stages to finish with a stage on w starting at a

    FewestStages(PipelineTerms terms, int units, int nodes, double threshold) {
        double[][][] stage = terms.stage;
        double[][][] transfer = terms.transfer;
        afterCut = new int[units + 1][nodes];
        startingAt = new int[units + 2][nodes];
        for (int u = 0; u < nodes; u++) {
            afterCut[units][u] = terms.result[u] <= threshold ? 0 : NONE;
        }
        for (int c = units - 1; c >= 0; c--) {
            int a = c + 1;
            for (int w = 0; w < nodes; w++) {
                int best = NONE;
                double[] s = stage[w][a];
                for (int i = 0; i < s.length; i++) {
                    if (s[i] <= threshold && afterCut[a + i][w] < best) {
                        best = afterCut[a + i][w];
                    }
                }
                startingAt[a][w] = best >= NONE ? NONE : best + 1;
            }
            if (c == 0) {
                break;
            }
            for (int u = 0; u < nodes; u++) {
                int best = NONE;
                double[] row = transfer[c][u];
                for (int w = 0; w < nodes; w++) {
                    if (row[w] <= threshold && startingAt[a][w] < best) {
                        best = startingAt[a][w];
                    }
                }
                afterCut[c][u] = best;
            }
        }
    }

    /** After a stage on node u that ended at cut c (c = N: the result's trip only). */
    int afterCut(int c, int u) {
        return afterCut[c][u];
    }

    /** With a stage on node w that starts at unit a (counting that stage). */
    int startingAt(int a, int w) {
        return startingAt[a][w];
    }
}
