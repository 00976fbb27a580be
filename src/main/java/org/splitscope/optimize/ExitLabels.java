package org.splitscope.optimize;

import static org.splitscope.optimize.ExitDecision.END;
import static org.splitscope.optimize.ExitDecision.ENTER;
import static org.splitscope.optimize.ExitDecision.FINAL;
import static org.splitscope.optimize.ExitDecision.GO_ON;
import static org.splitscope.optimize.ExitDecision.OFF;
import static org.splitscope.optimize.ExitDecision.ON;
import static org.splitscope.optimize.ExitDecision.START;
import static org.splitscope.optimize.ExitDecision.TERMINAL;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.perf.Tolerance;

/**
 * The label program on one {@link ExitGraph}: backward from the last unit, every state keeps the
 * suffixes (latency, cost, accuracy) that fewer than {@code count} other suffixes of the state
 * cover: no worse on each figure a constraint or the objective reads and no later in the rank
 * order. Each figure of a plan is its suffix's figure scaled by a positive factor plus a
 * constant fixed by the prefix, so a covered suffix completes to a plan that is covered too, and
 * meets every constraint the covering one meets: pruning it cannot lose one of the best
 * {@code count} plans. That is the exact Pareto-label method. Stage memory is pruned on units
 * alone (a necessary condition; heads add to it), and every plan is re-evaluated afterwards.
 *
 * <p>For one best plan at an accuracy floor with nested curves, {@link ExitFront} does the same
 * with far fewer labels.
 */
final class ExitLabels {

    /** A plan's suffix: its figures, the decision taken at its state and the rest of the suffix. */
    private record Label(double lat, double cost, double acc, int kind, int arg, Label rest) implements ExitDecision {
    }

    private final ExitGraph g;
    private final Objective objective;
    private final int count;
    private final boolean useLat;
    private final boolean useCost;
    private final boolean useAcc;
    private final Double floor;
    private final Double slo;
    private final Double budget;
    private long labelBudget = Long.MAX_VALUE;
    private long labels;

    /** @param c the limits, the graph's request's or (a floor sweep) another floor's */
    ExitLabels(ExitGraph graph, Constraints c, int count) {
        this.g = graph;
        this.count = count;
        objective = graph.request.objective();
        floor = c.accuracyFloor();
        slo = c.latencySloSeconds();
        budget = c.budgetUsdPerRequest();
        useLat = objective == Objective.MEAN_LATENCY || slo != null;
        useCost = objective == Objective.COST || budget != null;
        useAcc = objective == Objective.ACCURACY || floor != null;
    }

    /** Stop with {@link ExitDp.OverBudget} once this many labels were kept. */
    void labelBudget(long most) {
        labelBudget = most;
    }

    /** The best plans (at most count of them) that meet the floor, the budget and the SLO, best first. */
    List<ExitDp.Found> solve(CancellationToken token, Progress progress) {
        int last = g.last;
        int pairs = g.pairs;
        int kappas = g.kappas;
        int layer = (last + 2) * pairs * kappas;
        Label[][] enter = new Label[layer][]; // [x][ns][kappa]: a stage starting at x on ns's node
        Label[][] next = new Label[layer][]; // the states at x + 1: [a][ns][kappa]
        Label[][] cur = new Label[layer][];
        List<Label> scratch = new ArrayList<>();
        List<Label> options = new ArrayList<>();
        for (int x = last; x >= 1; x--) {
            token.throwIfCancelled();
            java.util.Arrays.fill(cur, null);
            int e = g.cc.exitAt[x];
            for (int ns = 0; ns < pairs; ns++) {
                int n = g.nsNode[ns];
                for (int a = x; a >= g.firstStart[x][n]; a--) {
                    Label[][] on = e >= 0 && g.rules.mayRun(x, n, true) ? continuations(x, a, ns, e, next, enter, scratch) : null;
                    for (int kappa = 0; kappa < g.kappaEnd(x, a); kappa++) {
                        cur[(a * pairs + ns) * kappas + kappa] = decide(x, a, ns, kappa, e, on, next, enter, scratch, options);
                    }
                }
            }
            for (int ns = 0; ns < pairs; ns++) {
                int n = g.nsNode[ns];
                double deser = g.deserialize(n, x);
                for (int kappa = 0; kappa < g.kappaEnd[x]; kappa++) {
                    Label[] h = cur[(x * pairs + ns) * kappas + kappa];
                    if (h == null) {
                        continue;
                    }
                    double w = g.weight(kappa);
                    Label[] out = new Label[h.length];
                    for (int i = 0; i < h.length; i++) {
                        out[i] = new Label(w * deser + h[i].lat, w * deser * g.cc.usdPerBusySecond[n] + h[i].cost, h[i].acc,
                                ENTER, n, h[i]);
                    }
                    enter[(x * pairs + ns) * kappas + kappa] = out;
                }
            }
            Label[][] swap = next;
            next = cur;
            cur = swap;
            progress.update(last - x + 1, last + 1);
        }
        scratch.clear();
        double[] tr = new double[2];
        for (int n = 0; n < g.rules.nodeCount; n++) {
            int ns = g.firstPair(n);
            if (ns < 0) {
                continue;
            }
            Label[] f = enter[(pairs + ns) * kappas];
            if (f == null) {
                continue;
            }
            g.start(n, tr);
            for (Label l : f) {
                scratch.add(new Label(tr[0] + l.lat, tr[1] + l.cost, l.acc, START, n, l));
            }
        }
        List<ExitDp.Found> found = new ArrayList<>();
        scratch.removeIf(l -> !meets(l));
        scratch.sort(this::rank);
        for (Label l : scratch.subList(0, Math.min(count, scratch.size()))) {
            found.add(new ExitDp.Found(ExitDecision.plan(g, l), l.lat, l.cost, l.acc));
        }
        progress.update(last + 1, last + 1);
        return found;
    }

