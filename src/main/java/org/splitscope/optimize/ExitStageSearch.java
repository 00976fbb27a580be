package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.perf.Tolerance;

/**
 * One best plan at an accuracy floor where exits sit only at stage ends (PORTEND's space): a
 * depth-first branch and bound over whole stages (start, end, node, the exit at its end off, on
 * at a threshold, or the model's end there). Such a space has few plans per stage sequence, so
 * the enumeration is small, and three bounds cut it further at every stage start (x, ns, kappa),
 * each from {@link ExitScalar}'s values of the best suffix from there: the objective alone, the
 * Lagrangian objective - lambda x accuracy at the hull's multipliers (with the floor's lambda x
 * floor), and the most accuracy still to come. Figures are the label program's sums: absolute
 * with nested curves, and with independent ones the suffix's conditional figures weighed by the
 * share of requests that reach it.
 */
final class ExitStageSearch {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final ExitGraph g;
    private final boolean cost;
    private final double floor;
    private final double[] lambdas;
    private final double[][] suffix; // [j]: ExitScalar's stage-start values at lambdas[j]
    private final double[] mostAccuracy; // stage-start values of -accuracy
    private final long budget;
    private final CancellationToken token;
    private long visited;
    private double best;
    private Plan bestPlan;
    private double[] bestFigures;
    // the path: per stage its start, end, node, decision at its end (-1 off, -2 terminal, -3 final, t on)
    private final int[] pathStart;
    private final int[] pathEnd;
    private final int[] pathNode;
    private final int[] pathDecision;

    /**
     * @param upper the objective of the best plan known (only better plans are searched)
     * @param budget stages visited at most before {@link ExitDp.OverBudget}
     */
    ExitStageSearch(ExitGraph graph, ExitScalar scalar, double floor, double upper, double[] multipliers, long budget,
                    CancellationToken token) {
        this.g = graph;
        this.cost = graph.request.objective() == Objective.COST;
        this.floor = floor;
        this.lambdas = multipliers;
        this.budget = budget;
        this.token = token;
        this.best = upper;
        suffix = new double[multipliers.length][];
        for (int j = 0; j < multipliers.length; j++) {
            suffix[j] = scalar.stageStarts(cost ? 0 : 1, cost ? 1 : 0, multipliers[j], token);
        }
        mostAccuracy = scalar.stageStarts(0, 0, 1, token);
        int most = graph.request.space().maxStages() + 1;
        pathStart = new int[most];
        pathEnd = new int[most];
        pathNode = new int[most];
        pathDecision = new int[most];
    }

    /** The best plan with objective below the upper bound meeting the floor, or null. */
    ExitDp.Found search() {
        double[] tr = new double[2];
        for (int n = 0; n < g.rules.nodeCount; n++) {
            int ns = g.firstPair(n);
            if (ns < 0) {
                continue;
            }
            g.start(n, tr);
            stage(0, 1, ns, 0, 1, tr[0], tr[1], 0);
        }
        return bestPlan == null ? null : new ExitDp.Found(bestPlan, bestFigures[0], bestFigures[1], bestFigures[2]);
    }

    /** Whether a stage start with this prefix can still lead to a plan better than the best. */
    private boolean promising(int x, int ns, int kappa, double reach, double lat, double cst, double acc) {
        int at = (x * g.pairs + ns) * g.kappas + kappa;
        double own = cost ? cst : lat;
        if (mostAccuracy[at] == INF || Tolerance.less(acc - reach * mostAccuracy[at], floor)) {
            return false;
        }
        for (int j = 0; j < lambdas.length; j++) {
            double bound = own - lambdas[j] * acc + reach * suffix[j][at] + lambdas[j] * floor;
            if (bound - best > 1e-9 * (Math.abs(best) + lambdas[j])) {
                return false;
            }
        }
        return true;
    }

