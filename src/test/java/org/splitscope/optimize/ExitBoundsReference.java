package org.splitscope.optimize;

import java.util.Arrays;

/**
 * {@link ExitBounds}' forward pass written plainly, as it was before its loops were made to
 * vectorize: one kappa at a time over every end, and the prefix minimum over every kappa by rate.
 * The properties hold the fast pass to this one's floats, bit for bit.
 */
final class ExitBoundsReference {
    private static final double INF = Double.POSITIVE_INFINITY;

    private ExitBoundsReference() {
    }

    /** The pass's layers, [x][(a pairs + ns) kappaEnd[x] + kappa], as {@link StateValues#dense} gives them. */
    static float[][] layers(ExitGraph g, double cl, double ccost, double ca) {
        float[][] value = new float[g.last + 1][];
        int last = g.last;
        int pairs = g.pairs;
        int kappas = g.kappas;
        int layer = (last + 2) * pairs * kappas;
        double[] cur = new double[layer];
        double[] nxt = new double[layer];
        Arrays.fill(cur, INF);
        double[] tr = new double[2];
        for (int n = 0; n < g.rules.nodeCount; n++) {
            int s0 = g.rules.start(n);
            if (s0 < 0 || g.nsOf[n][s0] < 0 || g.firstStart[1][n] > 1) {
                continue;
            }
            g.start(n, tr);
            cur[(pairs + g.nsOf[n][s0]) * kappas] = cl * tr[0] + ccost * tr[1] + entry(g, n, 1, cl, ccost);
        }
        int nodes = g.rules.nodeCount;
        double[] endCost = new double[nodes];
        double[] endOn = new double[nodes];
        int[] endAt = new int[nodes];
        double[] z = new double[kappas + 1];
        for (int x = 1; x <= last; x++) {
            value[x] = ExitScalarReference.layer(g, x, cur);
            if (x == last) {
                break;
            }
            Arrays.fill(nxt, 0, (x + 2) * pairs * kappas, INF);
            int e = g.cc.exitAt[x];
            for (int ns = 0; ns < pairs; ns++) {
                int n = g.nsNode[ns];
                double price = g.cc.usdPerBusySecond[n];
                for (int a = x; a >= g.firstStart[x][n]; a--) {
                    boolean goOn = a >= g.firstStart[x + 1][n];
                    int base = (a * pairs + ns) * kappas;
                    int ends = ends(g, x, ns, g.units(n, a, x, false), cl, ccost, endCost, endAt);
                    for (int kappa = 0; kappa < g.kappaEnd(x, a); kappa++) {
                        double v = cur[base + kappa];
                        if (v == INF) {
                            continue;
                        }
                        double w = 1 - g.kappaRate[kappa];
                        if (goOn && v < nxt[base + kappa]) {
                            nxt[base + kappa] = v;
                        }
                        for (int i = 0; i < ends; i++) {
                            double u = v + w * endCost[i];
                            if (u < nxt[endAt[i] + kappa]) {
                                nxt[endAt[i] + kappa] = u;
                            }
                        }
                    }
                    if (e < 0 || !g.rules.mayRun(x, n, true)) {
                        continue;
                    }
                    double head = (cl + ccost * price) * g.cc.headSeconds[n][e];
                    double unitsOn = g.units(n, a, x, true);
                    double leave = cl * (unitsOn + g.cc.resultSeconds[n]) + ccost * (price * unitsOn + g.cc.resultUsd[n])
                            - ca * g.overallAcc[e];
                    int endsOn = ends(g, x, ns, unitsOn, cl, ccost, endOn, endAt);
                    z[0] = INF;
                    for (int j = 0; j < kappas; j++) {
                        int kappa = g.kappaByRate[j];
                        double v = cur[base + kappa];
                        double c = v == INF ? INF : v - g.kappaRate[kappa] * (head + leave);
                        z[j + 1] = Math.min(z[j], c);
                    }
                    for (int t = 0; t < g.grid[e].length; t++) {
                        double r = g.rate[e][t];
                        int atMost = 0; // the kappas of rate at most r, a prefix of kappaByRate
                        while (atMost < kappas && g.kappaRate[g.kappaByRate[atMost]] <= r) {
                            atMost++;
                        }
                        double best = z[atMost];
                        if (best == INF) {
                            continue;
                        }
                        double v = best + head + r * leave;
                        int kOn = g.kappaBase[e] + t;
                        if (goOn && !g.stageEnds && v < nxt[base + kOn]) {
                            nxt[base + kOn] = v;
                        }
                        for (int i = 0; i < endsOn; i++) {
                            double u = v + (1 - r) * endOn[i];
                            if (u < nxt[endAt[i] + kOn]) {
                                nxt[endAt[i] + kOn] = u;
                            }
                        }
                    }
                }
            }
            double[] swap = cur;
            cur = nxt;
            nxt = swap;
        }
        return value;
    }

    private static double entry(ExitGraph g, int n, int x, double cl, double ccost) {
        double deser = g.deserialize(n, x);
        return cl * deser + ccost * deser * g.cc.usdPerBusySecond[n];
    }

    private static int ends(ExitGraph g, int x, int ns, double units, double cl, double ccost, double[] endCost,
                            int[] endAt) {
        int n = g.nsNode[ns];
        int s = g.nsState[ns];
        double price = g.cc.usdPerBusySecond[n];
        double ser = g.cc.serializeSeconds[n][x];
        int count = 0;
        for (int m = 0; m < g.rules.nodeCount; m++) {
            int s2 = g.followingState(n, s, m);
            if (s2 < 0 || g.firstStart[x + 1][m] > x + 1) {
                continue;
            }
            endCost[count] = cl * (units + ser + g.cc.transferSeconds[x][n][m])
                    + ccost * (price * (units + ser) + g.cc.transferUsd[x][n][m]) + entry(g, m, x + 1, cl, ccost);
            endAt[count] = ((x + 1) * g.pairs + g.nsOf[m][s2]) * g.kappas;
            count++;
        }
        return count;
    }
}
