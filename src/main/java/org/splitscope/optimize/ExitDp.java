package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.perf.Tolerance;

/**
 * Exits, thresholds, partial models, cuts and placement of a chain chosen together by one
 * dynamic program, for curve statistics: polynomial in units x exits x thresholds x nodes
 * instead of enumerating the (thresholds + 1)^exits exit configurations.
 *
 * <p>Why it decomposes. With {@code independent} curves a request that reaches exit x leaves
 * there with the curve's rate whatever happened before, so the expected remaining latency, cost
 * and accuracy of a request at a point of the chain depend only on that point (conditional
 * values, backward recursion: leave with r, continue with 1 - r). With {@code nested} curves the
 * share leaving at an exit is its rate minus the previous enabled exit's, and every request not
 * yet gone weighs 1 - that rate: the state carries the previous enabled exit and its threshold,
 * and values are absolute. Measured ranges do not add up unit by unit, so inside a stage the
 * state also carries the stage's first unit: a request leaving after unit x of a stage that
 * starts at a costs range(a, x), a term that needs only (a, x). States: (unit x, stage start a,
 * node, placement state, previous exit and threshold); O(N^2 P (E T + T)) label operations for
 * N units, P (node, placement state) pairs, E exits and T thresholds with nested curves, N^2 P T
 * with independent ones.
 *
 * <p>Constraints and exactness. Every state keeps the labels (latency, cost, accuracy) that fewer
 * than {@code count} other labels of the state cover: no worse on each figure a constraint or
 * the objective reads and no later in the rank order. Each figure of a plan is its suffix's
 * figure scaled by a positive factor plus a constant fixed by the prefix, so a covered suffix
 * completes to a plan that is covered too, and meets every constraint the covering one meets:
 * pruning it cannot lose one of the best {@code count} plans. That is the exact Pareto-label
 * method, not a Lagrangian. Stage memory is pruned on units alone (a necessary condition; heads
 * add to it), and every plan is re-evaluated by the evaluator afterwards.
 *
 * <p>Outside this program: serverless nodes (billing rounds each outcome's duration, which does
 * not add up), loaded latency (queueing waits depend on every resource's total busy time), and
 * with nested curves a later exit enabled at a rate below the previous enabled exit's (the
 * evaluator clips its share to zero but the later shares then overlap, so the share of
 * requests still running no longer follows the previous exit alone). {@link #clippingPairs}
 * says when the grid allows the last case; such configurations are left out and the result
 * says so.
 */
final class ExitDp {
    private static final int FINAL = 0;
    private static final int GO_ON = 1;
    private static final int END = 2; // arg: next node, stateAfter: the next stage's placement state
    private static final int OFF = 3;
    private static final int ON = 4; // arg: threshold index
    private static final int TERMINAL = 5;
    private static final int ENTER = 6;
    private static final int START = 7; // arg: first node

    /** A plan's suffix: its figures, the decision taken at its state and the rest of the suffix. */
    static final class Label {
        final double lat;
        final double cost;
        final double acc;
        final int kind;
        final int arg;
        final int stateAfter;
        final Label next;

        Label(double lat, double cost, double acc, int kind, int arg, int stateAfter, Label next) {
            this.lat = lat;
            this.cost = cost;
            this.acc = acc;
            this.kind = kind;
            this.arg = arg;
            this.stateAfter = stateAfter;
            this.next = next;
        }
    }

    /** A complete plan the program found, with its figures as the program summed them. */
    record Found(Plan plan, double latency, double cost, double accuracy, double scalar) {
        Found(Plan plan, double latency, double cost, double accuracy) {
            this(plan, latency, cost, accuracy, Double.NaN);
        }
    }

