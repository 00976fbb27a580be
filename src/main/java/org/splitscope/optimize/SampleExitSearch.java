package org.splitscope.optimize;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;
import org.splitscope.model.SampleStats;
import org.splitscope.perf.Tolerance;

/**
 * The best plans under per-sample exit statistics (exact joint outcomes) without enumerating
 * the exit configurations: a best-first branch and bound that decides the enabled exits in model
 * order (which exit next, at which threshold) and then where the model ends.
 *
 * <p>A node is a prefix: the exits enabled so far, and the first exit a completion may still
 * enable. Its bound is the chain program ({@link ChainDp}) on a relaxed configuration: the
 * decided exits with their exact shares and heads, and the remaining samples leaving as early as
 * {@link LeaveBound} allows (no head, no memory limit, no pins, every cut). That relaxation is
 * a lower bound on the objective of every completion when leaving later never costs less on any
 * placement, which is checked on the cost tables once per search ({@link LeavingCosts#monotone}); otherwise
 * the bound weighs the same shares by the least cost of leaving at each exit on its own best
 * placement (valid always, weaker). Where the placements are few ({@link PlacementCosts}) the
 * objective's bound is instead the least over the placements of the samples' summed leaving
 * costs on that placement ({@link PlacementBound}), the undecided ones by
 * {@link LeaveBound#leastCost} with the exits left counted (valid without monotony, and much
 * tighter: three exits cannot let every sample leave at every exit it passes); a new node's bound
 * stops at the first placement that may beat the plans kept and is completed when the node comes
 * up. A node with one exit left is bounded by its children instead ({@link LastExitBound}: the
 * last exit at its real threshold takes its wrong passers along, the end is the first that can
 * meet the floor), and its children are queued from the same counts; a configuration's bound
 * there is its samples' leaving costs on the best placement, all but exact, so it is solved as
 * soon as it is made (early plans prune the prefixes). The accuracy floor, the objective accuracy, the latency
 * SLO and the budget prune by the same bounds. A configuration (prefix and end) is solved exactly
 * by the enumeration's own program and plan enumeration ({@link ConfigurationEnumeration}), and every
 * plan is scored by the evaluator.
 *
 * <p>A subtree whose bound only ties the plans kept is pruned: among plans equal in the objective
 * the first found stays, so the later rank keys (mean latency, cost, accuracy, stages) do not
 * order ties here; plateaus of equal configurations (exits no sample reaches) would otherwise
 * be searched to the end.
 *
 * <p>Anytime: the search stops at a budget of bounded nodes or when cancelled, and then returns
 * the best plans found with the proven gap between them and the least bound still open.
 */
final class SampleExitSearch {
    static final String METHOD = "exact exit branch and bound";
    /** Nodes and configurations bounded before the search stops with its gap. */
    static final long BUDGET = 250_000;

    private final SearchRequest request;
    private final ModelProfile profile;
    private final ConfigurationEnumeration run;
    private final Progress progress;
    private final CancellationToken token;
    private final long budget;
    private final SampleSets sets;
    private final LeaveBound leave;
    private final LastExitBound last;
    private final int exits;
    private final int most;
    private final boolean partial;
    private final boolean shared;
    private final int need;
    private final int[] unitOf;
    private final Objective objective;
    private final boolean latFirst;
    private final double slo;
    private final double usd;
    /** The least costs of leaving at each exit and the relaxation's program; measures [0] latency, [1] cost. */
    private final LeavingCosts leaving;
    private final double[] shareAt;
    private final int[] headAt;
    private final long[][][] passes; // [shared threshold index, or the grid's size: loosest][exit]
    /**
     * Per placement, for the objective's measure: built when the root is expanded (the root's
     * own bound often proves the first plans); null before, and where the placements are too many.
     */
    private PlacementBound placements;
    private long bounded;
    private long solved;
    /** After {@link #search}: a proven lower bound on the best plan's oriented objective (its rank key's first entry). */
    double lowerBound = Double.NaN;

    /** Cancelled in the middle of an expansion. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * An open prefix (terminal -2; -3 for the root, whose ends are solved first) or a
     * configuration to solve (terminal -1: the whole model, else the terminal exit).
     */
    private record Item(double bound, int next, int[] on, int[] at, int terminal, boolean settled) {
        Item(double bound, int next, int[] on, int[] at, int terminal) {
            this(bound, next, on, at, terminal, true);
        }
    }

