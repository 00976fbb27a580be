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
import java.util.Arrays;
import java.util.List;

import org.splitscope.perf.Tolerance;

/**
 * The best plan (or the k best, for a list) at an accuracy floor over a {@code nested}
 * {@link ExitGraph} with exits anywhere, objective mean latency or cost, within an upper bound:
 * backward labels kept per (unit x, stage start a, node pair ns) rather than per previous exit as
 * well, as {@link ExitLabels} keeps them. For k plans a suffix is dropped only where k others cover
 * it, which keeps several times the labels of one (at 0.85 on PORTEND's ResNet-110, ten plans
 * within 0.09 ms of the best keep about 600 thousand).
 *
 * <p>Why the previous exit kappa can leave the state. With nested curves a suffix's figures
 * depend on kappa only through its rate r: the requests still running weigh 1 - r and the next
 * enabled exit takes R_t - r. So a suffix is a pair of lines in r, objective aO - bO r and
 * accuracy aA - bA r, valid for r up to the rate of its first enabled exit (beyond it the
 * evaluator would clip that share; such configurations contradict the nesting and are outside
 * every search's space, see {@link ExitConfigurations}). Enabling an exit at t fixes r = R_t for the rest of the plan, so there the
 * continuations are evaluated and become constants. On PORTEND's ResNet-110 the per-kappa labels
 * hold the same suffixes again for each of up to 260 previous exits of one (x, a, ns): at a
 * floor of 0.78 this program keeps about 160 thousand labels where those keep 16 million.
 *
 * <p>A state keeps exactly the suffixes that are on the (objective, accuracy) front at the rate
 * of some previous exit that may lead there and that pass that exit's bounds: the most accuracy
 * a prefix adds and the Lagrangian prefix bound of every multiplier ({@link ExitBounds}), against
 * the floor and the upper bound. A dropped suffix is covered at every such exit by a kept one,
 * so every plan within the upper bound is matched by a kept plan at least as good.
 */
final class ExitFront {

    /** A suffix: latency, cost and accuracy as a - b r, valid for r <= rho; the decision at its state and the rest. */
    record Label(double aL, double bL, double aC, double bC, double aA, double bA, double rho, int kind, int arg, Label rest)
            implements ExitDecision {
        Label as(int decision, int argument) {
            return new Label(aL, bL, aC, bC, aA, bA, rho, decision, argument, this);
        }
    }

    private final ExitGraph g;
    /** How many best plans are sought. */
    private final int plans;
    private final boolean cost;
    private final double floor;
    /** One per thread: the previous exits live at a state and the pruning against their bounds. */
    private final java.util.function.Supplier<LiveExits> live;
    private long labelBudget = Long.MAX_VALUE;
    private final java.util.concurrent.atomic.AtomicLong labels = new java.util.concurrent.atomic.AtomicLong();
    /** Label-exit pairs of one state from which its fronts are marked on several cores (tests lower it). */
    static long parallelWork = 50_000;

    /**
     * @param floor the accuracy every plan must reach
     * @param upper only plans with objective at most this are searched
     * @param bounds forward Lagrangian bounds, one per multiplier
     * @param mostAccuracy forward bounds with ca = 1 alone (minus the most accuracy a prefix adds)
     * @param through bounds on whole plans through each state, at the request's floor
     */
    ExitFront(ExitGraph graph, double floor, double upper, double[] multipliers, ExitBounds[] bounds, ExitBounds mostAccuracy,
              ThroughBounds through) {
        this(graph, floor, upper, multipliers, bounds, mostAccuracy, through, 1);
    }

    /**
     * @param count how many best plans to find: a state keeps the suffixes that fewer than count
     *        others cover at the rate of some previous exit that may lead there
     */
    ExitFront(ExitGraph graph, double floor, double upper, double[] multipliers, ExitBounds[] bounds, ExitBounds mostAccuracy,
              ThroughBounds through, int count) {
        if (!graph.nested || graph.stageEnds) {
            throw new IllegalArgumentException("the front program needs nested curves and free exits");
        }
        this.g = graph;
        this.cost = graph.request.objective() == Objective.COST;
        this.floor = floor;
        this.plans = count;
        this.live = () -> new LiveExits(graph, cost, floor, upper, multipliers, bounds, mostAccuracy, through, count);
    }

    /** Stop with {@link ExitDp.OverBudget} once this many labels were kept. */
    void labelBudget(long most) {
        labelBudget = most;
    }

    /** Labels kept so far, over every state. */
    long labels() {
        return labels.get();
    }

    /** The best plan meeting the floor within the upper bound, or null. */
    ExitDp.Found solve(CancellationToken token) {
        List<ExitDp.Found> best = solveAll(token);
        return best.isEmpty() ? null : best.get(0);
    }