    private final SearchRequest request;
    private final Double onlyThreshold;
    private final ModelProfile profile;
    private final ChainCosts cc;
    private final StageRules rules;
    private final Objective objective;
    private final int count;
    private final boolean nested;
    private final boolean partial;
    private final boolean stageEnds; // an enabled exit ends its stage
    private final boolean useLat;
    private final boolean useCost;
    private final boolean useAcc;
    private final Double floor;
    private final Double slo;
    private final Double budget;
    private final boolean memory;
    private final int last;
    private final int exits;
    private final double[][] grid; // [exit]: usable thresholds
    private final double[][] rate; // [exit][t]
    private final double[][] exitedAcc; // [exit][t]
    private final double[] overallAcc; // [exit]
    private final double finalAcc;
    private final int[] kappaBase; // [exit]: first previous-exit state of the exit (nested)
    private final int kappas;
    private final double[] kappaRate; // [kappa]: rate of the previous enabled exit (0: none)
    private final int[] kappaUnit; // [kappa]: unit the previous enabled exit attaches after (0: none)
    private final int[] nsNode; // [ns]: node of the (node, placement state) pair
    private final int[] nsState;
    private final int[][] nsOf; // [node][state]: ns index or -1
    private final int pairs;
    private final double[] paramPrefix;

    /**
     * @param count how many best plans to keep (labels covered by that many others are dropped)
     */
    ExitDp(SearchRequest request, ChainCosts cc, StageRules rules, int count) {
        this(request, cc, rules, count, null);
    }

    /** @param onlyThreshold the one threshold every enabled exit uses (shared-threshold spaces), or null */
    ExitDp(SearchRequest request, ChainCosts cc, StageRules rules, int count, Double onlyThreshold) {
        this.request = request;
        this.onlyThreshold = onlyThreshold;
        this.profile = request.evaluator().profile();
        this.cc = cc;
        this.rules = rules;
        this.objective = request.objective();
        this.count = count;
        CurveStats stats = (CurveStats) profile.exitStats();
        nested = stats.combination() == CurveCombination.NESTED;
        partial = request.space().partialModels();
        Constraints c = request.constraints();
        floor = c.accuracyFloor();
        slo = c.latencySloSeconds();
        budget = c.budgetUsdPerRequest();
        memory = c.memoryMustFit();
        stageEnds = request.space().exitRule() == ExitRule.STAGE_ENDS;
        useLat = objective == Objective.MEAN_LATENCY || slo != null;
        useCost = objective == Objective.COST || budget != null;
        useAcc = objective == Objective.ACCURACY || floor != null;
        last = profile.unitCount();
        exits = profile.exits().size();
        grid = new double[exits][];
        rate = new double[exits][];
        exitedAcc = new double[exits][];
        overallAcc = new double[exits];
        kappaBase = new int[exits];
        int k = 1;
        for (int e = 0; e < exits; e++) {
            ExitCurve curve = stats.curves().get(e);
            grid[e] = ExitConfigurations.usable(profile, e, onlyThreshold == null ? request.space().thresholds()
                    : List.of(onlyThreshold));
            rate[e] = new double[grid[e].length];
            exitedAcc[e] = new double[grid[e].length];
            for (int t = 0; t < grid[e].length; t++) {
                rate[e][t] = curve.rateAt(grid[e][t]);
                exitedAcc[e][t] = curve.exitedAccuracyAt(grid[e][t]);
            }
            overallAcc[e] = curve.overallAccuracy();
            kappaBase[e] = k;
            k += nested ? grid[e].length : 0;
        }
        finalAcc = stats.finalAccuracy();
        kappas = k;
        kappaRate = new double[kappas];
        kappaUnit = new int[kappas];
        for (int e = 0; nested && e < exits; e++) {
            for (int t = 0; t < grid[e].length; t++) {
                kappaRate[kappaBase[e] + t] = rate[e][t];
                kappaUnit[kappaBase[e] + t] = profile.exits().get(e).afterUnit();
            }
        }
        List<int[]> ns = new ArrayList<>();
        nsOf = new int[rules.nodeCount][rules.stateCount];
        for (int n = 0; n < rules.nodeCount; n++) {
            Arrays.fill(nsOf[n], -1);
            for (int s = 0; s < rules.stateCount; s++) {
                if (rules.stages(s) <= request.space().maxStages() && rules.holds(s, n)) {
                    nsOf[n][s] = ns.size();
                    ns.add(new int[] {n, s});
                }
            }
        }
        pairs = ns.size();
        nsNode = ns.stream().mapToInt(p -> p[0]).toArray();
        nsState = ns.stream().mapToInt(p -> p[1]).toArray();
        paramPrefix = new double[last + 1];
        for (int u = 1; u <= last; u++) {
            paramPrefix[u] = paramPrefix[u - 1] + cc.unitParams[u];
        }
    }