    /**
     * Sample statistics with exits and a sum objective where the enumeration would refuse the
     * space ({@link ExitConfigurations#LIMIT}).
     */
    static boolean answers(SearchRequest r) {
        ModelProfile p = r.evaluator().profile();
        return p.exitStats() instanceof SampleStats && !p.exits().isEmpty()
                && (r.objective() == Objective.MEAN_LATENCY || r.objective() == Objective.COST
                || r.objective() == Objective.ACCURACY)
                && ExitConfigurations.count(p, r.space()).compareTo(BigInteger.valueOf(ExitConfigurations.LIMIT)) > 0;
    }

    static List<RankedPlan> top(SearchRequest r, int count, Progress progress, CancellationToken token, boolean pruning) {
        return new SampleExitSearch(r, count, progress, token, pruning, BUDGET).search();
    }

    SampleExitSearch(SearchRequest request, int count, Progress progress, CancellationToken token, boolean pruning, long budget) {
        this.request = request;
        this.profile = request.evaluator().profile();
        this.progress = progress;
        this.token = token;
        this.budget = budget;
        SampleStats stats = (SampleStats) profile.exitStats();
        SearchSpace space = request.space();
        if (SampleSets.wordsNeeded(stats, space.thresholds().size()) > SampleSets.MAX_WORDS) {
            throw new InvalidSearchException(List.of(new Problem("space.thresholds", "the exit search would keep "
                    + SampleSets.wordsNeeded(stats, space.thresholds().size()) * 8 / 1_000_000 + " MB of sample sets ("
                    + stats.sampleCount() + " samples x " + profile.exits().size() + " exits x " + space.thresholds().size()
                    + " thresholds); give fewer thresholds, exits or samples")));
        }
        run = new ConfigurationEnumeration(request, count, Progress.NONE, token, pruning);
        sets = new SampleSets(stats, profile.criterion(), space.thresholds());
        leave = new LeaveBound(sets);
        exits = profile.exits().size();
        int limit = space.maxExits() == null ? exits : Math.min(exits, space.maxExits());
        // exits only at stage ends: the last stage ends at the model's end, so at most maxStages - 1 exits
        most = space.exitRule() == ExitRule.STAGE_ENDS ? Math.min(limit, space.maxStages() - 1) : limit;
        partial = space.partialModels();
        shared = space.sharedThreshold();
        Double floor = request.constraints().accuracyFloor();
        // a count below what the tolerant floor test needs: relaxing it keeps every bound a bound
        need = floor == null ? Integer.MIN_VALUE : (int) Math.ceil(sets.samples * floor - 1e-6 * sets.samples - 1e-9);
        last = new LastExitBound(sets, need, partial);
        unitOf = new int[exits + 1];
        for (int e = 0; e < exits; e++) {
            unitOf[e] = profile.exits().get(e).afterUnit();
        }
        unitOf[exits] = profile.unitCount();
        objective = request.objective();
        latFirst = objective != Objective.COST;
        Constraints c = request.constraints();
        slo = c.latencySloSeconds() == null ? Double.NaN : c.latencySloSeconds();
        usd = c.budgetUsdPerRequest() == null ? Double.NaN : c.budgetUsdPerRequest();
        leaving = new LeavingCosts(request);
        passes = new long[sets.grid.length + 1][][];
        passes[sets.grid.length] = sets.loosest;
        for (int t = 0; t < sets.grid.length; t++) {
            passes[t] = new long[exits][];
            for (int h = 0; h < exits; h++) {
                passes[t][h] = sets.pass[h][t];
            }
        }
        shareAt = new double[leaving.exact.units + 2];
        headAt = new int[leaving.exact.units + 2];
    }

    private void buildPlacements() {
        PlacementCosts costs = objective == Objective.ACCURACY ? null : PlacementCosts.of(leaving.exact, leaving.relaxedRules, latFirst ? 0 : 1);
        placements = costs == null ? null : new PlacementBound(costs, leave, last, exits);
    }