    /** The count best plans meeting the floor within the upper bound (fewer where fewer are within it), best first. */
    List<ExitDp.Found> solveAll(CancellationToken token) {
        int last = g.last;
        int pairs = g.pairs;
        Label[][] next = new Label[(last + 2) * pairs][];
        Label[][] cur = new Label[(last + 2) * pairs][];
        Label[][] enter = new Label[pairs][]; // stages starting at x + 1
        Label[][] enterHere = new Label[pairs][];
        ThreadLocal<LiveExits> lives = ThreadLocal.withInitial(live);
        int[] states = new int[(last + 1) * pairs];
        for (int x = last; x >= 1; x--) {
            token.throwIfCancelled();
            Arrays.fill(cur, null);
            int count = 0;
            for (int ns = 0; ns < pairs; ns++) {
                for (int a = x; a >= g.firstStart[x][g.nsNode[ns]]; a--) {
                    states[count++] = a * pairs + ns;
                }
            }
            // the states of one unit read only the next unit's: decided side by side
            int at = x;
            Label[][] from = next;
            Label[][] entering = enter;
            Label[][] into = cur;
            java.util.stream.IntStream.range(0, count).parallel().forEach(k -> {
                int a = states[k] / pairs;
                int ns = states[k] % pairs;
                into[states[k]] = decide(at, a, ns, from, entering, lives.get());
            });
            for (int ns = 0; ns < pairs; ns++) {
                Label[] h = cur[x * pairs + ns];
                enterHere[ns] = h == null ? null : entered(g.nsNode[ns], x, h);
            }
            Label[][] swap = enter;
            enter = enterHere;
            enterHere = swap;
            swap = next;
            next = cur;
            cur = swap;
        }
        List<Label> roots = new ArrayList<>();
        double[] tr = new double[2];
        for (int n = 0; n < g.rules.nodeCount; n++) {
            int s0 = g.rules.start(n);
            if (s0 < 0 || g.nsOf[n][s0] < 0 || enter[g.nsOf[n][s0]] == null) {
                continue;
            }
            g.start(n, tr);
            for (Label l : enter[g.nsOf[n][s0]]) {
                Label root = new Label(tr[0] + l.aL, 0, tr[1] + l.aC, 0, l.aA, 0, l.rho, START, n, l);
                if (!Tolerance.less(root.aA, floor)) {
                    roots.add(root);
                }
            }
        }
        roots.sort(this::rank); // stable: among equals the first found stays first
        List<ExitDp.Found> best = new ArrayList<>();
        for (Label root : roots.subList(0, Math.min(plans, roots.size()))) {
            best.add(new ExitDp.Found(ExitDecision.plan(g, root), root.aL, root.aC, root.aA));
        }
        return best;
    }

    /** State (x, a, ns)'s labels: every way on that some live previous exit may still need. */
    private Label[] decide(int x, int a, int ns, Label[][] next, Label[][] enter, LiveExits live) {
        if (!live.gather(x, a, ns)) {
            return null;
        }
        int n = g.nsNode[ns];
        int e = g.cc.exitAt[x];
        List<Label> options = new ArrayList<>();
        Label[] off = continuation(x, a, ns, false, next, enter);
        if (off != null) {
            for (Label l : off) {
                options.add(l.as(OFF, 0));
            }
        }
        if (e >= 0 && g.rules.mayRun(x, n, true)) {
            enable(x, a, ns, e, next, enter, options);
        }
        options.removeIf(l -> !live.mayHelp(l));
        Label[] kept = live.prune(options);
        if (kept != null && labels.addAndGet(kept.length) > labelBudget) {
            throw new ExitDp.OverBudget();
        }
        return kept;
    }

    /** The rank order of section 5 at r = 0: objective, mean latency, cost, accuracy. */
    private int rank(Label p, Label q) {
        int c = cost ? Double.compare(p.aC, q.aC) : 0;
        if (c == 0) {
            c = Double.compare(p.aL, q.aL);
        }
        if (c == 0) {
            c = Double.compare(p.aC, q.aC);
        }
        return c != 0 ? c : Double.compare(q.aA, p.aA);
    }

