package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;

/**
 * {@link ExitScalar}'s unit program written plainly, as it was before its loops were made to
 * vectorize: one kappa at a time, each comparison recording its decision. The properties hold
 * the fast program to this one's plans and values, bit for bit.
 */
final class ExitScalarReference {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final byte D_OFF = -1;
    private static final byte D_TERMINAL = -2;
    private static final byte D_GO_ON = -1;
    private static final byte D_FINAL = -2;

    private final ExitGraph g;
    private final int tMax;
    private byte[] decH;
    private byte[] decOff;
    private byte[] decOn;

    ExitScalarReference(ExitGraph graph) {
        this.g = graph;
        this.tMax = graph.maxThresholds();
    }

    /** A solve's plan and value (null when none), its values at the stage starts and at every state. */
    record Solved(ExitDp.Found found, double[] starts, float[][] states) {
    }

    Solved solve(double cl, double ccost, double ca) {
        ExitGraph g = this.g;
        int last = g.last;
        int pairs = g.pairs;
        int kappas = g.kappas;
        int layer = (last + 2) * pairs * kappas;
        double[] enter = new double[layer];
        double[] next = new double[layer];
        double[] cur = new double[layer];
        Arrays.fill(enter, INF);
        Arrays.fill(next, INF);
        int dsize = (last + 1) * (last + 1) * pairs;
        if (decH == null) {
            decH = new byte[dsize * kappas];
            decOff = new byte[dsize * kappas];
            decOn = new byte[dsize * tMax];
        }
        double[] on = new double[tMax];
        double[] sufVal = new double[tMax + 1];
        byte[] sufArg = new byte[tMax + 1];
        float[][] layers = new float[last + 1][];
        int nodes = g.rules.nodeCount;
        double[] endCost = new double[nodes];
        int[] endAt = new int[nodes];
        byte[] endNode = new byte[nodes];
        double[] rates = g.kappaRate;
        for (int x = last; x >= 1; x--) {
            Arrays.fill(cur, 0, (x + 1) * pairs * kappas, INF);
            int e = g.cc.exitAt[x];
            int kEnd = g.kappaEnd[x];
            for (int ns = 0; ns < pairs; ns++) {
                int n = g.nsNode[ns];
                double price = g.cc.usdPerBusySecond[n];
                boolean exitHere = e >= 0 && g.rules.mayRun(x, n, true);
                double result = cl * g.cc.resultSeconds[n] + ccost * g.cc.resultUsd[n];
                for (int a = x; a >= g.firstStart[x][n]; a--) {
                    int d = (x * (last + 1) + a) * pairs + ns;
                    double unitsOff = g.units(n, a, x, false);
                    double head = 0;
                    double leave = 0;
                    double onBest = INF;
                    byte onArg = D_OFF;
                    int ts = exitHere ? g.grid[e].length : 0;
                    if (exitHere) {
                        head = (cl + ccost * price) * g.cc.headSeconds[n][e];
                        double unitsOn = g.units(n, a, x, true);
                        leave = cl * unitsOn + ccost * price * unitsOn + result;
                        int onEnds = ends(x, ns, unitsOn, cl, ccost, endCost, endAt);
                        for (int t = 0; t < ts; t++) {
                            int kOn = g.nested ? g.kappaBase[e] + t : 0;
                            on[t] = proceed(x, a, ns, kOn, g.stageEnds, unitsOn, price, cl, ccost, ca, next, enter, onEnds,
                                    endCost, endAt);
                            decOn[d * tMax + t] = lastDecision;
                        }
                        if (g.nested) {
                            suffixByRate(g, e, on, leave - ca * g.overallAcc[e], sufVal, sufArg);
                        } else {
                            onArg = (byte) IndependentThreshold.best(g, e, on, head, leave, ca);
                            onBest = onArg < 0 ? INF : IndependentThreshold.value(g, e, onArg, on, head, leave, ca);
                        }
                    }
                    // the exit at x off: go on in the stage, end it, or end the model at the last unit
                    int ends = ends(x, ns, unitsOff, cl, ccost, endCost, endAt);
                    for (int i = 0; i < ends; i++) {
                        endNode[i] = (byte) g.nsNode[(endAt[i] / kappas) % pairs];
                    }
                    int base = (a * pairs + ns) * kappas;
                    int dk = d * kappas;
                    int kStage = g.kappaEnd(x, a);
                    // passes over the previous exits (w = 1 - R(kappa); R(0) = 0, the only kappa of independent curves)
                    if (x == last) {
                        double fin = g.rules.mayRun(x, n, true)
                                ? cl * unitsOff + ccost * price * unitsOff + result - ca * g.finalAcc : INF;
                        for (int kappa = 0; kappa < kStage; kappa++) {
                            cur[base + kappa] = fin == INF ? INF : (1 - rates[kappa]) * fin;
                        }
                        Arrays.fill(decOff, dk, dk + kStage, D_FINAL);
                    } else {
                        System.arraycopy(next, base, cur, base, kStage);
                        Arrays.fill(decOff, dk, dk + kStage, D_GO_ON);
                        for (int i = 0; i < ends; i++) {
                            double c = endCost[i];
                            int at = endAt[i];
                            byte node = endNode[i];
                            for (int kappa = 0; kappa < kStage; kappa++) {
                                double v = (1 - rates[kappa]) * c + enter[at + kappa];
                                if (v < cur[base + kappa]) {
                                    cur[base + kappa] = v;
                                    decOff[dk + kappa] = node;
                                }
                            }
                        }
                    }
                    Arrays.fill(decH, dk, dk + kStage, D_OFF);
                    if (exitHere && g.nested) {
                        int[] atLeast = g.atLeast[e];
                        double exitValue = leave - ca * g.overallAcc[e];
                        double terminal = head + exitValue;
                        boolean partial = g.partial;
                        for (int kappa = 0; kappa < kStage; kappa++) {
                            double r = rates[kappa];
                            int pos = atLeast[kappa];
                            double v = (1 - r) * head - r * exitValue + sufVal[pos];
                            if (v < cur[base + kappa]) {
                                cur[base + kappa] = v;
                                decH[dk + kappa] = sufArg[pos];
                            }
                            v = (1 - r) * terminal;
                            if (partial && v < cur[base + kappa]) {
                                cur[base + kappa] = v;
                                decH[dk + kappa] = D_TERMINAL;
                            }
                        }
                    } else if (exitHere) {
                        if (onBest < cur[base]) {
                            cur[base] = onBest;
                            decH[dk] = onArg;
                        }
                        double v = g.partial ? head + leave - ca * g.overallAcc[e] : INF;
                        if (v < cur[base]) {
                            cur[base] = v;
                            decH[dk] = D_TERMINAL;
                        }
                    }
                }
            }
            layers[x] = layer(g, x, cur);
            for (int ns = 0; ns < pairs; ns++) {
                int n = g.nsNode[ns];
                double deser = g.deserialize(n, x);
                double term = cl * deser + ccost * deser * g.cc.usdPerBusySecond[n];
                int at = (x * pairs + ns) * kappas;
                for (int kappa = 0; kappa < kEnd; kappa++) {
                    double h = cur[at + kappa];
                    enter[at + kappa] = h == INF ? INF : g.weight(kappa) * term + h;
                }
            }
            double[] swap = next;
            next = cur;
            cur = swap;
        }
        double best = INF;
        int first = -1;
        double[] tr = new double[2];
        for (int n = 0; n < nodes; n++) {
            int s0 = g.rules.start(n);
            if (s0 < 0 || g.nsOf[n][s0] < 0) {
                continue;
            }
            double f = enter[(pairs + g.nsOf[n][s0]) * kappas];
            g.start(n, tr);
            if (f < INF && cl * tr[0] + ccost * tr[1] + f < best) {
                best = cl * tr[0] + ccost * tr[1] + f;
                first = n;
            }
        }
        return new Solved(first < 0 ? null : walk(first, best), enter, layers);
    }