    /** The same program keeping the given number of plans. */
    ExitDp withCount(int plans) {
        return new ExitDp(request, cc, rules, plans, onlyThreshold);
    }

    /** Why this program does not answer the request, or null when it does. */
    static String whyNot(SearchRequest r) {
        ModelProfile p = r.evaluator().profile();
        if (!(p.exitStats() instanceof CurveStats) && !p.exits().isEmpty()) {
            return "it needs curve statistics";
        }
        if (r.objective() != Objective.MEAN_LATENCY && r.objective() != Objective.COST && r.objective() != Objective.ACCURACY) {
            return "it sums mean latency, cost and accuracy only";
        }
        if (r.space().maxExits() != null) {
            return "it does not count enabled exits";
        }
        if (r.workload().arrivalRatePerSecond() > 0) {
            return "queueing waits under an arrival rate do not add up along the chain";
        }
        if (r.evaluator().topology().nodes().stream().anyMatch(n -> n.pricing() instanceof org.splitscope.model.ServerlessPricing)) {
            return "serverless billing rounds each request's duration, which does not add up";
        }
        if (p.exitStats() == null && r.objective() == Objective.ACCURACY) {
            return "accuracy is unknown";
        }
        return null;
    }

    /**
     * With nested curves, the number of pairs (earlier exit at a threshold, later exit at a
     * threshold) whose later rate is below the earlier one: configurations enabling such a pair
     * with nothing between are outside the program. 0 with independent curves.
     */
    long clippingPairs() {
        return clippingPairs(profile, rate);
    }

    /** {@link #clippingPairs()} without building the program. */
    static long clippingPairs(ModelProfile profile, SearchSpace space) {
        if (!(profile.exitStats() instanceof CurveStats stats)) {
            return 0;
        }
        if (space.sharedThreshold()) {
            long sum = 0;
            for (double t : space.thresholds()) {
                sum += clippingPairs(profile, space.withThresholds(List.of(t)).withSharedThreshold(false));
            }
            return sum;
        }
        double[][] rates = new double[profile.exits().size()][];
        for (int e = 0; e < rates.length; e++) {
            ExitCurve curve = stats.curves().get(e);
            rates[e] = Arrays.stream(ExitConfigurations.usable(profile, e, space.thresholds())).map(curve::rateAt).toArray();
        }
        return clippingPairs(profile, rates);
    }

    private static long clippingPairs(ModelProfile profile, double[][] rate) {
        if (((CurveStats) profile.exitStats()).combination() != CurveCombination.NESTED) {
            return 0;
        }
        long pairsFound = 0;
        for (int e = 0; e < rate.length; e++) {
            for (int f = e + 1; f < rate.length; f++) {
                for (double r : rate[e]) {
                    for (double q : rate[f]) {
                        if (q < r) {
                            pairsFound++;
                        }
                    }
                }
            }
        }
        return pairsFound;
    }

    private double weight(int kappa) {
        return nested ? 1 - kappaRate[kappa] : 1;
    }