    /** Every stage that starts at x on ns's node after previous exit kappa, reach the share of requests weighing the figures. */
    private void stage(int depth, int x, int ns, int kappa, double reach, double lat, double cst, double acc) {
        if (!promising(x, ns, kappa, reach, lat, cst, acc)) {
            return;
        }
        if (++visited > budget) {
            throw new ExitDp.OverBudget();
        }
        if ((visited & 0xffff) == 0) {
            token.throwIfCancelled();
        }
        int n = g.nsNode[ns];
        double price = g.cc.usdPerBusySecond[n];
        double w = g.weight(kappa) * reach;
        double deser = g.deserialize(n, x);
        lat += w * deser;
        cst += w * deser * price;
        pathStart[depth] = x;
        pathNode[depth] = n;
        for (int b = x; b <= g.last; b++) {
            if (g.firstStart[b][n] > x) {
                break; // the stage cannot hold b on n (pins, forbids, memory), nor anything after
            }
            pathEnd[depth] = b;
            proceed(depth, x, b, ns, kappa, reach, false, lat, cst, acc, -1);
            int e = g.cc.exitAt[b];
            if (e < 0 || !g.rules.mayRun(b, n, true)) {
                continue;
            }
            double head = g.cc.headSeconds[n][e];
            double units = g.units(n, x, b, true);
            double leaveLat = units + g.cc.resultSeconds[n];
            double leaveCost = price * units + g.cc.resultUsd[n];
            if (g.partial) {
                pathDecision[depth] = -2;
                complete(depth, lat + w * (head + leaveLat), cst + w * (head * price + leaveCost), acc + w * g.overallAcc[e]);
            }
            for (int t = 0; t < g.grid[e].length; t++) {
                double r = g.rate[e][t];
                pathDecision[depth] = t;
                if (g.nested) {
                    double share = r - g.kappaRate[kappa];
                    if (share < 0) {
                        continue;
                    }
                    proceed(depth, x, b, ns, g.kappaBase[e] + t, reach, true, lat + w * head + share * leaveLat,
                            cst + w * head * price + share * leaveCost, acc + share * g.overallAcc[e], t);
                } else {
                    proceed(depth, x, b, ns, 0, reach * (1 - r), true, lat + reach * (head + r * leaveLat),
                            cst + reach * (head * price + r * leaveCost), acc + reach * r * g.exitedAcc[e][t], t);
                }
            }
        }
    }

    /** After the exit decision at b: the model's end at the last unit, or the stage ends there and the next starts. */
    private void proceed(int depth, int a, int b, int ns, int kappa, double reach, boolean headRan, double lat, double cst,
                         double acc, int decision) {
        int n = g.nsNode[ns];
        double price = g.cc.usdPerBusySecond[n];
        double w = g.weight(kappa) * reach;
        double units = g.units(n, a, b, headRan);
        if (b == g.last) {
            if (g.rules.mayRun(b, n, true)) {
                pathDecision[depth] = decision == -1 ? -3 : decision;
                complete(depth, lat + w * (units + g.cc.resultSeconds[n]), cst + w * (price * units + g.cc.resultUsd[n]),
                        acc + w * g.finalAcc);
            }
            return;
        }
        double ser = g.cc.serializeSeconds[n][b];
        int s = g.nsState[ns];
        for (int m = 0; m < g.rules.nodeCount; m++) {
            int s2 = g.followingState(n, s, m);
            if (s2 < 0 || g.firstStart[b + 1][m] > b + 1) {
                continue;
            }
            pathDecision[depth] = decision;
            stage(depth + 1, b + 1, g.nsOf[m][s2], kappa, reach, lat + w * (units + ser + g.cc.transferSeconds[b][n][m]),
                    cst + w * (price * (units + ser) + g.cc.transferUsd[b][n][m]), acc);
        }
    }

    private void complete(int depth, double lat, double cst, double acc) {
        double own = cost ? cst : lat;
        if (own >= best || Tolerance.less(acc, floor)) {
            return;
        }
        best = own;
        bestFigures = new double[] {lat, cst, acc};
        List<Stage> stages = new ArrayList<>();
        List<EnabledExit> enabled = new ArrayList<>();
        String terminal = null;
        for (int k = 0; k <= depth; k++) {
            stages.add(new Stage(pathStart[k], pathEnd[k], g.id(pathNode[k])));
            int e = g.cc.exitAt[pathEnd[k]];
            if (pathDecision[k] == -2) {
                terminal = g.profile.exits().get(e).id();
            } else if (pathDecision[k] >= 0) {
                enabled.add(new EnabledExit(g.profile.exits().get(e).id(), g.grid[e][pathDecision[k]]));
            }
        }
        bestPlan = new Plan(stages, enabled, terminal);
    }
}