    /** Whether the objective's bound is the chain program on the relaxed shares (else the least leaving costs). */
    boolean programBound() {
        return objective != Objective.ACCURACY && leaving.monotone(latFirst ? 0 : 1);
    }

    List<RankedPlan> search() {
        if (SaturationBound.everyPlanSaturates(request) != null) {
            return List.of();
        }
        PriorityQueue<Item> open = new PriorityQueue<>((x, y) -> {
            int c = Double.compare(x.bound(), y.bound());
            if (c != 0) {
                return c;
            }
            c = Boolean.compare(x.terminal() <= -2, y.terminal() <= -2); // configurations first
            return c != 0 ? c : Integer.compare(y.on().length, x.on().length);
        });
        Item root = prefix(0, new int[0], new int[0], Double.NEGATIVE_INFINITY, true);
        if (root != null) {
            // a first incumbent: the model without exits and every partial model, solved before any bound is trusted
            Decided none = decided(root.on(), root.at());
            try {
                for (int t = partial ? 0 : exits; t <= exits; t++) {
                    Item c = configuration(root, none, t == exits ? -1 : t);
                    if (c != null) {
                        solve(c);
                    }
                }
            } catch (java.util.concurrent.CancellationException e) {
                // the loop below reports it, with the root's bound open
            }
            open.add(new Item(root.bound(), 0, root.on(), root.at(), -3));
        }
        String stopped = null;
        long steps = 0;
        while (!open.isEmpty()) {
            Item it = open.peek();
            if (run.top.full() && !Tolerance.less(it.bound(), run.top.worst()[0])) {
                open.clear(); // no open bound is better than the plans kept: they are optimal
                break;
            }
            if (token.isCancelled()) {
                stopped = "cancelled";
                break;
            }
            if (bounded >= budget) {
                stopped = "stopped at its budget of " + String.format(Locale.ROOT, "%,d", budget) + " bounds";
                break;
            }
            open.poll();
            try {
                if (it.terminal() == -2 && !it.settled()) {
                    // its bound stopped at the first placement that could beat the kept plans: settle it now
                    Item again = prefix(it.next(), it.on(), it.at(), it.bound(), true);
                    if (again != null && again.bound() > it.bound()) {
                        open.add(again);
                    } else if (again != null) {
                        expand(again, open);
                    }
                } else if (it.terminal() <= -2) {
                    expand(it, open);
                } else {
                    solve(it);
                }
            } catch (Stopped | java.util.concurrent.CancellationException e) {
                open.add(it); // its subtree is not fully open or solved: its bound still counts
                stopped = "cancelled";
                break;
            }
            if ((++steps & 15) == 0) {
                progress.update(Math.min(bounded, budget), budget);
            }
        }
        progress.update(budget, budget);
        return result(open, stopped);
    }