    /** Layer x of a program's values, [(a pairs + ns) kappas + kappa], as floats rounded down: [(a pairs + ns) kappaEnd[x] + kappa]. */
    static float[] layer(ExitGraph g, int x, double[] layer) {
        int kEnd = g.kappaEnd[x];
        float[] out = new float[(x + 1) * g.pairs * kEnd];
        for (int a = 1; a <= x; a++) {
            for (int ns = 0; ns < g.pairs; ns++) {
                int from = (a * g.pairs + ns) * g.kappas;
                int to = (a * g.pairs + ns) * kEnd;
                for (int kappa = 0; kappa < kEnd; kappa++) {
                    out[to + kappa] = ExitBounds.down(layer[from + kappa]);
                }
            }
        }
        return out;
    }

    /**
     * The stages that may follow one on ns ending after x, as value per unit of weight (units of
     * the stage, serialization, transfer) and index of the next stage's entry layer, into
     * endCost/endAt; returns how many.
     */
    private int ends(int x, int ns, double units, double cl, double ccost, double[] endCost, int[] endAt) {
        if (x == g.last) {
            return 0;
        }
        int n = g.nsNode[ns];
        int s = g.nsState[ns];
        double price = g.cc.usdPerBusySecond[n];
        double ser = g.cc.serializeSeconds[n][x];
        int count = 0;
        for (int m = 0; m < g.rules.nodeCount; m++) {
            int s2 = g.followingState(n, s, m);
            if (s2 < 0) {
                continue;
            }
            endCost[count] = cl * (units + ser + g.cc.transferSeconds[x][n][m])
                    + ccost * (price * (units + ser) + g.cc.transferUsd[x][n][m]);
            endAt[count] = ((x + 1) * g.pairs + g.nsOf[m][s2]) * g.kappas;
            count++;
        }
        return count;
    }

