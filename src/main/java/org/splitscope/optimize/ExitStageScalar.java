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
 * the previous exits kappa that some stage sequence brings to (a, ns) ({@link PreviousExits}):
 * with few stages most stage starts see two or three of them where the unit program solves
 * every exit before a.
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
    /** [ns]: the pairs a next stage may start in, and their nodes. */
    private final int[][] followPair;
    private final byte[][] followNode;
    private double[] enter;

    // one stage a..b on ns as the unit program prices it at the weights of the solve ({@link #price})
    private double cl;
    private double ccost;
    private double ca;
    private boolean exitHere;
    private double head;
    private double exitValue;
    private double onBest;
    private byte onArg;
    private boolean onAny;
    private final double[] on;
    private final byte[] onNext;
    private final double[] sufVal;
    private final byte[] sufArg;
    private int offEnds;
    private final double[] offCost;
    private final int[] offAt;
    private final byte[] offNode;
    private final double[] onCost;
    private final int[] onAt;
    private double fin;
    private double terminalValue;
    private double independentTerminal;

    ExitStageScalar(ExitGraph graph) {
        this.g = graph;
        reachable = PreviousExits.byStageStart(graph);
        followPair = new int[graph.pairs][];
        followNode = new byte[graph.pairs][];
        for (int ns = 0; ns < graph.pairs; ns++) {
            int n = graph.nsNode[ns];
            int count = 0;
            int[] pair = new int[graph.rules.nodeCount];
            byte[] node = new byte[graph.rules.nodeCount];
            for (int m = 0; m < graph.rules.nodeCount; m++) {
                int s2 = graph.followingState(n, graph.nsState[ns], m);
                if (s2 >= 0) {
                    pair[count] = graph.nsOf[m][s2];
                    node[count++] = (byte) m;
                }
            }
            followPair[ns] = Arrays.copyOf(pair, count);
            followNode[ns] = Arrays.copyOf(node, count);
        }
        int tMax = graph.maxThresholds();
        int nodes = graph.rules.nodeCount;
        on = new double[tMax];
        onNext = new byte[tMax];
        sufVal = new double[tMax + 1];
        sufArg = new byte[tMax + 1];
        offCost = new double[nodes];
        offAt = new int[nodes];
        offNode = new byte[nodes];
        onCost = new double[nodes];
        onAt = new int[nodes];
    }

    /** The value of every solved stage start after the last {@link #solve}, [(x pairs + ns) kappas + kappa], infinite elsewhere. */
    double[] enter() {
        return enter;
    }

    /**
     * {@link ExitScalar#solve} over stage starts. Values only: the decisions of the few states
     * the best plan passes are found again by {@link #decide} as it is walked. With nested curves
     * the candidates that end the model in the stage (its last unit, a terminal exit) are the
     * share still running times a figure of the stage alone, so the least of those figures
     * serves every previous exit at once (rounding keeps order: the least product is the product
     * of the least).
     */
    ExitDp.Found solve(double cl, double ccost, double ca, CancellationToken token, Progress progress) {
        ExitGraph g = this.g;
        this.cl = cl;
        this.ccost = ccost;
        this.ca = ca;
        int last = g.last;
        int pairs = g.pairs;
        int kappas = g.kappas;
        double[] enter = new double[(last + 2) * pairs * kappas];
        Arrays.fill(enter, INF);
        this.enter = enter;
        double[] val = new double[kappas];
        double[] rates = g.kappaRate;
        boolean nested = g.nested;
        for (int a = last; a >= 1; a--) {
            token.throwIfCancelled();
            for (int ns = 0; ns < pairs; ns++) {
                int[] ks = reachable[a * pairs + ns];
                if (ks.length == 0) {
                    continue;
                }
                int n = g.nsNode[ns];
                Arrays.fill(val, 0, ks.length, INF);
                double ending = INF; // nested: the least figure of the candidates proportional to the share still running
                for (int b = last; b >= a; b--) {
                    if (g.firstStart[b][n] > a) {
                        // the stage cannot hold b on n: as in the unit program, nothing beyond b is reached from a
                        Arrays.fill(val, 0, ks.length, INF);
                        ending = INF;
                        continue;
                    }
                    price(a, b, ns);
                    if (nested) {
                        ending = Math.min(ending, fin);
                        ending = exitHere && g.partial ? Math.min(ending, terminalValue) : ending;
                    }
                    if (offEnds == 0 && !onAny && (nested || !exitHere)) {
                        if (!nested && b == last && fin != INF) {
                            val[0] = Math.min(val[0], (1 - rates[0]) * fin);
                        }
                        continue;
                    }
                    int[] atLeast = exitHere && nested ? g.atLeast[g.cc.exitAt[b]] : null;
                    for (int i = 0; i < ks.length; i++) {
                        int k = ks[i];
                        double r = rates[k];
                        double cur = val[i];
                        if (!nested && b == last) {
                            double v = fin == INF ? INF : (1 - r) * fin;
                            cur = v < cur ? v : cur;
                        }
                        for (int j = 0; j < offEnds; j++) {
                            double v = (1 - r) * offCost[j] + enter[offAt[j] + k];
                            cur = v < cur ? v : cur;
                        }
                        if (atLeast != null) {
                            if (onAny) {
                                double v = (1 - r) * head - r * exitValue + sufVal[atLeast[k]];
                                cur = v < cur ? v : cur;
                            }
                        } else if (exitHere) {
                            cur = onBest < cur ? onBest : cur;
                            cur = independentTerminal < cur ? independentTerminal : cur;
                        }
                        val[i] = cur;
                    }
                }
                if (ending != INF) {
                    for (int i = 0; i < ks.length; i++) {
                        double v = (1 - rates[ks[i]]) * ending;
                        val[i] = v < val[i] ? v : val[i];
                    }
                }
                double deser = g.deserialize(n, a);
                double term = cl * deser + ccost * deser * g.cc.usdPerBusySecond[n];
                int dk = (a * pairs + ns) * kappas;
                for (int i = 0; i < ks.length; i++) {
                    double h = val[i];
                    enter[dk + ks[i]] = h == INF ? INF : g.weight(ks[i]) * term + h;
                }
            }
            progress.update(last - a + 1, last + 1);
        }
        double best = INF;
        int first = -1;
        double[] tr = new double[2];
        for (int n = 0; n < g.rules.nodeCount; n++) {
            int ns = g.firstPair(n);
            if (ns < 0) {
                continue;
            }
            double f = enter[(pairs + ns) * kappas];
            g.start(n, tr);
            if (f < INF && cl * tr[0] + ccost * tr[1] + f < best) {
                best = cl * tr[0] + ccost * tr[1] + f;
                first = n;
            }
        }
        progress.update(last + 1, last + 1);
        return first < 0 ? null : walk(first, best);
    }

    /**
     * Prices the stage a..b on ns into the fields, as the unit program does at unit b of a stage
     * started at a: the exit at b on at each threshold (and the best next stage after it), the
     * next stages with it off, the model's end at the last unit, the terminal exit.
     */
    private void price(int a, int b, int ns) {
        ExitGraph g = this.g;
        int n = g.nsNode[ns];
        double price = g.cc.usdPerBusySecond[n];
        double result = cl * g.cc.resultSeconds[n] + ccost * g.cc.resultUsd[n];
        int e = g.cc.exitAt[b];
        exitHere = e >= 0 && g.rules.mayRun(b, n, true);
        head = 0;
        double leave = 0;
        exitValue = 0;
        onBest = INF;
        onArg = OFF;
        onAny = false;
        if (exitHere) {
            head = (cl + ccost * price) * g.cc.headSeconds[n][e];
            double unitsOn = g.units(n, a, b, true);
            leave = cl * unitsOn + ccost * price * unitsOn + result;
            int onEnds = ends(b, ns, unitsOn, onCost, onAt, null);
            int ts = g.grid[e].length;
            for (int t = 0; t < ts; t++) {
                int kOn = g.nested ? g.kappaBase[e] + t : 0;
                on[t] = afterExit(b, n, kOn, unitsOn, price, onEnds, ns);
                onNext[t] = lastNext;
                onAny |= on[t] != INF;
            }
            if (g.nested) {
                exitValue = leave - ca * g.overallAcc[e];
                ExitScalar.suffixByRate(g, e, on, exitValue, sufVal, sufArg);
            } else {
                onArg = (byte) IndependentThreshold.best(g, e, on, head, leave, ca);
                onBest = onArg < 0 ? INF : IndependentThreshold.value(g, e, onArg, on, head, leave, ca);
            }
        }
        double unitsOff = g.units(n, a, b, false);
        offEnds = ends(b, ns, unitsOff, offCost, offAt, offNode);
        fin = b == g.last && g.rules.mayRun(b, n, true)
                ? cl * unitsOff + ccost * price * unitsOff + result - ca * g.finalAcc : INF;
        terminalValue = head + exitValue;
        independentTerminal = exitHere && !g.nested && g.partial ? head + leave - ca * g.overallAcc[e] : INF;
    }

    /** The stages that may follow one on ns ending after b (the unit program's ends), into cost/at/node; returns how many. */
    private int ends(int b, int ns, double units, double[] cost, int[] at, byte[] node) {
        if (b == g.last) {
            return 0;
        }
        int n = g.nsNode[ns];
        double price = g.cc.usdPerBusySecond[n];
        double ser = g.cc.serializeSeconds[n][b];
        int[] pairs = followPair[ns];
        byte[] nodes = followNode[ns];
        for (int i = 0; i < pairs.length; i++) {
            int m = nodes[i];
            cost[i] = cl * (units + ser + g.cc.transferSeconds[b][n][m])
                    + ccost * (price * (units + ser) + g.cc.transferUsd[b][n][m]);
            at[i] = ((b + 1) * g.pairs + pairs[i]) * g.kappas;
            if (node != null) {
                node[i] = (byte) m;
            }
        }
        return pairs.length;
    }

    private byte lastNext;

    /** The best way on after the exit at b turned on with kOn the new previous exit (the stage ends there); its next node in lastNext. */
    private double afterExit(int b, int n, int kOn, double units, double price, int ends, int ns) {
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
            double v = w * onCost[i] + enter[onAt[i] + kOn];
            if (v < best) {
                best = v;
                lastNext = followNode[ns][i];
            }
        }
        return best;
    }

    /**
     * The decision of the unit program at stage start (a, ns, kappa): every candidate in its
     * order (the latest end first; at one end the next stages by node, the exit on, the model's
     * end there), a later one only when strictly better. Returns {end, exit decision, next node}.
     */
    private int[] decide(int a, int ns, int kappa) {
        ExitGraph g = this.g;
        int n = g.nsNode[ns];
        double r = g.kappaRate[kappa];
        double cur = INF;
        int[] d = {a, OFF, NONE};
        for (int b = g.last; b >= a; b--) {
            if (g.firstStart[b][n] > a) {
                cur = INF;
                continue;
            }
            price(a, b, ns);
            if (b == g.last) {
                double v = fin == INF ? INF : (1 - r) * fin;
                if (v < cur) {
                    cur = v;
                    d = new int[] {b, OFF, FINAL};
                }
            }
            for (int j = 0; j < offEnds; j++) {
                double v = (1 - r) * offCost[j] + enter[offAt[j] + kappa];
                if (v < cur) {
                    cur = v;
                    d = new int[] {b, OFF, offNode[j]};
                }
            }
            if (exitHere && g.nested) {
                int pos = g.atLeast[g.cc.exitAt[b]][kappa];
                double v = (1 - r) * head - r * exitValue + sufVal[pos];
                if (v < cur) {
                    cur = v;
                    d = new int[] {b, sufArg[pos], onNext[sufArg[pos]]};
                }
                v = (1 - r) * terminalValue;
                if (g.partial && v < cur) {
                    cur = v;
                    d = new int[] {b, TERMINAL, NONE};
                }
            } else if (exitHere) {
                if (onBest < cur) {
                    cur = onBest;
                    d = new int[] {b, onArg, onNext[onArg]};
                }
                if (independentTerminal < cur) {
                    cur = independentTerminal;
                    d = new int[] {b, TERMINAL, NONE};
                }
            }
        }
        return d;
    }

    /** The best plan walked from the first stage's node, deciding each stage start it passes. */
    private ExitDp.Found walk(int firstNode, double value) {
        List<Stage> stages = new ArrayList<>();
        List<EnabledExit> enabled = new ArrayList<>();
        String terminal = null;
        int n = firstNode;
        int ns = g.firstPair(n);
        int a = 1;
        int kappa = 0;
        while (true) {
            int[] d = decide(a, ns, kappa);
            int b = d[0];
            stages.add(new Stage(a, b, g.id(n)));
            if (d[1] == TERMINAL) {
                terminal = g.profile.exits().get(g.cc.exitAt[b]).id();
                break;
            }
            if (d[1] >= 0) {
                int e = g.cc.exitAt[b];
                enabled.add(new EnabledExit(g.profile.exits().get(e).id(), g.grid[e][d[1]]));
                kappa = g.nested ? g.kappaBase[e] + d[1] : 0;
            }
            if (d[2] == FINAL) {
                break;
            }
            byte next = (byte) d[2];
            ns = g.nsOf[next][g.rules.next(g.nsState[ns], next)];
            n = next;
            a = b + 1;
        }
        return new ExitDp.Found(new Plan(stages, enabled, terminal), Double.NaN, Double.NaN, Double.NaN, value);
    }
}
