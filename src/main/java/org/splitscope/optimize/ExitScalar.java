package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;

/**
 * The plan of one {@link ExitGraph} that minimizes cl x latency + cc x cost - ca x accuracy: one
 * value per state in primitive arrays, backward from the last unit, every layer kept for the walk
 * that rebuilds the plan.
 *
 * <p>With nested curves, enabling exit e at threshold t after previous exit kappa is worth
 * w(kappa) head + (R_t - R_kappa) L + on(t), where L is the leaving request's value and on(t) the
 * best continuation with t the new previous exit; that is w(kappa) head - R_kappa L + min over t
 * with R_t >= R_kappa of (R_t L + on(t)). A suffix minimum over e's thresholds by rising rate
 * answers every kappa in O(1), so a state costs O(nodes), not O(thresholds).
 *
 * <p>The states of one (x, a, ns) differ only in kappa, so each way on is a minimum over a row of
 * kappas that C2 vectorizes, with no decision recorded. The walk replays the comparisons of the
 * few states it passes, in the same order on the same values, for the same decisions.
 */
final class ExitScalar {
    /** Beyond this many bytes of kept values ({@link #values}) the scalar program does not run (the label program does). */
    static final long LIMIT = 400_000_000L;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final byte D_OFF = -1;
    private static final byte D_TERMINAL = -2;
    private static final byte D_GO_ON = -1;
    private static final byte D_FINAL = -2;

    private final ExitGraph g;
    private final int tMax;
    private final boolean record;
    /**
     * [rowAt[x][a pairs + ns] + kappa]: the last solve's best suffix value from every state (only
     * the kappas reachable at x take room). The states a solve does not write (none leads there)
     * stay infinite from one solve to the next: which states a solve writes does not depend on its
     * weights. One array, not one per unit: at this size the collector leaves it where it is
     * instead of copying it at each young collection during the search.
     */
    private double[] values;
    /**
     * [x][a pairs + ns]: where the row starts in values, or -1 where no stage sequence reaches
     * it ({@link ExitGraph#stageReach}; two rows in three on PORTEND's ResNet-110, which take no
     * room: the values of every row were 40 MB a search there).
     */
    private int[][] rowAt;

    /** Where exits sit only at stage ends and states are not recorded: the program over stage starts. */
    private final ExitStageScalar byStage;

    /** @param record keep every solve's values at every state ({@link #stateValues}), for a floor's gap */
    ExitScalar(ExitGraph graph, boolean record) {
        this(graph, record, graph.stageEnds && !record);
    }

    /** @param byStage solve over stage starts ({@link ExitStageScalar}; exits at stage ends only, not recorded) */
    ExitScalar(ExitGraph graph, boolean record, boolean byStage) {
        if (byStage && (!graph.stageEnds || record)) {
            throw new IllegalArgumentException("the stage program needs stage-end exits and keeps no unit states");
        }
        this.record = record;
        this.g = graph;
        this.tMax = graph.maxThresholds();
        this.byStage = byStage ? new ExitStageScalar(graph) : null;
    }

    ExitGraph graph() {
        return g;
    }

    /** Whether the values kept for the walk fit in memory for this graph (and its nodes and thresholds in bytes). */
    static boolean fits(ExitGraph g) {
        long bytes = 0;
        for (int x = 1; x <= g.last; x++) {
            bytes += (long) Double.BYTES * (x + 1) * g.pairs * g.kappaEnd[x];
        }
        return g.rules.nodeCount < Byte.MAX_VALUE && g.maxThresholds() < Byte.MAX_VALUE && bytes <= LIMIT;
    }

