package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;

/**
 * {@link ExitScalar}'s program where exits sit only at stage ends (PORTEND's rule). Inside a
 * stage there is no exit decision, so it keeps one state per stage start (a, ns, kappa) and
 * moves over each stage end b, instead of one state per unit x of the stage. And it solves only
 * the previous exits kappa that some stage sequence brings to (a, ns): with few stages most
 * stage starts see two or three of them where the unit program solves every exit before a.
 *
 * <p>Every candidate value is the unit program's own expression, compared in its order (the
 * latest stage end first; at one end the next stages by node, the exit on, the model's end
 * there; a later candidate only when strictly better), so values, ties and plans are the unit
 * program's bit for bit.
 */
final class ExitStageScalar {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final byte OFF = -1;
    private static final byte TERMINAL = -2;
    private static final byte FINAL = -2;
    private static final byte NONE = -3;

    private final ExitGraph g;
    /** [a pairs + ns]: the previous exits a stage sequence can bring to a stage starting at a on ns. */
    private final int[][] reachable;
    // per stage start [(a pairs + ns) kappas + kappa]: the stage's end, the exit decision there, the next stage's node
    private final int[] decEnd;
    private final byte[] decExit;
    private final byte[] decNext;
    private double[] enter;

    ExitStageScalar(ExitGraph graph) {
        this.g = graph;
        reachable = reachable(graph);
        int states = (graph.last + 2) * graph.pairs * graph.kappas;
        decEnd = new int[states];
        decExit = new byte[states];
        decNext = new byte[states];
    }

