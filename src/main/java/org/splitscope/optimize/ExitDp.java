package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.ServerlessPricing;

/**
 * Exits, thresholds, partial models, cuts and placement of a chain chosen together by dynamic
 * programs over a state graph, for curve statistics: polynomial in units x exits x thresholds x
 * nodes instead of enumerating the (thresholds + 1)^exits exit configurations.
 *
 * <p>Why it decomposes. With {@code independent} curves a request that reaches exit x leaves
 * there with the curve's rate whatever happened before, so the expected remaining latency, cost
 * and accuracy of a request at a point of the chain depend only on that point (conditional
 * values, backward recursion: leave with r, continue with 1 - r). With {@code nested} curves the
 * share leaving at an exit is its rate minus the previous enabled exit's, and every request not
 * yet gone weighs 1 - that rate: the state carries the previous enabled exit and its threshold,
 * and values are absolute. The states are {@link ExitGraph}'s; {@link ExitScalar} finds the plan
 * minimizing a weighted sum of the figures (one value per state), {@link ExitLabels} the best
 * plans under limits (Pareto labels), and at an accuracy floor {@link FloorHull}'s Lagrangian
 * walk feeds {@link ExitBounds} that prune the labels of {@link ExitFront} (nested curves) to the
 * few that can still beat a guessed upper bound. With one shared threshold the space is the union of one graph per threshold.
 *
 * <p>Outside these programs: serverless nodes (billing rounds each outcome's duration, which
 * does not add up) and loaded latency (queueing waits depend on every resource's total busy
 * time). With nested curves a later exit enabled at a rate below the previous enabled exit's is
 * outside every search's space, as in {@link ExitConfigurations}: it contradicts the nesting (the
 * evaluator clips its share to zero and the later shares then count samples twice).
 * {@link #clippingPairs} says how many such pairs the grid has; the result names them.
 */
final class ExitDp {
    /** A complete plan a program found, with its figures as the program summed them (scalar: its weighted sum). */
    record Found(Plan plan, double latency, double cost, double accuracy, double scalar) {
        Found(Plan plan, double latency, double cost, double accuracy) {
            this(plan, latency, cost, accuracy, Double.NaN);
        }
    }

    /** Thrown when the labels outgrow their budget. */
    static final class OverBudget extends RuntimeException {
        OverBudget() {
            super("label budget spent", null, false, false);
        }
    }

    private final SearchRequest request;
    private final ChainCosts cc;
    private final StageRules rules;
    private final int count;
    private final List<ExitGraph> graphs;
    private final List<ExitScalar> scalars;
    private final double[] lastValues;
    private long labelBudget = Long.MAX_VALUE;
    /**
     * What does not depend on the accuracy floor, kept for every floor asked of this program's
     * graphs ({@link #atFloor}): scalar solves by weights, forward bound passes by graph and weights.
     */
    private final Map<List<Double>, Found[]> solved = new HashMap<>();
    private final List<BoundPasses> passes;