    /** The best plans (at most count of them) that meet the floor, the budget and the SLO, best first. */
    List<Found> solve(CancellationToken token, Progress progress) {
        int layer = (last + 2) * pairs * kappas;
        Label[][] enter = new Label[layer][]; // [x][ns][kappa]: a stage starting at x on ns's node
        Label[][] next = new Label[(last + 2) * pairs * kappas][]; // H at x + 1: [a][ns][kappa]
        Label[][] cur = new Label[(last + 2) * pairs * kappas][];
        List<Label> scratch = new ArrayList<>();
        for (int x = last; x >= 1; x--) {
            token.throwIfCancelled();
            Arrays.fill(cur, null);
            int e = cc.exitAt[x];
            for (int ns = 0; ns < pairs; ns++) {
                int n = nsNode[ns];
                if (!rules.mayRun(x, n, false)) {
                    continue;
                }
                double working = 0;
                for (int a = x; a >= 1; a--) {
                    if (!rules.mayRun(a, n, false)) {
                        break;
                    }
                    working = Math.max(working, cc.unitWorking[a]);
                    if (memory && Tolerance.less(cc.capacity[n], paramPrefix[x] - paramPrefix[a - 1] + working)) {
                        break;
                    }
                    Label[][] on = e >= 0 && rules.mayRun(x, n, true) ? continuations(x, a, ns, e, next, enter, scratch) : null;
                    for (int kappa = 0; kappa < kappas; kappa++) {
                        if (kappaUnit[kappa] >= x) {
                            continue;
                        }
                        cur[(a * pairs + ns) * kappas + kappa] = decide(x, a, ns, kappa, e, on, next, enter, scratch);
                    }
                }
            }
            for (int ns = 0; ns < pairs; ns++) {
                int n = nsNode[ns];
                boolean inbound = x > 1 || n != cc.source;
                double deser = inbound ? cc.deserializeSeconds[n][x - 1] : 0;
                for (int kappa = 0; kappa < kappas; kappa++) {
                    Label[] h = cur[(x * pairs + ns) * kappas + kappa];
                    if (h == null) {
                        continue;
                    }
                    double w = weight(kappa);
                    Label[] out = new Label[h.length];
                    for (int i = 0; i < h.length; i++) {
                        out[i] = new Label(w * deser + h[i].lat, w * deser * cc.usdPerBusySecond[n] + h[i].cost, h[i].acc,
                                ENTER, n, 0, h[i]);
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
        for (int n = 0; n < rules.nodeCount; n++) {
            int s0 = rules.start(n);
            if (s0 < 0 || nsOf[n][s0] < 0) {
                continue;
            }
            Label[] f = enter[(1 * pairs + nsOf[n][s0]) * kappas];
            if (f == null) {
                continue;
            }
            start(n, tr);
            for (Label l : f) {
                scratch.add(new Label(tr[0] + l.lat, tr[1] + l.cost, l.acc, START, n, s0, l));
            }
        }
        List<Found> found = new ArrayList<>();
        scratch.removeIf(l -> !meets(l));
        scratch.sort(this::rank);
        for (Label l : scratch.subList(0, Math.min(count, scratch.size()))) {
            found.add(new Found(plan(l), l.lat, l.cost, l.acc));
        }
        progress.update(last + 1, last + 1);
        return found;
    }

    private boolean meets(Label l) {
        return (floor == null || !Tolerance.less(l.acc, floor)) && (budget == null || !Tolerance.less(budget, l.cost))
                && (slo == null || !Tolerance.less(slo, l.lat));
    }

    /** The input's trip to a first stage on n into out (latency, cost). */
    private void start(int n, double[] out) {
        if (n == cc.source) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        double ser = cc.serializeSeconds[cc.source][0];
        out[0] = ser + cc.transferSeconds[0][cc.source][n];
        out[1] = cc.usdPerBusySecond[cc.source] * ser + cc.transferUsd[0][cc.source][n];
    }

    /**
     * Nested curves: per threshold t of exit e (after unit x), the continuations after enabling
     * it, which do not depend on the exits before. Independent curves: index 0 holds the one
     * continuation after the head ran.
     */
    private Label[][] continuations(int x, int a, int ns, int e, Label[][] next, Label[][] enter, List<Label> scratch) {
        int t0 = grid[e].length;
        Label[][] out = new Label[nested ? t0 : 1][];
        for (int t = 0; t < out.length; t++) {
            out[t] = continuation(x, a, ns, nested ? kappaBase[e] + t : 0, true, stageEnds, next, enter, scratch);
        }
        return out;
    }

    /** The best ways on from after unit x (its exit decided) in a stage that started at a. */
    private Label[] continuation(int x, int a, int ns, int kappa, boolean headRan, boolean mustEnd, Label[][] next,
                                 Label[][] enter, List<Label> scratch) {
        int n = nsNode[ns];
        double w = weight(kappa);
        double price = cc.usdPerBusySecond[n];
        double units = cc.units(n, a, x, headRan);
        if (x == last) {
            if (!rules.mayRun(x, n, true)) {
                return null;
            }
            return new Label[] {new Label(w * (units + cc.resultSeconds[n]), w * (price * units + cc.resultUsd[n]),
                    nested ? w * finalAcc : finalAcc, FINAL, 0, 0, null)};
        }
        scratch.clear();
        Label[] goOn = mustEnd ? null : next[(a * pairs + ns) * kappas + kappa];
        if (goOn != null) {
            for (Label l : goOn) {
                scratch.add(new Label(l.lat, l.cost, l.acc, GO_ON, 0, 0, l));
            }
        }
        double ser = cc.serializeSeconds[n][x];
        int s = nsState[ns];
        for (int m = 0; m < rules.nodeCount; m++) {
            int s2 = followingState(n, s, m);
            if (s2 < 0) {
                continue;
            }
            Label[] f = enter[((x + 1) * pairs + nsOf[m][s2]) * kappas + kappa];
            if (f == null) {
                continue;
            }
            double lat = w * (units + ser + cc.transferSeconds[x][n][m]);
            double cost = w * (price * (units + ser) + cc.transferUsd[x][n][m]);
            for (Label l : f) {
                scratch.add(new Label(lat + l.lat, cost + l.cost, l.acc, END, m, s2, l));
            }
        }
        return prune(scratch, kappa);
    }

    /**
     * The placement state after a stage on node m follows one on node n in placement state s, or -1
     * where the rules forbid it or the program keeps no pair for it.
     */
    private int followingState(int n, int s, int m) {
        if (!rules.canFollow(n, m)) {
            return -1;
        }
        int s2 = rules.next(s, m);
        return s2 < 0 || nsOf[m][s2] < 0 ? -1 : s2;
    }

    /** The labels of state (x, a, ns, kappa): the exit at x off, on at a threshold, or the model's end. */
    private Label[] decide(int x, int a, int ns, int kappa, int e, Label[][] on, Label[][] next, Label[][] enter,
                           List<Label> scratch) {
        Label[] off = continuation(x, a, ns, kappa, false, false, next, enter, scratch);
        List<Label> options = new ArrayList<>();
        if (off != null) {
            for (Label l : off) {
                options.add(new Label(l.lat, l.cost, l.acc, OFF, 0, 0, l));
            }
        }
        if (on != null) {
            int n = nsNode[ns];
            double price = cc.usdPerBusySecond[n];
            double head = cc.headSeconds[n][e];
            double units = cc.units(n, a, x, true);
            double leaveLat = units + cc.resultSeconds[n];
            double leaveCost = price * units + cc.resultUsd[n];
            double w = weight(kappa);
            for (int t = 0; t < grid[e].length; t++) {
                Label[] rest = on[nested ? t : 0];
                if (rest == null) {
                    continue;
                }
                if (nested) {
                    double share = rate[e][t] - kappaRate[kappa];
                    if (share < 0) {
                        continue;
                    }
                    for (Label l : rest) {
                        options.add(new Label(w * head + share * leaveLat + l.lat,
                                w * head * price + share * leaveCost + l.cost, share * overallAcc[e] + l.acc, ON, t, 0, l));
                    }
                } else {
                    double r = rate[e][t];
                    for (Label l : rest) {
                        options.add(new Label(head + r * leaveLat + (1 - r) * l.lat, head * price + r * leaveCost + (1 - r) * l.cost,
                                r * exitedAcc[e][t] + (1 - r) * l.acc, ON, t, 0, l));
                    }
                }
            }
            if (partial) {
                options.add(new Label(w * (head + leaveLat), w * (head * price + leaveCost),
                        (nested ? w : 1) * overallAcc[e], TERMINAL, 0, 0, null));
            }
        }
        return prune(options, kappa);
    }

    /** Thrown when the labels outgrow {@link #labelBudget}. */
    static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("label budget spent", null, false, false);
        }
    }

    private double bound = Double.POSITIVE_INFINITY;
    private long labelBudget = Long.MAX_VALUE;
    private long labels;

    /**
     * A known plan's objective: with nested curves (absolute figures, a prefix only adds) a
     * suffix already worse cannot lead to a better plan and is dropped. For the best plan only.
     */
    void bound(double objectiveBound) {
        bound = nested && count == 1 ? objectiveBound * (1 + 1e-9) + 1e-15 : Double.POSITIVE_INFINITY;
    }

    /** [kappa]: the most accuracy a prefix whose last enabled exit is kappa contributes (nested, with a floor). */
    private double[] prefixAccuracy;

    /**
     * Nested curves and a floor: drop suffixes that even the most accurate prefix cannot lift to
     * the floor. A prefix ending at exit e, threshold t contributes at most M(e, t) = max over the
     * previous exit e' at t' (R' <= R, nothing clipped) of M(e', t') + (R - R') x accuracy(e).
     */
    void pruneByPrefixAccuracy() {
        if (!nested || floor == null) {
            return;
        }
        prefixAccuracy = new double[kappas];
        for (int e = 0; e < exits; e++) {
            for (int t = 0; t < grid[e].length; t++) {
                double best = rate[e][t] * overallAcc[e];
                for (int f = 0; f < e; f++) {
                    for (int u = 0; u < grid[f].length; u++) {
                        double share = rate[e][t] - rate[f][u];
                        if (share >= 0) {
                            best = Math.max(best, prefixAccuracy[kappaBase[f] + u] + share * overallAcc[e]);
                        }
                    }
                }
                prefixAccuracy[kappaBase[e] + t] = best;
            }
        }
    }

    /** Stop with {@link OverBudget} once this many labels were kept. */
    void labelBudget(long budget) {
        labelBudget = budget;
    }

    private double objective(Label l) {
        return switch (objective) {
            case COST -> l.cost;
            case ACCURACY -> -l.acc;
            default -> l.lat;
        };
    }

    /** Drops every label that count others cover; null when none is left. */
    private Label[] prune(List<Label> labels, int kappa) {
        if (bound < Double.POSITIVE_INFINITY) {
            labels.removeIf(l -> objective(l) > bound);
        }
        if (prefixAccuracy != null) {
            double needed = floor - prefixAccuracy[kappa];
            labels.removeIf(l -> Tolerance.less(l.acc, needed));
        }
        if (labels.isEmpty()) {
            return null;
        }
        if ((this.labels += labels.size()) > labelBudget) {
            throw new OverBudget();
        }
        labels.sort(this::rank);
        if (!useLat && !useCost || (!useAcc && !(useLat && useCost))) {
            // one figure decides: the rank order alone
            return labels.subList(0, Math.min(count, labels.size())).toArray(new Label[0]);
        }
        List<Label> kept = new ArrayList<>();
        for (Label l : labels) {
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
        return kept.toArray(new Label[0]);
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

    /** Walks a root label's decisions into a plan. */
    private Plan plan(Label root) {
        List<Stage> stages = new ArrayList<>();
        List<EnabledExit> enabled = new ArrayList<>();
        String terminal = null;
        int node = root.arg;
        int first = 1;
        int x = 1;
        for (Label l = root.next; l != null; l = l.next) {
            switch (l.kind) {
                case ENTER -> node = l.arg;
                case OFF -> {
                }
                case ON -> {
                    int e = cc.exitAt[x];
                    enabled.add(new EnabledExit(profile.exits().get(e).id(), grid[e][l.arg]));
                }
                case TERMINAL -> {
                    terminal = profile.exits().get(cc.exitAt[x]).id();
                    stages.add(new Stage(first, x, id(node)));
                }
                case FINAL -> stages.add(new Stage(first, x, id(node)));
                case GO_ON -> x++;
                case END -> {
                    stages.add(new Stage(first, x, id(node)));
                    x++;
                    first = x;
                }
                default -> throw new IllegalStateException("unknown decision " + l.kind);
            }
        }
        return new Plan(stages, enabled, terminal);
    }

    private String id(int node) {
        return cc.nodeIds[node];
    }

    /** Beyond this many decision bytes the scalar program does not run (the label program does). */
    static final long SCALAR_LIMIT = 400_000_000L;

    private static final byte D_OFF = -1;
    private static final byte D_TERMINAL = -2;
    private static final byte D_GO_ON = -1;
    private static final byte D_FINAL = -2;

    /** Whether the scalar program fits in memory for this instance. */
    boolean scalarFits() {
        return rules.nodeCount < Byte.MAX_VALUE && maxThresholds() < Byte.MAX_VALUE
                && (long) (last + 1) * (last + 1) * pairs * Math.max(kappas, maxThresholds()) * 3 <= SCALAR_LIMIT;
    }

    private int maxThresholds() {
        int t = 1;
        for (double[] g : grid) {
            t = Math.max(t, g.length);
        }
        return t;
    }

    /**
     * The plan that minimizes cl x latency + cc x cost - ca x accuracy, one value per state
     * instead of labels: the same recursion as {@link #solve} in primitive arrays, with the
     * decisions kept for the walk back. With nested curves the best continuation after enabling
     * exit x is min over thresholds t with R_t >= R_prev of (R_t L + C_t) - R_prev (h + L), so
     * the previous exit enters each state in O(T). Null when the space holds no plan.
     */
    Found solveScalar(double cl, double ccost, double ca, CancellationToken token, Progress progress) {
        int tMax = maxThresholds();
        int layer = (last + 2) * pairs * kappas;
        double[] enter = new double[layer];
        Arrays.fill(enter, INF);
        double[] next = new double[layer];
        double[] cur = new double[layer];
        Arrays.fill(next, INF);
        int dsize = (last + 1) * (last + 1) * pairs;
        byte[] decH = new byte[dsize * kappas];
        byte[] decOff = new byte[dsize * kappas];
        byte[] decOn = new byte[dsize * tMax];
        double[] on = new double[tMax];
        byte[] onDec = new byte[tMax];
        for (int x = last; x >= 1; x--) {
            token.throwIfCancelled();
            Arrays.fill(cur, INF);
            int e = cc.exitAt[x];
            for (int ns = 0; ns < pairs; ns++) {
                int n = nsNode[ns];
                if (!rules.mayRun(x, n, false)) {
                    continue;
                }
                double price = cc.usdPerBusySecond[n];
                boolean canLeave = rules.mayRun(x, n, true);
                double working = 0;
                for (int a = x; a >= 1; a--) {
                    if (!rules.mayRun(a, n, false)) {
                        break;
                    }
                    working = Math.max(working, cc.unitWorking[a]);
                    if (memory && Tolerance.less(cc.capacity[n], paramPrefix[x] - paramPrefix[a - 1] + working)) {
                        break;
                    }
                    int d = (x * (last + 1) + a) * pairs + ns;
                    boolean exitHere = e >= 0 && canLeave;
                    double head = 0;
                    double leave = 0;
                    double unitsOff = cc.units(n, a, x, false);
                    if (exitHere) {
                        head = cl * cc.headSeconds[n][e] + ccost * price * cc.headSeconds[n][e];
                        double units = cc.units(n, a, x, true);
                        leave = cl * (units + cc.resultSeconds[n]) + ccost * (price * units + cc.resultUsd[n]);
                        for (int t = 0; t < grid[e].length; t++) {
                            int kOn = nested ? kappaBase[e] + t : 0;
                            on[t] = continueScalar(x, a, ns, kOn, units, stageEnds, cl, ccost, ca, next, enter);
                            onDec[t] = lastDecision;
                            decOn[d * tMax + t] = onDec[t];
                        }
                    }
                    for (int kappa = 0; kappa < kappas; kappa++) {
                        if (kappaUnit[kappa] >= x) {
                            continue;
                        }
                        double best = continueScalar(x, a, ns, kappa, unitsOff, false, cl, ccost, ca, next, enter);
                        decOff[d * kappas + kappa] = lastDecision;
                        byte choice = D_OFF;
                        if (exitHere) {
                            double w = weight(kappa);
                            for (int t = 0; t < grid[e].length; t++) {
                                if (on[t] == INF) {
                                    continue;
                                }
                                double v;
                                if (nested) {
                                    double share = rate[e][t] - kappaRate[kappa];
                                    if (share < 0) {
                                        continue;
                                    }
                                    v = w * head + share * (leave - ca * overallAcc[e]) + on[t];
                                } else {
                                    double r = rate[e][t];
                                    v = head + r * (leave - ca * exitedAcc[e][t]) + (1 - r) * on[t];
                                }
                                if (v < best) {
                                    best = v;
                                    choice = (byte) t;
                                }
                            }
                            if (partial) {
                                double v = w * (head + leave) - ca * (nested ? w : 1) * overallAcc[e];
                                if (v < best) {
                                    best = v;
                                    choice = D_TERMINAL;
                                }
                            }
                        }
                        decH[d * kappas + kappa] = choice;
                        cur[(a * pairs + ns) * kappas + kappa] = best;
                    }
                }
            }
            for (int ns = 0; ns < pairs; ns++) {
                int n = nsNode[ns];
                double deser = x > 1 || n != cc.source ? cc.deserializeSeconds[n][x - 1] : 0;
                double term = cl * deser + ccost * deser * cc.usdPerBusySecond[n];
                for (int kappa = 0; kappa < kappas; kappa++) {
                    double h = cur[(x * pairs + ns) * kappas + kappa];
                    enter[(x * pairs + ns) * kappas + kappa] = h == INF ? INF : weight(kappa) * term + h;
                }
            }
            double[] swap = next;
            next = cur;
            cur = swap;
            progress.update(last - x + 1, last + 1);
        }
        double best = INF;
        int first = -1;
        double[] tr = new double[2];
        for (int n = 0; n < rules.nodeCount; n++) {
            int s0 = rules.start(n);
            if (s0 < 0 || nsOf[n][s0] < 0) {
                continue;
            }
            double f = enter[(pairs + nsOf[n][s0]) * kappas];
            start(n, tr);
            if (f < INF && cl * tr[0] + ccost * tr[1] + f < best) {
                best = cl * tr[0] + ccost * tr[1] + f;
                first = n;
            }
        }
        progress.update(last + 1, last + 1);
        return first < 0 ? null : walk(first, decH, decOff, decOn, tMax, best);
    }

    private static final double INF = Double.POSITIVE_INFINITY;
    private byte lastDecision;

    /** The scalar continuation after the exit decision at x; its decision is left in lastDecision. */
    private double continueScalar(int x, int a, int ns, int kappa, double units, boolean mustEnd, double cl, double ccost,
                                  double ca, double[] next, double[] enter) {
        int n = nsNode[ns];
        double w = weight(kappa);
        double price = cc.usdPerBusySecond[n];
        if (x == last) {
            lastDecision = D_FINAL;
            if (!rules.mayRun(x, n, true)) {
                return INF;
            }
            return w * (cl * (units + cc.resultSeconds[n]) + ccost * (price * units + cc.resultUsd[n]))
                    - ca * (nested ? w : 1) * finalAcc;
        }
        double best = mustEnd ? INF : next[(a * pairs + ns) * kappas + kappa];
        lastDecision = D_GO_ON;
        double ser = cc.serializeSeconds[n][x];
        int s = nsState[ns];
        for (int m = 0; m < rules.nodeCount; m++) {
            int s2 = followingState(n, s, m);
            if (s2 < 0) {
                continue;
            }
            double f = enter[((x + 1) * pairs + nsOf[m][s2]) * kappas + kappa];
            if (f == INF) {
                continue;
            }
            double v = w * (cl * (units + ser + cc.transferSeconds[x][n][m])
                    + ccost * (price * (units + ser) + cc.transferUsd[x][n][m])) + f;
            if (v < best) {
                best = v;
                lastDecision = (byte) m;
            }
        }
        return best;
    }

    /** The scalar program's decisions walked from the first stage's node into a plan, with its figures summed again. */
    private Found walk(int firstNode, byte[] decH, byte[] decOff, byte[] decOn, int tMax, double value) {
        List<Stage> stages = new ArrayList<>();
        List<EnabledExit> enabled = new ArrayList<>();
        String terminal = null;
        int n = firstNode;
        int ns = nsOf[n][rules.start(n)];
        int a = 1;
        int kappa = 0;
        for (int x = 1; ; ) {
            int d = (x * (last + 1) + a) * pairs + ns;
            byte h = decH[d * kappas + kappa];
            byte c;
            if (h == D_TERMINAL) {
                terminal = profile.exits().get(cc.exitAt[x]).id();
                stages.add(new Stage(a, x, id(n)));
                break;
            } else if (h >= 0) {
                int e = cc.exitAt[x];
                enabled.add(new EnabledExit(profile.exits().get(e).id(), grid[e][h]));
                kappa = nested ? kappaBase[e] + h : 0;
                c = decOn[d * tMax + h];
            } else {
                c = decOff[d * kappas + kappa];
            }
            if (c == D_FINAL) {
                stages.add(new Stage(a, x, id(n)));
                break;
            } else if (c == D_GO_ON) {
                x++;
            } else {
                stages.add(new Stage(a, x, id(n)));
                ns = nsOf[c][rules.next(nsState[ns], c)];
                n = c;
                x++;
                a = x;
            }
        }
        return new Found(new Plan(stages, enabled, terminal), Double.NaN, Double.NaN, Double.NaN, value);
    }
}