    private boolean meets(Label l) {
        return (floor == null || !Tolerance.less(l.acc, floor)) && (budget == null || !Tolerance.less(budget, l.cost))
                && (slo == null || !Tolerance.less(slo, l.lat));
    }

    /**
     * Nested curves: per threshold t of exit e (after unit x), the continuations after enabling
     * it, which do not depend on the exits before. Independent curves: index 0 holds the one
     * continuation after the head ran.
     */
    private Label[][] continuations(int x, int a, int ns, int e, Label[][] next, Label[][] enter, List<Label> scratch) {
        Label[][] out = new Label[g.nested ? g.grid[e].length : 1][];
        for (int t = 0; t < out.length; t++) {
            out[t] = continuation(x, a, ns, g.nested ? g.kappaBase[e] + t : 0, true, g.stageEnds, next, enter, scratch);
        }
        return out;
    }

    /** The best ways on from after unit x (its exit decided) in a stage that started at a. */
    private Label[] continuation(int x, int a, int ns, int kappa, boolean headRan, boolean mustEnd, Label[][] next,
                                 Label[][] enter, List<Label> scratch) {
        int n = g.nsNode[ns];
        double w = g.weight(kappa);
        double price = g.cc.usdPerBusySecond[n];
        double units = g.units(n, a, x, headRan);
        if (x == g.last) {
            if (!g.rules.mayRun(x, n, true)) {
                return null;
            }
            return new Label[] {new Label(w * (units + g.cc.resultSeconds[n]), w * (price * units + g.cc.resultUsd[n]),
                    w * g.finalAcc, FINAL, 0, null)};
        }
        scratch.clear();
        Label[] goOn = mustEnd ? null : next[(a * g.pairs + ns) * g.kappas + kappa];
        if (goOn != null) {
            for (Label l : goOn) {
                scratch.add(new Label(l.lat, l.cost, l.acc, GO_ON, 0, l));
            }
        }
        double ser = g.cc.serializeSeconds[n][x];
        int s = g.nsState[ns];
        for (int m = 0; m < g.rules.nodeCount; m++) {
            int s2 = g.followingState(n, s, m);
            if (s2 < 0) {
                continue;
            }
            Label[] f = enter[((x + 1) * g.pairs + g.nsOf[m][s2]) * g.kappas + kappa];
            if (f == null) {
                continue;
            }
            double lat = w * (units + ser + g.cc.transferSeconds[x][n][m]);
            double cost = w * (price * (units + ser) + g.cc.transferUsd[x][n][m]);
            for (Label l : f) {
                scratch.add(new Label(lat + l.lat, cost + l.cost, l.acc, END, m, l));
            }
        }
        return prune(scratch);
    }