    /**
     * Forward over stage starts: the first stage brings no exit, a stage end with its exit off
     * passes its kappas on, one with its exit on brings that exit at each threshold (clipped
     * shares included: a superset of what the values below read is enough).
     */
    private static int[][] reachable(ExitGraph g) {
        int pairs = g.pairs;
        int words = (g.kappas + 63) >>> 6;
        long[] bits = new long[(g.last + 2) * pairs * words];
        for (int n = 0; n < g.rules.nodeCount; n++) {
            int s0 = g.rules.start(n);
            if (s0 >= 0 && g.nsOf[n][s0] >= 0) {
                bits[(pairs + g.nsOf[n][s0]) * words] |= 1L;
            }
        }
        int[][] lists = new int[(g.last + 2) * pairs][];
        for (int a = 1; a <= g.last; a++) {
            for (int ns = 0; ns < pairs; ns++) {
                int from = (a * pairs + ns) * words;
                lists[a * pairs + ns] = kappas(bits, from, words);
                if (lists[a * pairs + ns].length == 0) {
                    continue;
                }
                int n = g.nsNode[ns];
                for (int b = a; b < g.last; b++) {
                    if (g.firstStart[b][n] > a) {
                        continue;
                    }
                    int e = g.cc.exitAt[b];
                    boolean exitHere = e >= 0 && g.rules.mayRun(b, n, true);
                    for (int m = 0; m < g.rules.nodeCount; m++) {
                        int s2 = g.followingState(n, g.nsState[ns], m);
                        if (s2 < 0) {
                            continue;
                        }
                        int to = ((b + 1) * pairs + g.nsOf[m][s2]) * words;
                        for (int w = 0; w < words; w++) {
                            bits[to + w] |= bits[from + w];
                        }
                        for (int t = 0; exitHere && t < g.grid[e].length; t++) {
                            int k = g.nested ? g.kappaBase[e] + t : 0;
                            bits[to + (k >>> 6)] |= 1L << k;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < lists.length; i++) {
            if (lists[i] == null) {
                lists[i] = new int[0];
            }
        }
        return lists;
    }

    private static int[] kappas(long[] bits, int from, int words) {
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(bits[from + w]);
        }
        int[] out = new int[count];
        int i = 0;
        for (int w = 0; w < words; w++) {
            for (long word = bits[from + w]; word != 0; word &= word - 1) {
                out[i++] = w * 64 + Long.numberOfTrailingZeros(word);
            }
        }
        return out;
    }

    /** The value of every solved stage start after the last {@link #solve}, [(x pairs + ns) kappas + kappa], infinite elsewhere. */
    double[] enter() {
        return enter;
    }

    /** {@link ExitScalar#solve} over stage starts. */
    ExitDp.Found solve(double cl, double ccost, double ca, CancellationToken token, Progress progress) {
        ExitGraph g = this.g;
        int last = g.last;
        int pairs = g.pairs;
        int kappas = g.kappas;
        int nodes = g.rules.nodeCount;
        int tMax = g.maxThresholds();
        double[] enter = new double[(last + 2) * pairs * kappas];
        Arrays.fill(enter, INF);
        double[] val = new double[kappas];
        double[] on = new double[tMax];
        byte[] onNext = new byte[tMax];
        double[] sufVal = new double[tMax + 1];
        byte[] sufArg = new byte[tMax + 1];
        double[] offCost = new double[nodes];
        int[] offAt = new int[nodes];
        byte[] offNode = new byte[nodes];
        double[] onCost = new double[nodes];
        int[] onAt = new int[nodes];
        byte[] onNode = new byte[nodes];
        double[] rates = g.kappaRate;
        for (int a = last; a >= 1; a--) {
            token.throwIfCancelled();
            for (int ns = 0; ns < pairs; ns++) {
                int[] ks = reachable[a * pairs + ns];
                if (ks.length == 0) {
                    continue;
                }
                int n = g.nsNode[ns];
                double price = g.cc.usdPerBusySecond[n];
                double result = cl * g.cc.resultSeconds[n] + ccost * g.cc.resultUsd[n];
                int dk = (a * pairs + ns) * kappas;
                for (int i = 0; i < ks.length; i++) {
                    val[i] = INF;
                    decEnd[dk + ks[i]] = a;
                    decExit[dk + ks[i]] = OFF;
                    decNext[dk + ks[i]] = NONE;
                }
                for (int b = last; b >= a; b--) {
                    if (g.firstStart[b][n] > a) {
                        // the stage cannot hold b on n: as in the unit program, nothing beyond b is reached from a
                        for (int i = 0; i < ks.length; i++) {
                            val[i] = INF;
                        }
                        continue;
                    }
                    int e = g.cc.exitAt[b];
                    boolean exitHere = e >= 0 && g.rules.mayRun(b, n, true);
                    double head = 0;
                    double leave = 0;
                    double exitValue = 0;
                    double onBest = INF;
                    byte onArg = OFF;
                    boolean onAny = false;
                    if (exitHere) {
                        head = (cl + ccost * price) * g.cc.headSeconds[n][e];
                        double unitsOn = g.units(n, a, b, true);
                        leave = cl * unitsOn + ccost * price * unitsOn + result;
                        int onEnds = ends(b, ns, unitsOn, cl, ccost, onCost, onAt, onNode);
                        int ts = g.grid[e].length;
                        for (int t = 0; t < ts; t++) {
                            int kOn = g.nested ? g.kappaBase[e] + t : 0;
                            on[t] = afterExit(b, n, kOn, unitsOn, price, cl, ccost, ca, enter, onEnds, onCost, onAt, onNode);
                            onNext[t] = lastNext;
                            onAny |= on[t] != INF;
                        }
                        if (g.nested) {
                            exitValue = leave - ca * g.overallAcc[e];
                            sufVal[ts] = INF;
                            for (int pos = ts - 1; pos >= 0; pos--) {
                                int t = g.byRate[e][pos];
                                double q = on[t] == INF ? INF : g.rate[e][t] * exitValue + on[t];
                                boolean better = q < sufVal[pos + 1];
                                sufVal[pos] = better ? q : sufVal[pos + 1];
                                sufArg[pos] = better ? (byte) t : sufArg[pos + 1];
                            }
                        } else {
                            for (int t = 0; t < ts; t++) {
                                if (on[t] == INF) {
                                    continue;
                                }
                                double r = g.rate[e][t];
                                double v = head + r * (leave - ca * g.exitedAcc[e][t]) + (1 - r) * on[t];
                                if (v < onBest) {
                                    onBest = v;
                                    onArg = (byte) t;
                                }
                            }
                        }
                    }
                    double unitsOff = g.units(n, a, b, false);
                    int ends = ends(b, ns, unitsOff, cl, ccost, offCost, offAt, offNode);
                    double fin = b == last && g.rules.mayRun(b, n, true)
                            ? cl * unitsOff + ccost * price * unitsOff + result - ca * g.finalAcc : INF;
                    int[] atLeast = exitHere && g.nested ? g.atLeast[e] : null;
                    double terminal = head + exitValue;
                    boolean partial = g.partial;
                    double independentTerminal = exitHere && !g.nested && partial ? head + leave - ca * g.overallAcc[e] : INF;
                    for (int i = 0; i < ks.length; i++) {
                        int k = ks[i];
                        double r = rates[k];
                        double cur = val[i];
                        int at = dk + k;
                        if (b == last) {
                            double v = fin == INF ? INF : (1 - r) * fin;
                            if (v < cur) {
                                cur = v;
                                set(at, b, OFF, FINAL);
                            }
                        }
                        for (int j = 0; j < ends; j++) {
                            double v = (1 - r) * offCost[j] + enter[offAt[j] + k];
                            if (v < cur) {
                                cur = v;
                                set(at, b, OFF, offNode[j]);
                            }
                        }
                        if (atLeast != null) {
                            int pos = atLeast[k];
                            if (onAny) {
                                double v = (1 - r) * head - r * exitValue + sufVal[pos];
                                if (v < cur) {
                                    cur = v;
                                    set(at, b, sufArg[pos], onNext[sufArg[pos]]);
                                }
                            }
                            double v = (1 - r) * terminal;
                            if (partial && v < cur) {
                                cur = v;
                                set(at, b, TERMINAL, NONE);
                            }
                        } else if (exitHere) {
                            if (onBest < cur) {
                                cur = onBest;
                                set(at, b, onArg, onNext[onArg]);
                            }
                            if (independentTerminal < cur) {
                                cur = independentTerminal;
                                set(at, b, TERMINAL, NONE);
                            }
                        }
                        val[i] = cur;
                    }
                }
                double deser = g.deserialize(n, a);
                double term = cl * deser + ccost * deser * g.cc.usdPerBusySecond[n];
                for (int i = 0; i < ks.length; i++) {
                    double h = val[i];
                    enter[dk + ks[i]] = h == INF ? INF : g.weight(ks[i]) * term + h;
                }
            }
            progress.update(last - a + 1, last + 1);
        }
        this.enter = enter;
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
        progress.update(last + 1, last + 1);
        return first < 0 ? null : walk(first, best);
    }

    private void set(int at, int end, byte exit, byte next) {
        decEnd[at] = end;
        decExit[at] = exit;
        decNext[at] = next;
    }

    /** The stages that may follow one on ns ending after b ({@link ExitScalar}'s ends), into cost/at/node; returns how many. */
    private int ends(int b, int ns, double units, double cl, double ccost, double[] cost, int[] at, byte[] node) {
        if (b == g.last) {
            return 0;
        }
        int n = g.nsNode[ns];
        int s = g.nsState[ns];
        double price = g.cc.usdPerBusySecond[n];
        double ser = g.cc.serializeSeconds[n][b];
        int count = 0;
        for (int m = 0; m < g.rules.nodeCount; m++) {
            int s2 = g.followingState(n, s, m);
            if (s2 < 0) {
                continue;
            }
            cost[count] = cl * (units + ser + g.cc.transferSeconds[b][n][m])
                    + ccost * (price * (units + ser) + g.cc.transferUsd[b][n][m]);
            at[count] = ((b + 1) * g.pairs + g.nsOf[m][s2]) * g.kappas;
            node[count] = (byte) m;
            count++;
        }
        return count;
    }

    private byte lastNext;

    /** The best way on after the exit at b turned on with kOn the new previous exit (the stage ends there); its next node in lastNext. */
    private double afterExit(int b, int n, int kOn, double units, double price, double cl, double ccost, double ca,
                             double[] enter, int ends, double[] cost, int[] at, byte[] node) {
        double w = g.weight(kOn);
        if (b == g.last) {
            lastNext = FINAL;
            return g.rules.mayRun(b, n, true)
                    ? w * (cl * units + ccost * price * units + cl * g.cc.resultSeconds[n] + ccost * g.cc.resultUsd[n]
                    - ca * g.finalAcc) : INF;
        }
        double best = INF;
        lastNext = NONE;
        for (int i = 0; i < ends; i++) {
            double v = w * cost[i] + enter[at[i] + kOn];
            if (v < best) {
                best = v;
                lastNext = node[i];
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
        while (true) {
            int at = (a * g.pairs + ns) * g.kappas + kappa;
            int b = decEnd[at];
            byte h = decExit[at];
            byte next = decNext[at];
            stages.add(new Stage(a, b, g.id(n)));
            if (h == TERMINAL) {
                terminal = g.profile.exits().get(g.cc.exitAt[b]).id();
                break;
            }
            if (h >= 0) {
                int e = g.cc.exitAt[b];
                enabled.add(new EnabledExit(g.profile.exits().get(e).id(), g.grid[e][h]));
                kappa = g.nested ? g.kappaBase[e] + h : 0;
            }
            if (next == FINAL) {
                break;
            }
            ns = g.nsOf[next][g.rules.next(g.nsState[ns], next)];
            n = next;
            a = b + 1;
        }
        return new ExitDp.Found(new Plan(stages, enabled, terminal), Double.NaN, Double.NaN, Double.NaN, value);
    }
}
