package org.splitscope.optimize;

import java.util.Arrays;

/**
 * Forward values of a nested {@link ExitGraph}: for every state, the least cl x latency + cc x
 * cost - ca x accuracy that a plan's part before the state (its prefix) can have. With nested
 * curves a plan's figures are its prefix's plus its suffix's (both absolute), so for any lambda
 * >= 0 a suffix (lat, acc) at state s completes to a plan meeting an accuracy floor only with
 * objective >= lat - lambda acc + G_lambda(s) + lambda floor (the prefix adds at least floor - acc
 * accuracy); with ca = 1 alone, -G(s) is the most accuracy a prefix can add. These bound the
 * label program (Carlyle, Royset and Wood's Lagrangian bounds for constrained shortest paths).
 *
 * <p>The transitions are {@link ExitScalar}'s, forward: enabling exit e at t after kappa costs
 * w(kappa) head + (R_t - R_kappa) L, so the best entry into t is min over kappa with R_kappa <= R_t
 * of (G(kappa) - R_kappa (head + L)) + head + R_t L, a prefix minimum over the kappas by rising
 * rate. Values are stored as floats rounded down, so every bound stays a bound.
 */
final class ExitBounds {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final ExitGraph g;
    private final StateValues value;

    /** Values of cl x latency + cc x cost - ca x accuracy (cl or cc 1 for the objective, ca a multiplier; or ca 1 alone). */
    ExitBounds(ExitGraph graph, double cl, double ccost, double ca, CancellationToken token) {
        this.g = graph;
        value = new StateValues(graph);
        run(cl, ccost, ca, token);
    }

    /** The bound at state (x, a, ns, kappa); infinite where no prefix leads. */
    double at(int x, int a, int ns, int kappa) {
        return value.at(x, a * g.pairs + ns, kappa);
    }

    /** The bounds of every state; a row that no prefix reaches is left out. */
    StateValues values() {
        return value;
    }