    /** The labels of state (x, a, ns, kappa): the exit at x off, on at a threshold, or the model's end. */
    private Label[] decide(int x, int a, int ns, int kappa, int e, Label[][] on, Label[][] next, Label[][] enter,
                           List<Label> scratch, List<Label> options) {
        Label[] off = continuation(x, a, ns, kappa, false, false, next, enter, scratch);
        options.clear();
        if (off != null) {
            for (Label l : off) {
                options.add(new Label(l.lat, l.cost, l.acc, OFF, 0, l));
            }
        }
        if (on != null) {
            int n = g.nsNode[ns];
            double price = g.cc.usdPerBusySecond[n];
            double head = g.cc.headSeconds[n][e];
            double units = g.units(n, a, x, true);
            double leaveLat = units + g.cc.resultSeconds[n];
            double leaveCost = price * units + g.cc.resultUsd[n];
            double w = g.weight(kappa);
            for (int t = 0; t < g.grid[e].length; t++) {
                Label[] rest = on[g.nested ? t : 0];
                if (rest == null) {
                    continue;
                }
                if (g.nested) {
                    double share = g.rate[e][t] - g.kappaRate[kappa];
                    if (share < 0) {
                        continue;
                    }
                    for (Label l : rest) {
                        options.add(new Label(w * head + share * leaveLat + l.lat, w * head * price + share * leaveCost + l.cost,
                                share * g.overallAcc[e] + l.acc, ON, t, l));
                    }
                } else {
                    double r = g.rate[e][t];
                    for (Label l : rest) {
                        options.add(new Label(head + r * leaveLat + (1 - r) * l.lat, head * price + r * leaveCost + (1 - r) * l.cost,
                                r * g.exitedAcc[e][t] + (1 - r) * l.acc, ON, t, l));
                    }
                }
            }
            if (g.partial) {
                options.add(new Label(w * (head + leaveLat), w * (head * price + leaveCost), w * g.overallAcc[e], TERMINAL, 0,
                        null));
            }
        }
        return prune(options);
    }

    /** Drops every label that count others cover; null when none is left. */
    private Label[] prune(List<Label> list) {
        if (list.isEmpty()) {
            return null;
        }
        list.sort(this::rank);
        if (!useLat && !useCost || (!useAcc && !(useLat && useCost))) {
            // one figure decides: the rank order alone
            return kept(list.subList(0, Math.min(count, list.size())));
        }
        List<Label> kept = new ArrayList<>();
        if (count == 1 && (useLat ? 1 : 0) + (useCost ? 1 : 0) + (useAcc ? 1 : 0) == 2) {
            // two figures: an earlier label is no worse on the first (the rank order), so one is covered
            // exactly when the best second figure kept so far is no worse than its own
            double best = Double.POSITIVE_INFINITY;
            for (Label l : list) {
                double second = second(l);
                if (second < best) {
                    kept.add(l);
                    best = second;
                }
            }
            return kept(kept);
        }
        for (Label l : list) {
            int coveredBy = 0;
            for (Label k : kept) {
                if (covers(k, l) && ++coveredBy >= count) {
                    break;
                }
            }
            if (coveredBy < count) {
                kept.add(l);
            }
        }
        return kept(kept);
    }

    /** The labels a state keeps, counted against the budget. */
    private Label[] kept(List<Label> kept) {
        if ((labels += kept.size()) > labelBudget) {
            throw new ExitDp.OverBudget();
        }
        return kept.toArray(new Label[0]);
    }

    /** With two figures read, the one that is not the objective's, lower being better. */
    private double second(Label l) {
        return switch (objective) {
            case COST -> useLat ? l.lat : -l.acc;
            case ACCURACY -> useLat ? l.lat : l.cost;
            default -> useCost ? l.cost : -l.acc;
        };
    }

    /** a is no worse than b on every figure the search reads (labels come sorted, so a ranks no later). */
    private boolean covers(Label a, Label b) {
        return (!useLat || a.lat <= b.lat) && (!useCost || a.cost <= b.cost) && (!useAcc || a.acc >= b.acc);
    }

    /** The rank order of section 5 on the program's figures: objective, mean latency, cost, accuracy. */
    private int rank(Label a, Label b) {
        int c = switch (objective) {
            case COST -> Double.compare(a.cost, b.cost);
            case ACCURACY -> Double.compare(b.acc, a.acc);
            default -> Double.compare(a.lat, b.lat);
        };
        if (c != 0) {
            return c;
        }
        c = Double.compare(a.lat, b.lat);
        if (c != 0) {
            return c;
        }
        c = Double.compare(a.cost, b.cost);
        return c != 0 ? c : Double.compare(b.acc, a.acc);
    }
}