    /**
     * @param count how many best plans to keep (labels covered by that many others are dropped)
     */
    ExitDp(SearchRequest request, ChainCosts cc, StageRules rules, int count) {
        this.request = request;
        this.cc = cc;
        this.rules = rules;
        this.count = count;
        graphs = new ArrayList<>();
        scalars = new ArrayList<>();
        double[][][][] seconds = ExitGraph.stageSeconds(cc, request.evaluator().profile().unitCount());
        List<Double> only = request.space().sharedThreshold() ? request.space().thresholds() : java.util.Collections.singletonList(null);
        boolean floor = request.constraints().accuracyFloor() != null;
        // the graphs of a shared threshold are independent: built on both cores, kept in threshold order
        ExitScalar[] built = new ExitScalar[only.size()];
        inParallel(only.size(), i -> {
            ExitGraph g = new ExitGraph(request, cc, rules, seconds, only.get(i));
            built[i] = new ExitScalar(g, floor && g.nested && !g.stageEnds);
        });
        for (ExitScalar scalar : built) {
            graphs.add(scalar.graph());
            scalars.add(scalar);
        }
        lastValues = new double[graphs.size()];
        passes = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            passes.add(new BoundPasses(graphs.get(i)));
        }
        solvedBy = this;
    }

    /** The same graphs at another floor of the same request, sharing the floor's solves and passes. */
    private ExitDp(ExitDp shared, SearchRequest request) {
        this.request = request;
        this.cc = shared.cc;
        this.rules = shared.rules;
        this.count = shared.count;
        this.graphs = shared.graphs;
        this.scalars = shared.scalars;
        this.lastValues = new double[graphs.size()];
        this.passes = shared.passes;
        this.labelBudget = shared.labelBudget;
        this.solvedBy = shared;
    }

    /** Whose solves this program reuses (itself unless made by {@link #atFloor}). */
    private final ExitDp solvedBy;

    /**
     * This program at the accuracy floor of r, a request that differs from this one's in its floor
     * alone (a floor sweep): the scalar solves and bound passes already done are reused, since
     * neither depends on the floor; the answers are those of a program built for r.
     */
    ExitDp atFloor(SearchRequest r) {
        if (request.constraints().accuracyFloor() == null || r.constraints().accuracyFloor() == null) {
            throw new IllegalArgumentException("a floor program is shared between floors only");
        }
        return new ExitDp(this, r);
    }

    /**
     * Runs work for 0..count-1 on the common pool (the caller's thread too), one task a graph.
     * A failure (a cancellation) is thrown as it was, the first in graph order, once every task
     * has stopped.
     */
    private static void inParallel(int count, java.util.function.IntConsumer work) {
        if (count == 1) {
            work.accept(0);
            return;
        }
        RuntimeException[] failed = new RuntimeException[count];
        java.util.stream.IntStream.range(0, count).parallel().forEach(i -> {
            try {
                work.accept(i);
            } catch (RuntimeException e) {
                failed[i] = e;
            }
        });
        for (RuntimeException e : failed) {
            if (e != null) {
                throw e;
            }
        }
    }

    /** The same program keeping the given number of plans. */
    ExitDp withCount(int plans) {
        return new ExitDp(request, cc, rules, plans);
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
        if (r.evaluator().topology().nodes().stream().anyMatch(n -> n.pricing() instanceof ServerlessPricing)) {
            return "serverless billing rounds each request's duration, which does not add up";
        }
        if (p.exitStats() == null && r.objective() == Objective.ACCURACY) {
            return "accuracy is unknown";
        }
        return null;
    }

    /** Pairs of (exit, threshold) whose shares the evaluator would clip, over every graph ({@link ExitGraph#clippingPairs}). */
    long clippingPairs() {
        return graphs.stream().mapToLong(ExitGraph::clippingPairs).sum();
    }

    /** {@link #clippingPairs()} without building the program. */
    static long clippingPairs(ModelProfile profile, SearchSpace space) {
        if (!(profile.exitStats() instanceof CurveStats stats) || stats.combination() != org.splitscope.model.CurveCombination.NESTED) {
            return 0;
        }
        List<List<Double>> grids = space.sharedThreshold() ? space.thresholds().stream().map(List::of).toList()
                : List.of(space.thresholds());
        long sum = 0;
        for (List<Double> grid : grids) {
            double[][] rates = new double[profile.exits().size()][];
            for (int e = 0; e < rates.length; e++) {
                ExitCurve curve = stats.curves().get(e);
                rates[e] = Arrays.stream(ExitConfigurations.usable(profile, e, grid)).map(curve::rateAt).toArray();
            }
            for (int e = 0; e < rates.length; e++) {
                for (int f = e + 1; f < rates.length; f++) {
                    for (double r : rates[e]) {
                        for (double q : rates[f]) {
                            sum += q < r ? 1 : 0;
                        }
                    }
                }
            }
        }
        return sum;
    }

    /** Whether the scalar program fits in memory for this instance. */
    boolean scalarFits() {
        return graphs.stream().allMatch(ExitScalar::fits);
    }

    /** Stop with {@link OverBudget} once one graph's label program keeps (or its stage search visits) this many. */
    void labelBudget(long budget) {
        labelBudget = budget;
    }

    /**
     * The plan that minimizes cl x latency + cc x cost - ca x accuracy over every graph, with its
     * program value; null when the space holds no plan. Each graph's best value is kept for
     * {@link #lastValues}.
     */
    Found solveScalar(double cl, double ccost, double ca, CancellationToken token, Progress progress) {
        token.throwIfCancelled(); // also where the solve was made before
        List<Double> weights = List.of(cl, ccost, ca);
        Found[] found;
        synchronized (solvedBy) {
            found = solvedBy.solved.get(weights);
            if (found == null) {
                found = solveEach(cl, ccost, ca, token, progress);
                solvedBy.solved.put(weights, found);
            }
        }
        Found best = null;
        for (int i = 0; i < graphs.size(); i++) {
            Found f = found[i];
            lastValues[i] = f == null ? Double.POSITIVE_INFINITY : f.scalar();
            if (f != null && (best == null || f.scalar() < best.scalar())) {
                best = f; // ties to the earlier graph, as solved one by one
            }
        }
        return best;
    }

    private Found[] solveEach(double cl, double ccost, double ca, CancellationToken token, Progress progress) {
        Found[] fresh = new Found[graphs.size()];
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        inParallel(graphs.size(), i -> {
            fresh[i] = scalars.get(i).solve(cl, ccost, ca, token, Progress.NONE);
            progress.update(done.incrementAndGet(), graphs.size());
        });
        return fresh;
    }

    /** Each graph's best value in the last {@link #solveScalar}. */
    double[] lastValues() {
        return lastValues.clone();
    }

    /** The best plans (at most count of them, distinct) that meet the floor, the budget and the SLO. */
    List<Found> solve(CancellationToken token, Progress progress) {
        List<Found> found = new ArrayList<>();
        Set<Plan> seen = new HashSet<>();
        for (int i = 0; i < graphs.size(); i++) {
            ExitLabels labels = new ExitLabels(graphs.get(i), request.constraints(), count);
            labels.labelBudget(labelBudget);
            for (Found f : labels.solve(token, Progress.NONE)) {
                if (seen.add(f.plan())) {
                    found.add(f); // a plan without exits comes from every threshold's graph
                }
            }
            progress.update(i + 1, graphs.size());
        }
        return found;
    }

    /**
     * One best plan at the hull's floor, where the hull left a gap. Searches under a guessed upper
     * bound first, just above the hull's lower bound, and raises the guess while no plan beats it:
     * the pruning below is far stronger near the optimum than at the hull's feasible plan, which
     * can be many times slower than the best plan at low floors. Every plan whose objective is at
     * most the guess survives the pruning, so the first plan found at or below a guess is optimal;
     * a guess with none proves the optimum above it.
     *
     * <p>Each graph whose Lagrangian bound is below the guess is searched: where exits sit only
     * at stage ends, by a branch and bound over whole stages ({@link ExitStageSearch}); with
     * nested curves by {@link ExitFront}, whose suffixes are pruned when no prefix completes them
     * to a plan within the guess meeting the floor, by forward bounds at the hull's multipliers
     * ({@link ExitBounds}); with independent curves by the unpruned labels ({@link ExitLabels}),
     * once, at the hull's plan. The hull's plan when no plan beats it. Throws
     * {@link OverBudget} when one graph's labels (or stages visited) outgrow the budget; the
     * lower bound proven so far is then {@link #provenLowerBound}.
     */
    List<Found> closeGap(FloorHull hull, CancellationToken token, Progress progress) {
        double upper = hull.feasible.objective();
        provenLower = hull.lowerBound;
        // without nested curves the labels have no bounds to prune by: one search at the hull's plan
        double step = graphs.get(0).nested ? Math.max((upper - provenLower) / GUESSES, 1e-12 * Math.abs(upper))
                : upper - provenLower;
        Found best = null;
        gapBest = null;
        GapBounds[] bounds = new GapBounds[graphs.size()];
        while (true) {
            // a guess far above the optimum costs most: at most half the gap left, the whole once it is small
            double guess = upper - provenLower <= 0.02 * Math.abs(upper) ? upper
                    : provenLower + Math.min(step, (upper - provenLower) / 2);
            Found f = closeGapBelow(hull, guess, bounds, token, progress);
            boolean cost = request.objective() == Objective.COST;
            if (f != null && (cost ? f.cost() : f.latency()) < upper) {
                best = f;
                upper = cost ? f.cost() : f.latency();
                gapBest = f;
            }
            if (best != null && upper <= guess || guess >= upper) {
                break; // the best plan within the guess, or none below the hull's plan
            }
            provenLower = guess;
            step *= 2;
        }
        provenLower = upper;
        return List.of(best != null ? best : hull.feasible.found());
    }

    /** Rounds of {@link #closeGap}: the first guess lies this fraction of the gap above the lower bound. */
    private static final double GUESSES = 4;

    private double provenLower = Double.NaN;
    private long frontLabels;

    /** Labels the front programs of {@link #closeGap} kept, over every guess. */
    long frontLabels() {
        return frontLabels;
    }
    private Found gapBest;

    /** The best plan {@link #closeGap} found below the hull's before it stopped, or null. */
    Found gapBest() {
        return gapBest;
    }

    /** The lower bound {@link #closeGap} has proven so far (after {@link OverBudget}, the bound it reached). */
    double provenLowerBound() {
        return provenLower;
    }

    /** The bounds one graph's labels are pruned by, built once for every guess up to most. */
    private record GapBounds(ExitBounds[] lagrangian, ExitBounds accuracy, ThroughBounds through, double most) {
    }

    /** The plans {@link #listAtFloor} found, best first, and the bound on the objective within which they are all the plans there are. */
    record Listed(List<Found> plans, double within) {
    }

    /** Whether every graph is nested with free exits, so that {@link #listAtFloor} lists its plans. */
    boolean listsAtFloor() {
        return graphs.stream().allMatch(g -> g.nested && !g.stageEnds);
    }

    /**
     * The count best plans at the floor, the best already found (by {@link #closeGap} or the hull):
     * fronts that keep the suffixes fewer than count others cover, under upper bounds a little
     * above the best, raised until one holds count plans. Every plan within a bound survives the
     * pruning, so the plans found are the best there are. Throws {@link OverBudget} once the
     * rounds together keep more labels than the budget.
     */
    Listed listAtFloor(FloorHull hull, Found best, int count, CancellationToken token) {
        boolean cost = request.objective() == Objective.COST;
        double b = cost ? best.cost() : best.latency();
        // the next plans lie close to the best on large spaces (PORTEND's tenth within 0.05 %), and a front's
        // labels grow with its bound: the bounds start just above the best
        // (a best plan that costs nothing leaves no scale: then from 1e-15 s or $ up)
        double step = Math.max(Math.max(Math.abs(b), hull.feasible.objective() - hull.lowerBound) * 1e-4, 1e-15);
        long budget = labelBudget;
        long before = frontLabels;
        double[] multipliers = hull.multipliers();
        GapBounds[] cache = new GapBounds[graphs.size()];
        List<Found> found = List.of(best);
        double within = b;
        for (int round = 0; round < LIST_ROUNDS && found.size() < count; round++, step *= 4) {
            within = b + step;
            List<Found> all = new ArrayList<>();
            Set<Plan> seen = new HashSet<>();
            for (int i = 0; i < graphs.size(); i++) {
                if (hull.graphBound(i) > within + 1e-9 * Math.abs(within)) {
                    continue; // no plan of this graph meets the floor within the bound
                }
                ExitFront front = front(i, within, within, multipliers, cache, token, count);
                front.labelBudget(budget - (frontLabels - before)); // one budget for every round
                try {
                    for (Found f : front.solveAll(token)) {
                        if (seen.add(f.plan())) {
                            all.add(f); // a plan without exits comes from every threshold's graph
                        }
                    }
                } finally {
                    frontLabels += front.labels();
                }
            }
            all.sort(java.util.Comparator.comparingDouble(f -> cost ? f.cost() : f.latency()));
            found = all.subList(0, Math.min(count, all.size())); // the bounds only grow: every plan found before is here
        }
        return new Listed(found, within);
    }

    /**
     * Rounds of {@link #listAtFloor}, each bound four times as far above the best as the last (a
     * coarser step overshoots: at 0.5 on PORTEND's ResNet-110 the tenth plan lies 4.7 ms above the
     * best, and a bound of 70 ms outgrew the budget where one of 17 ms listed all ten); the last,
     * at least 1e8 s (or $) above, is beyond every plan, so a space holding fewer than count plans
     * is listed whole (unless the labels outgrow their budget first).
     */
    private static final int LIST_ROUNDS = 40;

    /** Graph i's front program within the upper bound, its bounds (for bounds up to most) built on first use. */
    private ExitFront front(int i, double upper, double most, double[] multipliers, GapBounds[] cache,
                            CancellationToken token) {
        return front(i, upper, most, multipliers, cache, token, 1);
    }

    private ExitFront front(int i, double upper, double most, double[] multipliers, GapBounds[] cache,
                            CancellationToken token, int plans) {
        ExitGraph g = graphs.get(i);
        boolean cost = request.objective() == Objective.COST;
        if (cache[i] == null || cache[i].most() < most) {
            ExitBounds[] passes;
            StateValues[] suffixes = new StateValues[multipliers.length];
            StateValues suffixAccuracy;
            passes = passes(i, multipliers, token);
            synchronized (solvedBy) { // the scalar programs are shared by the floors of a sweep
                for (int j = 0; j < multipliers.length; j++) {
                    suffixes[j] = scalars.get(i).stateValues(cost ? 0 : 1, cost ? 1 : 0, multipliers[j]);
                }
                suffixAccuracy = scalars.get(i).stateValues(0, 0, 1);
            }
            ExitBounds[] lagrangian = Arrays.copyOf(passes, multipliers.length);
            ExitBounds accuracy = passes[multipliers.length];
            cache[i] = new GapBounds(lagrangian, accuracy, new ThroughBounds(g, request.constraints().accuracyFloor(), most,
                    multipliers, lagrangian, suffixes, accuracy, suffixAccuracy), most);
        }
        GapBounds b = cache[i];
        ExitFront front = new ExitFront(g, request.constraints().accuracyFloor(), upper, multipliers, b.lagrangian(),
                b.accuracy(), b.through(), plans);
        front.labelBudget(labelBudget);
        return front;
    }

    /** Graph i's forward bounds per multiplier, then one of the most accuracy ({@link BoundPasses}). */
    private ExitBounds[] passes(int i, double[] multipliers, CancellationToken token) {
        List<List<Double>> weights = new ArrayList<>();
        for (double lambda : multipliers) {
            weights.add(objectiveWeights(lambda));
        }
        weights.add(List.of(0.0, 0.0, 1.0));
        return passes.get(i).made(weights, token);
    }

    /** The weights of objective - lambda x accuracy. */
    private List<Double> objectiveWeights(double lambda) {
        boolean cost = request.objective() == Objective.COST;
        return List.of(cost ? 0.0 : 1.0, cost ? 1.0 : 0.0, lambda);
    }

    /**
     * Starts the forward bound passes that a gap at the floor will need for this multiplier (NaN:
     * the pass of the most accuracy) on the other cores while the hull walks on: the graphs with
     * nested curves and free exits, whose labels they prune.
     */
    void prepare(double lambda, CancellationToken token) {
        List<Double> w = Double.isNaN(lambda) ? List.of(0.0, 0.0, 1.0) : objectiveWeights(lambda);
        for (int i = 0; i < graphs.size(); i++) {
            if (graphs.get(i).nested && !graphs.get(i).stageEnds) {
                passes.get(i).start(w, token);
            }
        }
    }

    /** The best plan meeting the floor with objective at most the guess, or null. */
    private Found closeGapBelow(FloorHull hull, double guess, GapBounds[] cache, CancellationToken token,
                                Progress progress) {
        double[] multipliers = hull.multipliers();
        double floor = request.constraints().accuracyFloor();
        boolean cost = request.objective() == Objective.COST;
        Found best = null;
        double bestValue = guess;
        for (int i = 0; i < graphs.size(); i++) {
            ExitGraph g = graphs.get(i);
            progress.update(i, graphs.size());
            if (hull.graphBound(i) > bestValue + 1e-9 * Math.abs(bestValue)) {
                continue; // no plan of this graph meets the floor within the guess
            }
            Found f;
            if (g.stageEnds) {
                synchronized (solvedBy) { // its bounds may solve the shared scalar program
                    f = new ExitStageSearch(g, scalars.get(i), floor, bestValue, multipliers, labelBudget, token).search();
                }
            } else if (g.nested) {
                ExitFront front = front(i, bestValue, hull.feasible.objective(), multipliers, cache, token);
                try {
                    f = front.solve(token);
                } finally {
                    frontLabels += front.labels();
                }
            } else {
                ExitLabels labels = new ExitLabels(g, request.constraints(), 1);
                labels.labelBudget(labelBudget);
                List<Found> found = labels.solve(token, Progress.NONE);
                f = found.isEmpty() ? null : found.get(0);
            }
            if (f != null && (best == null || (cost ? f.cost() : f.latency()) < bestValue)) {
                best = f;
                bestValue = Math.min(bestValue, cost ? f.cost() : f.latency());
            }
        }
        progress.update(graphs.size(), graphs.size());
        return best;
    }
}
