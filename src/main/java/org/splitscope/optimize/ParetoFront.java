package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * The Pareto front of (mean latency, accuracy, cost) over a search space: every plan that meets
 * the constraints and that no other such plan matches or beats on all three while beating it on
 * one (ties keep the plan with fewer stages). The request's objective plays no part, except that
 * a request for the mean latency under load is refused: the front's latency is the one without load.
 *
 * <p>Per exit configuration (which fixes accuracy) a label-setting program finds the Pareto set
 * of (latency, cost) ({@link ParetoDp}); the configurations' sets are merged in three
 * dimensions. Configurations are visited from the most accurate down, and a prefix is dropped
 * as soon as a point already found (so at least as accurate) is no worse than its fastest and
 * cheapest possible completion: such a prefix cannot lead to a front point. The accuracy floor, the budget and, without an arrival rate, the latency SLO only
 * remove points (a plan that dominates a feasible plan meets them too). Memory shared by stages
 * of one node and every effect of load do not follow the three figures; the front is exact when
 * every point meets them, which is checked with the evaluator, and otherwise every plan of the
 * space is scored instead, as the provenance then says.
 *
 * <p>Running time: C configurations x {@link ParetoDp} (pruned), plus O(F^2) for F candidate
 * points. At PORTEND's size (16,105 configurations, 55 units, 3 tiers) about 10 s for about
 * 8,000 front points; the second phase is sequential because the pruning depends on order.
 */
public final class ParetoFront {
    public static final String METHOD = "exact Pareto dynamic program";

    private final SearchRequest request;