    /**
     * Layer x of the pass is kept as its stored floats are, [(a pairs + ns) kappaEnd[x] + kappa]:
     * only the kappas that can be reached at x take room, which halves what is written and read.
     * Most rows (a, ns) no prefix reaches at all (two in three on PORTEND's ResNet-110): a row is
     * marked when a prefix reaches it, and an unmarked one is neither stored (its values are stale)
     * nor passed on.
     */
    private void run(double cl, double ccost, double ca, CancellationToken token) {
        int last = g.last;
        int pairs = g.pairs;
        int layer = (last + 2) * pairs * g.kappas;
        double[] cur = new double[layer];
        double[] nxt = new double[layer];
        boolean[] reached = new boolean[(last + 2) * pairs]; // [a pairs + ns]
        boolean[] reachedNext = new boolean[(last + 2) * pairs];
        Arrays.fill(cur, INF);
        double[] tr = new double[2];
        for (int n = 0; n < g.rules.nodeCount; n++) {
            int s0 = g.rules.start(n);
            if (s0 < 0 || g.nsOf[n][s0] < 0 || g.firstStart[1][n] > 1) {
                continue;
            }
            g.start(n, tr);
            cur[(pairs + g.nsOf[n][s0]) * g.kappaEnd[1]] = cl * tr[0] + ccost * tr[1] + entry(n, 1, cl, ccost);
            reached[pairs + g.nsOf[n][s0]] = true;
        }
        int nodes = g.rules.nodeCount;
        double[] endCost = new double[nodes];
        double[] endOn = new double[nodes];
        int[] endAt = new int[nodes];
        double[] weight = g.kappaWeight;
        // a row at x is read from row and the stages starting at x + 1 are built in entering, all indexed by
        // kappa alone: C2 vectorizes a loop only where its double arrays share one offset
        double[] row = new double[g.kappas];
        double[][] entering = new double[pairs][g.kappas];
        for (int x = 1; x <= last; x++) {
            token.throwIfCancelled();
            int kEnd = g.kappaEnd[x];
            value.put(x, cur, reached, x + 1, pairs);
            if (x == last) {
                break;
            }
            int kNext = g.kappaEnd[x + 1];
            // what no state at x reaches stays infinite: the stages starting at x + 1 (minima below) and
            // the new exit's kappas in a row that goes on (the rest is copied)
            for (double[] into : entering) {
                Arrays.fill(into, 0, kNext, INF);
            }
            Arrays.fill(reachedNext, false);
            int e = g.cc.exitAt[x];
            for (int ns = 0; ns < pairs; ns++) {
                int n = g.nsNode[ns];
                double price = g.cc.usdPerBusySecond[n];
                for (int a = x; a >= g.firstStart[x][n]; a--) {
                    if (!reached[a * pairs + ns]) {
                        continue;
                    }
                    boolean goOn = a >= g.firstStart[x + 1][n];
                    int from = (a * pairs + ns) * kEnd;
                    int to = (a * pairs + ns) * kNext;
                    int kStage = g.kappaEnd(x, a);
                    int ends = ends(x, ns, g.units(n, a, x, false), cl, ccost, endCost, endAt);
                    // nothing else reaches (x + 1, a) without the exit: the row goes on as it is
                    if (goOn) {
                        System.arraycopy(cur, from, nxt, to, kStage);
                        Arrays.fill(nxt, to + kStage, to + kNext, INF);
                        reachedNext[a * pairs + ns] = true;
                    }
                    // branch-free minima over contiguous kappas, which C2 vectorizes (Math.min differs from a
                    // comparison only in a zero's sign, which the stored floats drop); an unreached state stays
                    // infinite in the sum, and an end that is not finite is left out (0 x infinity is no number)
                    System.arraycopy(cur, from, row, 0, kStage);
                    for (int i = 0; i < ends; i++) {
                        double c = endCost[i];
                        double[] into = entering[endAt[i]];
                        if (!(c < INF)) {
                            continue;
                        }
                        reachedNext[(x + 1) * pairs + endAt[i]] = true;
                        for (int kappa = 0; kappa < kStage; kappa++) {
                            into[kappa] = Math.min(into[kappa], row[kappa] + weight[kappa] * c);
                        }
                    }
                    if (e < 0 || !g.rules.mayRun(x, n, true)) {
                        continue;
                    }
                    double head = (cl + ccost * price) * g.cc.headSeconds[n][e];
                    double unitsOn = g.units(n, a, x, true);
                    double leave = cl * (unitsOn + g.cc.resultSeconds[n]) + ccost * (price * unitsOn + g.cc.resultUsd[n])
                            - ca * g.overallAcc[e];
                    int endsOn = ends(x, ns, unitsOn, cl, ccost, endOn, endAt);
                    double headLeave = head + leave;
                    // the thresholds by rising rate, each taking the previous exits of rates up to its own
                    int[] kappas = g.byRateBefore[g.stageEnds ? a : x];
                    double[] rateByRate = g.rateBefore[g.stageEnds ? a : x];
                    // (a branch, not Math.min: it is rarely taken, so no chain of minima waits on each other)
                    int j = 0;
                    double best = INF;
                    for (int t : g.byRate[e]) {
                        double r = g.rate[e][t];
                        for (; j < kappas.length && rateByRate[j] <= r; j++) {
                            double c = row[kappas[j]] - rateByRate[j] * headLeave;
                            if (c < best) {
                                best = c;
                            }
                        }
                        if (best == INF) {
                            continue;
                        }
                        double v = best + head + r * leave;
                        int kOn = g.kappaBase[e] + t;
                        if (goOn && !g.stageEnds && v < nxt[to + kOn]) {
                            nxt[to + kOn] = v;
                        }
                        for (int i = 0; i < endsOn; i++) {
                            double u = v + (1 - r) * endOn[i];
                            if (u < entering[endAt[i]][kOn]) {
                                entering[endAt[i]][kOn] = u;
                                reachedNext[(x + 1) * pairs + endAt[i]] = true;
                            }
                        }
                    }
                }
            }
            for (int ns = 0; ns < pairs; ns++) {
                System.arraycopy(entering[ns], 0, nxt, ((x + 1) * pairs + ns) * kNext, kNext);
            }
            double[] swap = cur;
            cur = nxt;
            nxt = swap;
            boolean[] swapped = reached;
            reached = reachedNext;
            reachedNext = swapped;
        }
    }

    /** The value of deserializing before unit x on n, per unit of weight. */
    private double entry(int n, int x, double cl, double ccost) {
        double deser = g.deserialize(n, x);
        return cl * deser + ccost * deser * g.cc.usdPerBusySecond[n];
    }

    /**
     * {@link ExitScalar}'s stage ends, with the next stage's deserialization and its start at x + 1
     * checked: value per unit of weight into endCost, the pair the next stage starts in into endAt.
     */
    private int ends(int x, int ns, double units, double cl, double ccost, double[] endCost, int[] endAt) {
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
                    + ccost * (price * (units + ser) + g.cc.transferUsd[x][n][m]) + entry(m, x + 1, cl, ccost);
            endAt[count] = g.nsOf[m][s2];
            count++;
        }
        return count;
    }

    /**
     * v rounded to a float not above it. Lowering v by 2^-22 of itself first leaves the float's
     * rounding (at most 2^-24 of it) no room to go above v, without a branch on the rounding's
     * direction, which goes either way at random and made this copy cost as much as the pass.
     */
    static float down(double v) {
        double size = Math.abs(v);
        if (size >= 1e-30 && size <= 1e38) {
            return (float) (v - size * 0x1p-22);
        }
        if (v == Double.POSITIVE_INFINITY) {
            return Float.POSITIVE_INFINITY; // no prefix leads here
        }
        // beyond the floats' normal range the relative rounding does not hold; up to the largest float it does
        if (v >= 0) {
            return size < 1e-30 ? 0f : v >= Float.MAX_VALUE ? Float.MAX_VALUE : (float) (v - size * 0x1p-22);
        }
        return size < 1e-30 ? -1e-30f : Float.NEGATIVE_INFINITY;
    }
}