    /**
     * The best plan and its program value (in {@link ExitDp.Found#scalar}), or null when the graph
     * holds no plan. The weights of latency and cost are never negative (the loops rely on it).
     */
    ExitDp.Found solve(double cl, double ccost, double ca, CancellationToken token, Progress progress) {
        if (!(cl >= 0 && ccost >= 0)) {
            throw new IllegalArgumentException("negative weight of latency or cost: " + cl + ", " + ccost);
        }
        if (byStage != null) {
            ExitDp.Found found = byStage.solve(cl, ccost, ca, token, progress);
            starts.put(List.of(cl, ccost, ca), byStage.enter());
            return found;
        }
        ExitGraph g = this.g;
        int last = g.last;
        int pairs = g.pairs;
        int kappas = g.kappas;
        if (values == null) {
            rowAt = new int[last + 1][];
            int kept = 0;
            for (int x = 1; x <= last; x++) {
                rowAt[x] = new int[(x + 1) * pairs];
                Arrays.fill(rowAt[x], -1);
                for (int r = pairs; r < rowAt[x].length; r++) {
                    if (x <= g.stageReach[r]) {
                        rowAt[x][r] = kept;
                        kept += g.kappaEnd[x];
                    }
                }
            }
            values = new double[kept];
            Arrays.fill(values, INF);
        }
        double[] enter = new double[(last + 2) * pairs * kappas];
        Arrays.fill(enter, INF);
        Row row = new Row(cl, ccost, ca);
        double[] weight = g.kappaWeight;
        double[] rates = g.kappaRate;
        // a row is solved in acc and the entries into x + 1 are read from entered, both indexed by kappa
        // alone: C2 vectorizes a loop only where its double arrays share one offset
        double[] acc = new double[kappas];
        double[][] entered = new double[pairs][kappas];
        for (int x = last; x >= 1; x--) {
            token.throwIfCancelled();
            double[] cur = values;
            double[] next = values;
            int e = g.cc.exitAt[x];
            int kEnd = g.kappaEnd[x];
            for (int ns = 0; ns < pairs; ns++) {
                int n = g.nsNode[ns];
                for (int a = x; a >= g.firstStart[x][n]; a--) {
                    if (x > g.stageReach[a * pairs + ns]) {
                        continue; // no stage sequence leads here: left infinite (only states like it read it)
                    }
                    row.at(x, a, ns, next, enter);
                    int kStage = g.kappaEnd(x, a);
                    // the exit at x off: go on in the stage, end it, or end the model at the last unit
                    if (x == last) {
                        double fin = row.fin;
                        for (int kappa = 0; kappa < kStage; kappa++) {
                            acc[kappa] = fin == INF ? INF : weight[kappa] * fin;
                        }
                    } else {
                        if (row.goOn >= 0) {
                            System.arraycopy(next, row.goOn, acc, 0, kStage);
                        } else {
                            Arrays.fill(acc, 0, kStage, INF); // no stage sequence goes on here
                        }
                        // Math.min keeps the comparison's value: the two differ only where a -0 meets a +0
                        // already there, and with weights of latency and cost >= 0 no end is worth -0
                        for (int i = 0; i < row.ends; i++) {
                            double c = row.endCost[i];
                            double[] into = entered[row.endPair[i]];
                            for (int kappa = 0; kappa < kStage; kappa++) {
                                acc[kappa] = Math.min(acc[kappa], weight[kappa] * c + into[kappa]);
                            }
                        }
                    }
                    if (row.exitHere && g.nested) {
                        // a gather (sufVal by rate), which C2 does not vectorize, but no branch to mispredict; nor is
                        // enabling the exit worth -0 (head >= 0), while ending the model there is where no request
                        // is left (w = 0): that one keeps the comparison
                        int[] atLeast = g.atLeast[e];
                        double[] sufVal = row.sufVal;
                        double head = row.head;
                        double exitValue = row.exitValue;
                        double terminal = g.partial ? row.terminal : INF;
                        for (int kappa = 0; kappa < kStage; kappa++) {
                            double best = Math.min(acc[kappa], weight[kappa] * head - rates[kappa] * exitValue + sufVal[atLeast[kappa]]);
                            double v = weight[kappa] * terminal;
                            acc[kappa] = v < best ? v : best;
                        }
                    } else if (row.exitHere) {
                        if (row.onBest < acc[0]) {
                            acc[0] = row.onBest;
                        }
                        if (row.terminal < acc[0]) {
                            acc[0] = row.terminal;
                        }
                    }
                    System.arraycopy(acc, 0, cur, rowAt[x][a * pairs + ns], kStage);
                }
            }
            for (int ns = 0; ns < pairs; ns++) {
                int n = g.nsNode[ns];
                double deser = g.deserialize(n, x);
                double term = cl * deser + ccost * deser * g.cc.usdPerBusySecond[n];
                int at = (x * pairs + ns) * kappas;
                int from = rowAt[x][x * pairs + ns];
                double[] into = entered[ns];
                if (from < 0) {
                    Arrays.fill(into, 0, kEnd, INF); // no stage sequence reaches a stage starting here
                }
                for (int kappa = 0; kappa < kEnd && from >= 0; kappa++) {
                    double h = cur[from + kappa];
                    into[kappa] = h == INF ? INF : weight[kappa] * term + h;
                }
                System.arraycopy(into, 0, enter, at, kEnd);
            }
            progress.update(last - x + 1, last + 1);
        }
        double best = INF;
        int first = -1;
        double[] tr = new double[2];
        for (int n = 0; n < g.rules.nodeCount; n++) {
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
        starts.put(List.of(cl, ccost, ca), enter);
        if (record) {
            states.put(List.of(cl, ccost, ca), StateValues.rounded(g, rowAt, values));
        }
        return first < 0 ? null : walk(first, best, row, enter);
    }

    /**
     * What the states of one (x, a, ns) share, for every kappa: the stage's ends with the exit
     * off and on, the ways on after the exit on at each threshold, and their suffix minima by rate.
     * The solve fills it for every (x, a, ns); the walk for the states it passes.
     */
    private final class Row {
        final double cl;
        final double ccost;
        final double ca;
        final double[] endCost = new double[g.rules.nodeCount];
        final int[] endAt = new int[g.rules.nodeCount];
        final byte[] endNode = new byte[g.rules.nodeCount];
        final int[] endPair = new int[g.rules.nodeCount];
        final double[] onCost = new double[g.rules.nodeCount];
        final int[] onAt = new int[g.rules.nodeCount];
        final double[] on = new double[tMax];
        /** [t]: how the way on after the exit on at t goes on (as {@link #proceed} decided). */
        final byte[] onDecision = new byte[tMax];
        final double[] sufVal = new double[tMax + 1];
        final byte[] sufArg = new byte[tMax + 1];
        /** Stage ends with the exit off. */
        int ends;
        /** Where the row goes on in the next layer (x + 1, a, ns); -1 where no stage sequence does (or at the last unit). */
        int goOn;
        boolean exitHere;
        double head;
        double exitValue;
        /** Ending the model at the exit: per unit of weight (nested), or the value (independent; infinite without partial models). */
        double terminal;
        /** With independent curves: the best threshold to enable the exit at, and its value. */
        byte onArg;
        double onBest;
        /** The model's end at the last unit, per unit of weight (infinite where the node may not run it). */
        double fin;

        Row(double cl, double ccost, double ca) {
            this.cl = cl;
            this.ccost = ccost;
            this.ca = ca;
        }

        void at(int x, int a, int ns, double[] next, double[] enter) {
            int n = g.nsNode[ns];
            int e = g.cc.exitAt[x];
            double price = g.cc.usdPerBusySecond[n];
            exitHere = e >= 0 && g.rules.mayRun(x, n, true);
            double result = cl * g.cc.resultSeconds[n] + ccost * g.cc.resultUsd[n];
            double unitsOff = g.units(n, a, x, false);
            goOn = x < g.last ? rowAt[x + 1][a * g.pairs + ns] : -1;
            onArg = D_OFF;
            onBest = INF;
            if (exitHere) {
                head = (cl + ccost * price) * g.cc.headSeconds[n][e];
                double unitsOn = g.units(n, a, x, true);
                double leave = cl * unitsOn + ccost * price * unitsOn + result;
                int onEnds = ends(x, ns, unitsOn, cl, ccost, onCost, onAt);
                for (int t = 0; t < g.grid[e].length; t++) {
                    int kOn = g.nested ? g.kappaBase[e] + t : 0;
                    on[t] = proceed(x, a, ns, kOn, g.stageEnds, unitsOn, price, cl, ccost, ca, next, enter, onEnds,
                            onCost, onAt);
                    onDecision[t] = lastDecision;
                }
                exitValue = leave - ca * g.overallAcc[e];
                if (g.nested) {
                    suffixByRate(g, e, on, exitValue, sufVal, sufArg);
                    terminal = head + exitValue;
                } else {
                    onArg = (byte) IndependentThreshold.best(g, e, on, head, leave, ca);
                    onBest = onArg < 0 ? INF : IndependentThreshold.value(g, e, onArg, on, head, leave, ca);
                    terminal = g.partial ? head + leave - ca * g.overallAcc[e] : INF;
                }
            }
            ends = ends(x, ns, unitsOff, cl, ccost, endCost, endAt);
            for (int i = 0; i < ends; i++) {
                endPair[i] = (endAt[i] / g.kappas) % g.pairs;
                endNode[i] = (byte) g.nsNode[endPair[i]];
            }
            fin = x == g.last && g.rules.mayRun(x, n, true)
                    ? cl * unitsOff + ccost * price * unitsOff + result - ca * g.finalAcc : INF;
        }
    }

    private final java.util.Map<List<Double>, StateValues> states = new java.util.HashMap<>();

    /**
     * A recorded solve's best suffix value from every state (infinite where no suffix leads on;
     * the rows no stage sequence reaches, {@link ExitGraph#stageReach}, left out), or null when
     * not recorded.
     */
    StateValues stateValues(double cl, double ccost, double ca) {
        return states.get(List.of(cl, ccost, ca));
    }

    /** Each solve's values at the stage starts, by its weights (a floor's hull solves a few). */
    private final java.util.Map<List<Double>, double[]> starts = new java.util.HashMap<>();

    /**
     * The best suffix value from every stage start, [(x pairs + ns) kappas + kappa], for
     * {@link ExitStageSearch}'s bounds (infinite where no suffix leads to the model's end or no
     * stage sequence leads to the state).
     */
    double[] stageStarts(double cl, double ccost, double ca, CancellationToken token) {
        if (!starts.containsKey(List.of(cl, ccost, ca))) {
            solve(cl, ccost, ca, token, Progress.NONE);
        }
        return starts.get(List.of(cl, ccost, ca));
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
        int goOn = mustEnd ? -1 : rowAt[x + 1][a * g.pairs + ns];
        double best = goOn < 0 ? INF : next[goOn + kappa];
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

    /**
     * The decisions walked from the first stage's node into a plan: at each state the solve's
     * comparisons replayed for its kappa alone, in the solve's order on the values it left, so
     * ties go the same way.
     */
    private ExitDp.Found walk(int firstNode, double value, Row row, double[] enter) {
        List<Stage> stages = new ArrayList<>();
        List<EnabledExit> enabled = new ArrayList<>();
        String terminal = null;
        int n = firstNode;
        int ns = g.nsOf[n][g.rules.start(n)];
        int a = 1;
        int kappa = 0;
        for (int x = 1; ; ) {
            double[] next = values;
            row.at(x, a, ns, next, enter);
            double w = g.kappaWeight[kappa];
            double best;
            byte off;
            if (x == g.last) {
                best = row.fin == INF ? INF : w * row.fin;
                off = D_FINAL;
            } else {
                best = row.goOn < 0 ? INF : next[row.goOn + kappa];
                off = D_GO_ON;
                for (int i = 0; i < row.ends; i++) {
                    double v = w * row.endCost[i] + enter[row.endAt[i] + kappa];
                    if (v < best) {
                        best = v;
                        off = row.endNode[i];
                    }
                }
            }
            byte h = D_OFF;
            if (row.exitHere && g.nested) {
                double r = g.kappaRate[kappa];
                int pos = g.atLeast[g.cc.exitAt[x]][kappa];
                double v = w * row.head - r * row.exitValue + row.sufVal[pos];
                if (v < best) {
                    best = v;
                    h = row.sufArg[pos];
                }
                v = w * row.terminal;
                if (g.partial && v < best) {
                    h = D_TERMINAL;
                }
            } else if (row.exitHere) {
                if (row.onBest < best) {
                    best = row.onBest;
                    h = row.onArg;
                }
                if (row.terminal < best) {
                    h = D_TERMINAL;
                }
            }
            byte c;
            if (h == D_TERMINAL) {
                terminal = g.profile.exits().get(g.cc.exitAt[x]).id();
                stages.add(new Stage(a, x, g.id(n)));
                break;
            } else if (h >= 0) {
                int e = g.cc.exitAt[x];
                enabled.add(new EnabledExit(g.profile.exits().get(e).id(), g.grid[e][h]));
                kappa = g.nested ? g.kappaBase[e] + h : 0;
                c = row.onDecision[h];
            } else {
                c = off;
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
