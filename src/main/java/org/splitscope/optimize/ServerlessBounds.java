package org.splitscope.optimize;

import java.util.Arrays;

/**
 * The least latency (or cost) still needed to finish a serverless slicing from a cut: a backward
 * dynamic program over {@link ServerlessStageCosts}, exact for the program's sums, used to prune
 * labels that cannot meet the SLO or beat a known cost, and to report the fastest slicing.
 * O(K N^2 M C^2) for K functions, N units, M memory sizes and C codec choices.
 */
final class ServerlessBounds {
    private ServerlessBounds() {
    }

    /**
     * [j][b][c]: the least latency (latency true) or cost of units b+1..last in at most j
     * functions when cut b arrives with codec choice c; 0 at the last unit, +inf when impossible.
     */
    static double[][][] least(ServerlessStageCosts t, int functions, boolean latency) {
        int n = t.last;
        int c = t.codecs;
        double[][][] least = new double[functions + 1][n + 1][c];
        for (int j = 0; j <= functions; j++) {
            for (double[] row : least[j]) {
                Arrays.fill(row, Double.POSITIVE_INFINITY);
            }
            least[j][n][0] = 0;
        }
        for (int j = 1; j <= functions; j++) {
            for (int b = n - 1; b >= 0; b--) {
                for (int ci = 0; ci < c; ci++) {
                    double best = Double.POSITIVE_INFINITY;
                    for (int end = b + 1; end <= n; end++) {
                        for (int co = 0; co < (end < n ? c : 1); co++) {
                            double rest = least[j - 1][end][co];
                            if (rest == Double.POSITIVE_INFINITY) {
                                continue;
                            }
                            for (int m = 0; m < t.sizes; m++) {
                                double v = latency ? t.latency(b + 1, end, m, ci, co) : t.cost(b + 1, end, m, ci, co);
                                best = Math.min(best, v + rest);
                            }
                        }
                    }
                    least[j][b][ci] = best;
                }
            }
        }
        return least;
    }
}