    private List<RankedPlan> result(PriorityQueue<Item> open, String stopped) {
        List<String> notes = new ArrayList<>();
        BigInteger size = ExitConfigurations.count(profile, request.space());
        notes.add("per-sample statistics: exit configurations by branch and bound (" + String.format(Locale.ROOT, "%,d", bounded)
                + " bounds; " + String.format(Locale.ROOT, "%,d", solved) + " of the space's " + size(size)
                + " exit configurations solved); bound: " + (placements != null
                ? "per placement, the least leaving cost of the samples with the exits left counted"
                : leaving.monotone(latFirst ? 0 : 1) ? "the chain program on the earliest shares the samples allow"
                : "the least cost of leaving at each exit (leaving later can cost less here)"));
        boolean exact = stopped == null && run.disagreements == 0;
        if (stopped == null && !run.top.empty()) {
            lowerBound = Double.NEGATIVE_INFINITY; // proven: the best plan is the optimum
        }
        if (stopped != null && !run.top.empty()) {
            double best = run.top.full() ? run.top.worst()[0] : Double.POSITIVE_INFINITY;
            double lower = open.isEmpty() ? best : Math.min(best, open.peek().bound());
            lowerBound = lower;
            double gap = best == lower ? 0 : Math.abs(best) == 0 ? Double.POSITIVE_INFINITY : (best - lower) / Math.abs(best);
            notes.add("the search " + stopped + "; the plan is within " + (Double.isFinite(gap)
                    ? String.format(Locale.ROOT, "%.3g%%", 100 * gap) : "an unknown distance") + " of the optimum (lower bound "
                    + String.format(Locale.ROOT, "%.6g", lower) + ")");
        }
        if (stopped != null && run.top.empty()) {
            if (stopped.equals("cancelled")) {
                token.throwIfCancelled();
            }
            throw new InvalidSearchException(List.of(new Problem("space", "the exit search " + stopped + " before it found a"
                    + " plan; the space has " + size(size) + " exit configurations: limit the enabled exits (--max-exits),"
                    + " share one threshold (--shared-threshold), allow exits only at stage ends (--exit-rule stage-ends),"
                    + " or give fewer thresholds")));
        }
        if (run.disagreements > 0) {
            notes.add("the program's sums disagreed with the evaluator on " + run.disagreements + " plan(s)");
        }
        notes.add("plans equal in the objective are not ordered by the later rank keys: the first found is kept");
        notes.addAll(run.notes);
        List<RankedPlan> ranked = run.top.ranked(objective, new Provenance(METHOD, exact, run.evaluated, notes));
        if ("cancelled".equals(stopped)) {
            // the window keeps what a stop found, with its proven gap
            throw SearchStopped.of(ranked, run.top.worst()[0], lowerBound, METHOD, run.evaluated, notes);
        }
        return ranked;
    }

    private static String size(BigInteger count) {
        return count.bitLength() < 40 ? String.format(Locale.ROOT, "%,d", count)
                : String.format(Locale.ROOT, "about %.2e", count.doubleValue());
    }

    /** A configuration: the enumeration's program for its best key, then its plans while they can enter the top list. */
    private void solve(Item it) {
        double[] at = new double[it.at().length];
        for (int i = 0; i < at.length; i++) {
            at[i] = sets.grid[it.at()[i]];
        }
        solved++;
        ConfigurationEnumeration.Candidate c = run.candidate(new ExitConfiguration(it.on(), at, it.terminal()));
        if (c != null && (!run.top.full() || Ranking.compare(c.best(), run.top.worst()) < 0)) {
            run.enumerate(c);
        }
    }

    /** The configurations that end this prefix, and its children (one more exit after it), each with its bound. */
    private void expand(Item it, PriorityQueue<Item> open) {
        if (it.terminal() == -3) {
            buildPlacements();
        }
        int k = it.on().length;
        Decided d = decided(it.on(), it.at());
        for (int t = it.terminal() == -3 ? exits + 1 : partial ? it.next() : exits; t <= exits; t++) {
            Item c = configuration(it, d, t == exits ? -1 : t);
            if (c != null && placements != null) {
                solve(c); // its bound is all but exact: solving it at once gives the plans that prune the prefixes
            } else if (c != null) {
                open.add(c);
            }
        }
        if (k >= most) {
            return;
        }
        if (placements != null && k + 1 == most) {
            lastExits(it, d, open);
            return;
        }
        for (int h = it.next(); h < exits; h++) {
            for (int ti = 0; ti < sets.grid.length; ti++) {
                if (shared && k > 0 && ti != it.at()[0]) {
                    continue;
                }
                if (token.isCancelled()) {
                    throw new Stopped();
                }
                int[] on = Arrays.copyOf(it.on(), k + 1);
                int[] at = Arrays.copyOf(it.at(), k + 1);
                on[k] = h;
                at[k] = ti;
                Item child = prefix(h + 1, on, at, it.bound(), false);
                if (child != null) {
                    open.add(child);
                }
            }
        }
    }