    private byte lastDecision;

    /** The best way on from after x's exit decision with kappa the previous exit; its decision is left in lastDecision. */
    private double proceed(int x, int a, int ns, int kappa, boolean mustEnd, double units, double price, double cl,
                           double ccost, double ca, double[] next, double[] enter, int ends, double[] endCost,
                           int[] endAt) {
        double w = g.weight(kappa);
        int n = g.nsNode[ns];
        if (x == g.last) {
            lastDecision = D_FINAL;
            return g.rules.mayRun(x, n, true)
                    ? w * (cl * units + ccost * price * units + cl * g.cc.resultSeconds[n] + ccost * g.cc.resultUsd[n]
                    - ca * g.finalAcc) : INF;
        }
        double best = mustEnd ? INF : next[(a * g.pairs + ns) * g.kappas + kappa];
        lastDecision = D_GO_ON;
        for (int i = 0; i < ends; i++) {
            double v = w * endCost[i] + enter[endAt[i] + kappa];
            if (v < best) {
                best = v;
                lastDecision = (byte) g.nsNode[(endAt[i] / g.kappas) % g.pairs];
            }
        }
        return best;
    }

    /** The decisions walked from the first stage's node into a plan. */
    private ExitDp.Found walk(int firstNode, double value) {
        List<Stage> stages = new ArrayList<>();
        List<EnabledExit> enabled = new ArrayList<>();
        String terminal = null;
        int n = firstNode;
        int ns = g.nsOf[n][g.rules.start(n)];
        int a = 1;
        int kappa = 0;
        for (int x = 1; ; ) {
            int d = (x * (g.last + 1) + a) * g.pairs + ns;
            byte h = decH[d * g.kappas + kappa];
            byte c;
            if (h == D_TERMINAL) {
                terminal = g.profile.exits().get(g.cc.exitAt[x]).id();
                stages.add(new Stage(a, x, g.id(n)));
                break;
            } else if (h >= 0) {
                int e = g.cc.exitAt[x];
                enabled.add(new EnabledExit(g.profile.exits().get(e).id(), g.grid[e][h]));
                kappa = g.nested ? g.kappaBase[e] + h : 0;
                c = decOn[d * tMax + h];
            } else {
                c = decOff[d * g.kappas + kappa];
            }
            if (c == D_FINAL) {
                stages.add(new Stage(a, x, g.id(n)));
                break;
            } else if (c == D_GO_ON) {
                x++;
            } else {
                stages.add(new Stage(a, x, g.id(n)));
                ns = g.nsOf[c][g.rules.next(g.nsState[ns], c)];
                n = c;
                x++;
                a = x;
            }
        }
        return new ExitDp.Found(new Plan(stages, enabled, terminal), Double.NaN, Double.NaN, Double.NaN, value);
    }

    /**
     * With nested curves, enabling exit e at threshold t after a previous exit of rate r is worth
     * R_t x exitValue + on[t] plus terms of r alone, allowed where R_t >= r: the least of those
     * over the thresholds from each position of e's thresholds by rising rate up, into
     * sufVal[pos] and its threshold into sufArg[pos] (sufVal[ts] infinite).
     */
    static void suffixByRate(ExitGraph g, int e, double[] on, double exitValue, double[] sufVal, byte[] sufArg) {
        int ts = g.grid[e].length;
        sufVal[ts] = INF;
        for (int pos = ts - 1; pos >= 0; pos--) {
            int t = g.byRate[e][pos];
            double q = on[t] == INF ? INF : g.rate[e][t] * exitValue + on[t];
            boolean better = q < sufVal[pos + 1];
            sufVal[pos] = better ? q : sufVal[pos + 1];
            sufArg[pos] = better ? (byte) t : sufArg[pos + 1];
        }
    }
}