    /** @throws InvalidSearchException listing every problem of the request */
    public ParetoFront(SearchRequest request) {
        var problems = new ArrayList<>(request.validate());
        if (request.space().exitRule() == ExitRule.STAGE_ENDS) {
            problems.add(new org.splitscope.model.Problem("space.exitRule",
                    "the Pareto front searches the free exit space only; drop --exit-rule stage-ends"));
        }
        if (request.objective() == Objective.LOADED_LATENCY) {
            problems.add(new org.splitscope.model.Problem("objective", "the Pareto front is of the mean latency without"
                    + " load; it has no front of the mean latency under load"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSearchException(problems);
        }
        this.request = request;
    }

    /** A candidate point: a plan's figures as the program sums them, or as the evaluator reports them. */
    private record Point(double lat, double cost, double acc, int stages, Plan plan, Metrics metrics) {
    }

    /**
     * The front, by increasing mean latency.
     *
     * @throws InfeasibleConstraintsException when no plan meets the constraints, saying which
     * @throws FrontStopped when the token is cancelled between configurations: with the part of the front proven by then
     * @throws java.util.concurrent.CancellationException when cancelled where it has no part to give
     */
    public List<ParetoPoint> points(Progress progress, CancellationToken token) {
        Evaluator evaluator = request.evaluator();
        ModelProfile profile = evaluator.profile();
        StageRules rules = new StageRules(profile, evaluator.topology(), request.space());
        ChainCosts chain = new ChainCosts(profile, evaluator.topology());
        OutcomeShares shares = new OutcomeShares(profile);
        List<ExitConfiguration> all = ExitConfigurations.all(profile, request.space());
        Double floor = request.constraints().accuracyFloor();
        List<Shares> byAccuracy = all.parallelStream().map(cfg -> {
            token.throwIfCancelled();
            Metrics m = shares.of(cfg);
            boolean below = floor != null && (m.accuracy() == null || Tolerance.less(m.accuracy(), floor));
            return below ? null : new Shares(cfg, OutcomeShares.probabilities(m), m.accuracy() == null ? 0 : m.accuracy());
        }).filter(Objects::nonNull).sorted(Comparator.comparingDouble(Shares::acc).reversed()).toList();
        ConfigCosts costs = new ConfigCosts(chain);
        ParetoDp dp = new ParetoDp(rules);
        Staircase found = new Staircase();
        List<Point> candidates = new ArrayList<>();
        for (int i = 0; i < byAccuracy.size(); i++) {
            if (token.isCancelled()) {
                throw stopped(candidates, byAccuracy.get(i).acc(), evaluator);
            }
            candidates.addAll(configuration(byAccuracy.get(i), rules, costs, dp, found));
            progress.update(i + 1, byAccuracy.size());
        }
        long evaluated = 0;
        long disagreements = 0;
        List<Point> front = new ArrayList<>();
        // every configuration is searched: the evaluations left finish the proof, and a stop now would throw it away
        for (Point p : nondominated(candidates)) {
            Metrics m = evaluator.evaluate(p.plan(), request.workload());
            evaluated++;
            if (!Tolerance.equal(p.lat(), m.meanLatency()) || !Tolerance.equal(p.cost(), m.costUsdPerRequest())) {
                disagreements++;
            }
            if (!request.constraints().metBy(m)) {
                return exhaustive(token);
            }
            front.add(new Point(m.meanLatency(), m.costUsdPerRequest(), p.acc(), p.stages(), p.plan(), m));
        }
        if (front.isEmpty()) {
            throw infeasible(token);
        }
        List<String> notes = disagreements == 0 ? List.of()
                : List.of("the program's sums disagreed with the evaluator on " + disagreements + " plan(s)");
        return points(front, new Provenance(METHOD, disagreements == 0, evaluated, notes));
    }

    /**
     * The front above the accuracy of the first configuration not searched: final, as only a plan
     * at least as accurate can dominate one. A point that breaks a constraint the three figures do
     * not follow would send the whole search to scoring every plan, so then no part stands.
     */
    private java.util.concurrent.CancellationException stopped(List<Point> candidates, double notSearched,
                                                               Evaluator evaluator) {
        List<Point> above = candidates.stream().filter(p -> Tolerance.less(notSearched, p.acc())).toList();
        List<Point> front = new ArrayList<>();
        for (Point p : nondominated(above)) {
            Metrics m = evaluator.evaluate(p.plan(), request.workload());
            if (!request.constraints().metBy(m)) {
                return new java.util.concurrent.CancellationException("the search was cancelled");
            }
            front.add(new Point(m.meanLatency(), m.costUsdPerRequest(), p.acc(), p.stages(), p.plan(), m));
        }
        String note = "stopped before the search finished: the front of the plans more accurate than "
                + String.format(java.util.Locale.ROOT, "%.4g%%", 100 * notSearched) + ", complete there";
        return new FrontStopped(points(front, new Provenance(METHOD, false, front.size(), List.of(note))), notSearched);
    }

    /** An exit configuration above the accuracy floor with its outcome shares. */
    private record Shares(ExitConfiguration cfg, double[] probability, double acc) {
    }

    /**
     * The Pareto labels of one configuration that pass the budget and (without load) the SLO;
     * prefixes are dropped when even their cheapest and fastest completion is matched by a point
     * of a configuration at least as accurate, found before.
     */
    private List<Point> configuration(Shares sh, StageRules rules, ConfigCosts costs, ParetoDp dp, Staircase found) {
        Constraints c = request.constraints();
        costs.reset(sh.cfg(), sh.probability(), rules, c.memoryMustFit());
        double[][] tail = tails(costs);
        boolean unloaded = request.workload().arrivalRatePerSecond() == 0;
        List<Point> out = new ArrayList<>();
        List<List<ParetoDp.Label>> finals = dp.solve(costs, (lat, cost, b) -> found.beats(lat + tail[0][b], cost + tail[1][b]));
        for (int i = 0; i < finals.size(); i++) {
            int stages = rules.stages(i / rules.nodeCount);
            for (ParetoDp.Label l : finals.get(i)) {
                boolean overBudget = c.budgetUsdPerRequest() != null && Tolerance.less(c.budgetUsdPerRequest(), l.cost());
                boolean tooSlow = unloaded && c.latencySloSeconds() != null && Tolerance.less(c.latencySloSeconds(), l.lat());
                if (!overBudget && !tooSlow) {
                    out.add(new Point(l.lat(), l.cost(), sh.acc(), stages, plan(sh.cfg(), l), null));
                }
            }
        }
        out.forEach(p -> found.add(p.lat(), p.cost()));
        return out;
    }

    /**
     * Lower bounds on the latency [0] and cost [1] still to come after each unit: every later unit
     * and head on its fastest (cheapest) node, every later result from the best placed node,
     * transfers free. A measured range may beat the unit sum, so with ranges the bounds are 0.
     */
    private static double[][] tails(ConfigCosts costs) {
        ChainCosts cc = costs.cc;
        double[][] tail = new double[2][costs.last + 1];
        for (int n = 0; n < cc.nodeCount; n++) {
            if (cc.hasRanges(n)) {
                return tail;
            }
        }
        for (int u = costs.last; u >= 1; u--) {
            double lat = Double.POSITIVE_INFINITY;
            double cost = Double.POSITIVE_INFINITY;
            double resultLat = Double.POSITIVE_INFINITY;
            double resultCost = Double.POSITIVE_INFINITY;
            for (int n = 0; n < cc.nodeCount; n++) {
                double t = cc.unitSeconds[n][u] + (costs.headRuns[u] >= 0 ? cc.headSeconds[n][costs.headRuns[u]] : 0);
                lat = Math.min(lat, t);
                cost = Math.min(cost, cc.usdPerBusySecond[n] * t);
                resultLat = Math.min(resultLat, cc.resultSeconds[n]);
                resultCost = Math.min(resultCost, cc.resultUsd[n]);
            }
            tail[0][u - 1] = tail[0][u] + costs.reach[u] * lat + costs.probAt[u] * resultLat;
            tail[1][u - 1] = tail[1][u] + costs.reach[u] * cost + costs.probAt[u] * resultCost;
        }
        return tail;
    }

    private Plan plan(ExitConfiguration cfg, ParetoDp.Label label) {
        List<Stage> stages = new ArrayList<>();
        for (ParetoDp.Label l = label; l != null; l = l.previous()) {
            stages.add(0, new Stage(l.first(), l.last(), request.evaluator().topology().nodes().get(l.node()).id()));
        }
        return cfg.plan(request.evaluator().profile(), stages);
    }

    /** Every plan scored: the reference when a constraint does not follow the three figures. */
    private List<ParetoPoint> exhaustive(CancellationToken token) {
        if (SaturationBound.everyPlanSaturates(request) != null) {
            throw infeasible(token);
        }
        AllPlans all = new AllPlans(request);
        List<Point> feasible = new ArrayList<>();
        long[] evaluated = {0};
        for (int i = 0; i < all.configurations(); i++) {
            all.visit(i, plan -> {
                token.throwIfCancelled();
                Metrics m = request.evaluator().evaluate(plan, request.workload());
                evaluated[0]++;
                if (request.constraints().metBy(m)) {
                    feasible.add(new Point(m.meanLatency(), m.costUsdPerRequest(), m.accuracy() == null ? 0 : m.accuracy(),
                            plan.stages().size(), plan, m));
                }
            });
        }
        if (feasible.isEmpty()) {
            throw infeasible(token);
        }
        return points(nondominated(feasible), new Provenance(ExhaustiveSearch.METHOD, true, evaluated[0],
                List.of("a Pareto plan broke a constraint that does not follow latency, cost and accuracy"
                        + " (memory shared by stages, or load); every plan was scored")));
    }

    /** Why no plan meets the constraints, as the exact search explains it. */
    private IllegalStateException infeasible(CancellationToken token) {
        SearchStopped.plain(() -> new ExactChainSearch(request.withObjective(Objective.MEAN_LATENCY))
                .top(1, Progress.NONE, token));
        return new IllegalStateException("the exact search found a plan that meets the constraints, the front none");
    }

    /** The (latency, cost) points found so far that none of them beats, to test new prefixes against. */
    private static final class Staircase {
        private final TreeMap<Double, Double> costByLatency = new TreeMap<>();

        /** Whether a found point is no worse than (lat, cost) on both. */
        boolean beats(double lat, double cost) {
            Map.Entry<Double, Double> e = costByLatency.floorEntry(lat);
            return e != null && e.getValue() <= cost;
        }

        void add(double lat, double cost) {
            if (beats(lat, cost)) {
                return;
            }
            var later = costByLatency.tailMap(lat, true).entrySet().iterator();
            while (later.hasNext() && later.next().getValue() >= cost) {
                later.remove();
            }
            costByLatency.put(lat, cost);
        }
    }

    /** The points no other point dominates; among equal points the one with fewer stages, then the first. */
    private static List<Point> nondominated(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::lat).thenComparingDouble(Point::cost)
                .thenComparingDouble(p -> -p.acc()).thenComparingInt(Point::stages));
        List<Point> front = new ArrayList<>();
        for (Point q : sorted) {
            if (front.stream().noneMatch(p -> atLeastAsGood(p, q))) {
                front.removeIf(p -> atLeastAsGood(q, p));
                front.add(q);
            }
        }
        return front;
    }

    /** p is no worse than q on latency, cost and accuracy, through {@link Tolerance}. */
    private static boolean atLeastAsGood(Point p, Point q) {
        return !Tolerance.less(q.lat(), p.lat()) && !Tolerance.less(q.cost(), p.cost()) && !Tolerance.less(p.acc(), q.acc());
    }

    private static List<ParetoPoint> points(List<Point> front, Provenance provenance) {
        return front.stream().sorted(Comparator.comparingDouble(Point::lat))
                .map(p -> new ParetoPoint(p.plan(), p.metrics(), provenance)).toList();
    }
}