    /**
     * The children that enable the last exit allowed, bounded together ({@link LastExitBound});
     * those that may still beat the plans kept are queued, with the limits' checks of
     * {@link #prefix} where a latency SLO or a budget needs them.
     */
    private void lastExits(Item it, Decided d, PriorityQueue<Item> open) {
        int k = it.on().length;
        placements.lastExit(it.on(), it.at(), d.counts(), d.rest(), d.correct(), it.next(), only(it.on(), it.at()), kept(), false);
        bounded += last.children;
        boolean limits = !Double.isNaN(slo) || !Double.isNaN(usd);
        for (int h = it.next(); h < exits; h++) {
            for (int ti = 0; ti < sets.grid.length; ti++) {
                double b = last.bound[h][ti] / sets.samples;
                if (b == Double.POSITIVE_INFINITY || (run.top.full() && !Tolerance.less(b, run.top.worst()[0]))) {
                    continue;
                }
                if (token.isCancelled()) {
                    throw new Stopped();
                }
                int[] on = Arrays.copyOf(it.on(), k + 1);
                int[] at = Arrays.copyOf(it.at(), k + 1);
                on[k] = h;
                at[k] = ti;
                Item child = limits ? prefix(h + 1, on, at, it.bound(), true) : null;
                if (!limits || child != null) {
                    double bound = Math.max(it.bound(), child == null ? b : Math.max(child.bound(), b));
                    open.add(new Item(bound, h + 1, on, at, -2));
                }
            }
        }
    }

    /** The one threshold index the next exit may use (a shared threshold), or -1 for every one. */
    private int only(int[] on, int[] at) {
        return shared && on.length > 0 ? at[0] : -1;
    }

    /** The plans kept's objective summed over the samples; +infinity while the list is not full. */
    private double kept() {
        return run.top.full() ? run.top.worst()[0] * sets.samples : Double.POSITIVE_INFINITY;
    }

    /** What the decided exits do: the samples left, the right ones, and each exit's count. */
    private record Decided(long[] rest, int correct, int[] counts) {
    }

    private Decided decided(int[] on, int[] at) {
        long[] rest = sets.all.clone();
        int correct = 0;
        int[] counts = new int[on.length];
        for (int i = 0; i < on.length; i++) {
            long[] p = sets.pass[on[i]][at[i]];
            long[] ok = sets.ok[on[i]];
            for (int w = 0; w < rest.length; w++) {
                long x = rest[w] & p[w];
                counts[i] += Long.bitCount(x);
                correct += Long.bitCount(x & ok[w]);
                rest[w] &= ~p[w];
            }
        }
        return new Decided(rest, correct, counts);
    }

    /** A configuration's item with its exact accuracy and a bound from the least leaving costs; null when it cannot qualify. */
    private Item configuration(Item prefix, Decided d, int terminal) {
        bounded++;
        long[] okLast = terminal >= 0 ? sets.ok[terminal] : sets.okFinal;
        int right = d.correct() + SampleSets.countAnd(d.rest(), okLast);
        if (need != Integer.MIN_VALUE && right < need) {
            return null;
        }
        int rest = SampleSets.count(d.rest());
        double[] bound = new double[2];
        for (int m = 0; m < 2; m++) {
            double sum = 0;
            for (int i = 0; i < d.counts().length; i++) {
                sum += times(d.counts()[i], leaving.leastAt(m, prefix.on()[i]));
            }
            bound[m] = (sum + times(rest, leaving.leastAt(m, terminal >= 0 ? terminal : exits))) / sets.samples;
        }
        if (placements != null) {
            // the samples at their exits on each placement: exact there but for the heads they pass
            int m = latFirst ? 0 : 1;
            double least = placements.configuration(prefix.on(), d.counts(), rest, terminal);
            bound[m] = Math.max(bound[m], least / sets.samples);
        }
        double b = objectiveBound(bound, right);
        if (!admissible(bound, b)) {
            return null;
        }
        return new Item(Math.max(prefix.bound(), b), prefix.next(), prefix.on(), prefix.at(), terminal);
    }