    /** Exit e after unit x enabled at each threshold (the rest then starts at r = its rate), or the model ending there. */
    private void enable(int x, int a, int ns, int e, Label[][] next, Label[][] enter, List<Label> options) {
        int n = g.nsNode[ns];
        double price = g.cc.usdPerBusySecond[n];
        double head = g.cc.headSeconds[n][e];
        double units = g.units(n, a, x, true);
        double leaveLat = units + g.cc.resultSeconds[n];
        double leaveCost = price * units + g.cc.resultUsd[n];
        double acc = g.overallAcc[e];
        Label[] rest = continuation(x, a, ns, true, next, enter);
        int size = rest == null ? 0 : rest.length;
        double[] obj = new double[size];
        double[] accAt = new double[size];
        int[] order = new int[size];
        int[] tmp = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        // the thresholds by rising rate: the labels valid at a rate are a subset of those at the
        // last, in nearly the same order, so each sort starts from the last one's; the options
        // still go out by threshold
        @SuppressWarnings("unchecked")
        List<Label>[] byThreshold = new List[g.grid[e].length];
        double[] top = new double[plans]; // the most accurate continuations so far, falling
        int count = size;
        for (int t : rest == null ? new int[0] : g.byRate[e]) {
            double rate = g.rate[e][t];
            if (plans == 1 && sameRateBefore(e, t)) {
                continue; // nested: a threshold passing the same share gives the same figures (for a list, another plan)
            }
            int valid = 0;
            for (int k = 0; k < count; k++) {
                int i = order[k];
                Label l = rest[i];
                if (l.rho >= rate) {
                    obj[i] = cost ? l.aC - l.bC * rate : l.aL - l.bL * rate;
                    accAt[i] = l.aA - l.bA * rate;
                    order[valid++] = i;
                }
            }
            count = valid;
            IndexSort.sort(order, count, obj, accAt, tmp);
            List<Label> out = byThreshold[t] = new ArrayList<>();
            Arrays.fill(top, Double.NEGATIVE_INFINITY);
            for (int k = 0; k < count; k++) {
                Label l = rest[order[k]];
                double lA = accAt[order[k]];
                if (LiveExits.covered(top, lA)) {
                    continue; // as many others as good on the objective are at least as accurate: the same r follows all
                }
                out.add(new Label(head + rate * leaveLat + l.aL - l.bL * rate, head + leaveLat,
                        head * price + rate * leaveCost + l.aC - l.bC * rate, head * price + leaveCost,
                        rate * acc + lA, acc, rate, ON, t, l));
            }
        }
        for (List<Label> out : byThreshold) {
            if (out != null) {
                options.addAll(out);
            }
        }
        if (g.partial) {
            double l = head + leaveLat;
            double c = head * price + leaveCost;
            options.add(new Label(l, l, c, c, acc, acc, 1, TERMINAL, 0, null));
        }
    }

    private boolean sameRateBefore(int e, int t) {
        for (int u = 0; u < t; u++) {
            if (g.rate[e][u] == g.rate[e][t]) {
                return true;
            }
        }
        return false;
    }

    /** The ways on from after unit x (its exit decided) in a stage that started at a, as lines in r. */
    private Label[] continuation(int x, int a, int ns, boolean headRan, Label[][] next, Label[][] enter) {
        int n = g.nsNode[ns];
        double price = g.cc.usdPerBusySecond[n];
        double units = g.units(n, a, x, headRan);
        if (x == g.last) {
            if (!g.rules.mayRun(x, n, true)) {
                return null;
            }
            double l = units + g.cc.resultSeconds[n];
            double c = price * units + g.cc.resultUsd[n];
            return new Label[] {new Label(l, l, c, c, g.finalAcc, g.finalAcc, 1, FINAL, 0, null)};
        }
        List<Label> out = new ArrayList<>();
        Label[] goOn = next[a * g.pairs + ns];
        if (goOn != null) {
            for (Label l : goOn) {
                out.add(l.as(GO_ON, 0));
            }
        }
        double ser = g.cc.serializeSeconds[n][x];
        int s = g.nsState[ns];
        for (int m = 0; m < g.rules.nodeCount; m++) {
            int s2 = g.followingState(n, s, m);
            if (s2 < 0 || enter[g.nsOf[m][s2]] == null) {
                continue;
            }
            double lat = units + ser + g.cc.transferSeconds[x][n][m];
            double c = price * (units + ser) + g.cc.transferUsd[x][n][m];
            for (Label l : enter[g.nsOf[m][s2]]) {
                out.add(new Label(lat + l.aL, lat + l.bL, c + l.aC, c + l.bC, l.aA, l.bA, l.rho, END, m, l));
            }
        }
        return out.isEmpty() ? null : out.toArray(new Label[0]);
    }

    /** A stage starting at x on n: what arrives is deserialized first, by every request still running. */
    private Label[] entered(int n, int x, Label[] stage) {
        double deser = g.deserialize(n, x);
        double deserCost = deser * g.cc.usdPerBusySecond[n];
        Label[] out = new Label[stage.length];
        for (int i = 0; i < stage.length; i++) {
            Label l = stage[i];
            out[i] = new Label(deser + l.aL, deser + l.bL, deserCost + l.aC, deserCost + l.bC, l.aA, l.bA, l.rho, ENTER, n,
                    l);
        }
        return out;
    }

}