    /** A prefix's item with its bound; null when no completion can qualify. */
    private Item prefix(int next, int[] on, int[] at, double parent, boolean full) {
        bounded++;
        Decided d = decided(on, at);
        double lastExit = Double.NEGATIVE_INFINITY;
        if (placements != null && on.length + 1 == most) {
            // one exit left: the children's bounds, on the best placement, all but exact
            lastExit = placements.lastExit(on, at, d.counts(), d.rest(), d.correct(), next, only(on, at), kept(), true) / sets.samples;
            if (lastExit == Double.POSITIVE_INFINITY || (run.top.full() && !Tolerance.less(lastExit, run.top.worst()[0]))) {
                return null;
            }
            if (Double.isNaN(slo) && Double.isNaN(usd)) {
                return new Item(Math.max(parent, lastExit), next, on, at, -2);
            }
        }
        long[][] may = passes[shared && on.length > 0 ? at[0] : sets.grid.length];
        if (!leave.compute(d.rest(), d.correct(), next, most - on.length, may, partial, need)) {
            return null;
        }
        int rest = SampleSets.count(d.rest());
        Arrays.fill(shareAt, 0);
        Arrays.fill(headAt, -1);
        double[] weak = new double[2];
        int before = 0;
        for (int i = 0; i < on.length; i++) {
            shareAt[unitOf[on[i]]] = (double) d.counts()[i] / sets.samples;
            headAt[unitOf[on[i]]] = on[i];
            for (int m = 0; m < 2; m++) {
                weak[m] += times(d.counts()[i], leaving.leastAt(m, on[i]));
            }
        }
        for (int h = next; h < exits; h++) {
            int leaving = leave.leaveBy[h] - before;
            before = leave.leaveBy[h];
            shareAt[unitOf[h]] += (double) leaving / sets.samples;
        }
        shareAt[unitOf[exits]] += (double) (rest - before) / sets.samples;
        for (int m = 0; m < 2; m++) {
            double undecided = 0;
            double[] leastFrom = leaving.leastFrom(m);
            for (int h = next; h < exits; h++) {
                undecided += times(leave.leaveBy[h] - (h == next ? 0 : leave.leaveBy[h - 1]), leastFrom[h]);
            }
            undecided += times(rest - before, leaving.leastAt(m, exits));
            boolean wanted = (objective != Objective.ACCURACY && m == (latFirst ? 0 : 1)) || !Double.isNaN(m == 0 ? slo : usd);
            if (wanted) {
                // fewer steps where at most so many more exits are enabled
                undecided = Math.max(undecided, leave.leastCost(leastFrom));
            }
            weak[m] = (weak[m] + undecided) / sets.samples;
        }
        double b = objectiveBound(weak, leave.maxCorrect);
        if (!admissible(weak, b)) {
            return null;
        }
        if (placements != null) {
            int m = latFirst ? 0 : 1;
            weak[m] = Math.max(weak[m], placements.prefix(on, d.counts(), next, rest, full, kept()) / sets.samples);
            b = objectiveBound(weak, leave.maxCorrect);
            if (!admissible(weak, b)) {
                return null;
            }
        }
        boolean strongObjective = objective != Objective.ACCURACY && leaving.monotone(latFirst ? 0 : 1) && placements == null;
        if (strongObjective || (!Double.isNaN(slo) && leaving.monotone(0)) || (!Double.isNaN(usd) && leaving.monotone(1))) {
            double[] strong = weak.clone();
            for (int m = 0; m < 2; m++) {
                boolean wanted = (m == (latFirst ? 0 : 1) && strongObjective) || !Double.isNaN(m == 0 ? slo : usd);
                if (wanted && leaving.monotone(m)) {
                    strong[m] = Math.max(weak[m], leaving.program(m, shareAt, headAt));
                }
            }
            b = objectiveBound(strong, leave.maxCorrect);
            if (!admissible(strong, b)) {
                return null;
            }
        }
        return new Item(Math.max(parent, Math.max(b, lastExit)), next, on, at, -2, full || placements == null);
    }

    private static double times(int samples, double cost) {
        return PlacementBound.times(samples, cost);
    }

    private double objectiveBound(double[] bound, int right) {
        return switch (objective) {
            case COST -> bound[1];
            case ACCURACY -> -(double) right / sets.samples;
            default -> bound[0];
        };
    }

    /** Whether a subtree with these bounds may still hold a plan that meets the limits and enters the top list. */
    private boolean admissible(double[] bound, double objectiveBound) {
        if (bound[0] == Double.POSITIVE_INFINITY) {
            return false; // no placement at all
        }
        if ((!Double.isNaN(slo) && Tolerance.less(slo, bound[0])) || (!Double.isNaN(usd) && Tolerance.less(usd, bound[1]))) {
            return false;
        }
        return !(run.top.full() && !Tolerance.less(objectiveBound, run.top.worst()[0]));
    }
}
