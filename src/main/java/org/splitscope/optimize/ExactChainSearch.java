package org.splitscope.optimize;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * The best plans of a tier chain (PORTEND's joint problem: cuts, placement, exits, thresholds,
 * partial models) for mean latency, cost or accuracy, exactly and fast.
 *
 * <p>With the exit configuration fixed, every unit is reached by a fixed share of requests (read
 * from the evaluator's outcome shares), so mean latency and cost are sums over stages and cuts
 * of P(reach) x seconds or USD, and a dynamic program over (unit, node, placement state) finds
 * the best cuts and placement ({@link ChainDp}). Configurations are enumerated outside the
 * program ({@link ConfigurationEnumeration}), those below the accuracy floor first dropped; with
 * sample statistics, spaces too large to enumerate go to a branch and bound over configurations
 * ({@link SampleExitSearch}).
 *
 * <p>Exactness under constraints: the program's key (objective, then the other of latency and
 * cost; accuracy is fixed by the configuration; the stage count by the placement state) is the
 * rank key of section 5 for every plan, whether or not it meets the constraints. The search
 * visits configurations by their best key, and within a configuration enumerates its plans in
 * key order ({@link PlanEnumerator}), re-evaluates each with the evaluator and keeps those that
 * meet every constraint; it stops when the next key is no better than the N-th plan kept. Only
 * necessary conditions prune on the way (stage memory, least latency and least cost against the
 * SLO and budget), so no plan that meets the constraints and ranks in the top N is skipped.
 * When only the best plan is asked for and the DNNSplit conditions hold ({@link DnnSplitRule}),
 * the configuration without exits only cuts at {@link DnnSplitCandidates}. Every returned plan
 * carries the evaluator's metrics; if the program's sums ever disagree with them, the result is
 * labelled not exact. P95 latency and throughput are not sums; for them the search runs
 * {@link ExhaustiveSearch} and says so, except throughput of a model without exits on distinct
 * nodes, which {@link PipelinePlacement} answers.
 *
 * <p>Mean latency under load ({@link Objective#LOADED_LATENCY}) adds to each plan the expected
 * M/D/1 waits, which sum over resources r to {@code f_r(B_r) = lambda B_r^2 / (2 c_r (1 - lambda
 * B_r / c_r))} for busy time B_r per request and concurrency c_r. B_r sums every stage, transfer
 * and result trip that uses r, so the wait depends on the total load: it splits stage by stage
 * only where no node or link carries two of them (distinct placement, the source idle, every
 * link on one route), which least-time routes, results from several exits and shared nodes all
 * break. Rather than a program exact only there, the search ranks by a bound that holds for
 * every plan: f_r is convex and 0 at 0, hence superadditive, so the sum of f over each stage's
 * and each transfer's own busy time (as if it were alone on its node or link) is at most the
 * true waits ({@link ConfigCosts#boundWaits}); the program adds those terms to the latency.
 * Configurations and their plans come out in order of that bound, each plan is scored by the
 * evaluator (its loaded mean; saturated plans are infeasible), and the search stops when the
 * next bound is no better than the N-th plan kept, so the result is exact, and the bound equals
 * the loaded mean wherever nothing is shared. A piece that alone saturates its node or link
 * rules the plan out in the program. Without an arrival rate the search is the one for mean
 * latency.
 *
 * <p>Running time: O(C (S E + N P)) for C exit configurations, S samples, E exits, N units and
 * P (node, state, predecessor) triples, plus O(N^2 V S) per configuration for nodes with
 * measured ranges or serverless billing, plus the enumeration of the plans it re-evaluates.
 * The programs of the configurations run in parallel ({@link ConfigurationEnumeration}).
 */
public final class ExactChainSearch {
    public static final String METHOD = "exact chain dynamic program";
    public static final String EXIT_METHOD = "exact exit dynamic program";

    private final SearchRequest request;
    private final boolean dnnSplitPruning;
    private final ExitPrograms programs;

    /** Where the exit program for a request comes from (shared between floors by {@link FloorSweepSearch}). */
    interface ExitPrograms {
        ExitDp program(SearchRequest request, ChainCosts costs, StageRules rules);
    }

    /** @throws InvalidSearchException listing every problem of the request */
    public ExactChainSearch(SearchRequest request) {
        this(request, true);
    }

    /** @param dnnSplitPruning whether to cut only at DNNSplit candidates where that provably suffices */
    public ExactChainSearch(SearchRequest request, boolean dnnSplitPruning) {
        this(request, dnnSplitPruning, (r, costs, rules) -> new ExitDp(r, costs, rules, 1));
    }

    ExactChainSearch(SearchRequest request, boolean dnnSplitPruning, ExitPrograms programs) {
        var problems = request.validate();
        if (!problems.isEmpty()) {
            throw new InvalidSearchException(problems);
        }
        this.request = request;
        this.dnnSplitPruning = dnnSplitPruning;
        this.programs = programs;
    }

    /**
     * The best {@code count} plans, best first.
     *
     * @throws InfeasibleConstraintsException when no plan meets the constraints, saying which
     * @throws SearchStopped when the token is cancelled: with the best plans found so far and, where the
     *         search has one, the bound that gives their gap (enumeration, the accuracy floor's hull)
     * @throws java.util.concurrent.CancellationException when cancelled where it has nothing to give
     */
    public List<RankedPlan> top(int count, Progress progress, CancellationToken token) {
        Objective o = request.objective();
        if (o == Objective.LOADED_LATENCY && !(request.workload().arrivalRatePerSecond() > 0)) {
            return new ExactChainSearch(request.withObjective(Objective.MEAN_LATENCY), dnnSplitPruning)
                    .top(count, progress, token).stream().map(p -> new RankedPlan(p.rank(), p.plan(), p.metrics(),
                            o.value(p.metrics()), withNote(p.provenance(), "no arrival rate: nothing waits, so the mean"
                                    + " latency under load is the mean latency"))).toList();
        }
        if (o == Objective.THROUGHPUT && pipelineAnswers(request)) {
            List<RankedPlan> pipelined;
            try {
                pipelined = new PipelinePlacement(request, PipelineObjective.BOTTLENECK).top(count, progress, token);
            } catch (SearchStopped e) {
                throw e.withBest(e.best().stream().map(p -> new RankedPlan(p.rank(), p.plan(), p.metrics(),
                        o.value(p.metrics()), p.provenance())).toList());
            }
            if (pipelined.get(0).provenance().exact()) {
                return pipelined.stream().map(p -> new RankedPlan(p.rank(), p.plan(), p.metrics(), o.value(p.metrics()),
                        withNote(p.provenance(), "throughput = 1 / bottleneck; plans with equal throughput are not"
                                + " ordered by the later rank keys"))).toList();
            }
        }
        if (o == Objective.P95_LATENCY || o == Objective.THROUGHPUT) {
            String note = "no exact dynamic program for " + o.label() + "; every plan of the space was scored";
            return new ExhaustiveSearch(request).top(count, progress, token).stream()
                    .map(p -> new RankedPlan(p.rank(), p.plan(), p.metrics(), p.objectiveValue(),
                            new Provenance(ExhaustiveSearch.METHOD, true, p.provenance().plansEvaluated(), List.of(note))))
                    .toList();
        }
        if (exitProgramAnswers(request)) {
            List<RankedPlan> found = count == 1 ? exitProgram(request, 1, programs.program(request, costsOf(request),
                    rulesOf(request)), progress, token) : exitProgram(request, count, progress, token);
            if (found.isEmpty()) {
                throw Infeasibility.explain(request, r -> exitProgramAnswers(r) ? exitProgram(r, 1, Progress.NONE, token)
                        : new ConfigurationEnumeration(r, 1, Progress.NONE, token, dnnSplitPruning).search());
            }
            return found;
        }
        if (SampleExitSearch.answers(request)) {
            List<RankedPlan> found = SampleExitSearch.top(request, count, progress, token, dnnSplitPruning);
            if (found.isEmpty()) {
                throw Infeasibility.explain(request, r -> SampleExitSearch.answers(r)
                        ? SampleExitSearch.top(r, 1, Progress.NONE, token, dnnSplitPruning)
                        : new ConfigurationEnumeration(r, 1, Progress.NONE, token, dnnSplitPruning).search());
            }
            return found;
        }
        List<RankedPlan> found = new ConfigurationEnumeration(request, count, progress, token, dnnSplitPruning).search();
        if (found.isEmpty()) {
            throw Infeasibility.explain(request, r -> new ConfigurationEnumeration(r, 1, Progress.NONE, token, dnnSplitPruning).search());
        }
        return found;
    }

    /** Curve statistics with exits: the exit program ({@link ExitDp}) instead of enumerating configurations. */
    static boolean exitProgramAnswers(SearchRequest r) {
        ModelProfile p = r.evaluator().profile();
        return p.exitStats() instanceof CurveStats && !p.exits().isEmpty() && ExitDp.whyNot(r) == null;
    }

    /** One best plan of mean latency, cost or accuracy without limits: one value per state suffices (ties aside). */
    private static boolean scalar(SearchRequest r, int count, ExitDp dp) {
        Constraints c = r.constraints();
        return count == 1 && (r.objective() == Objective.MEAN_LATENCY || r.objective() == Objective.COST
                || r.objective() == Objective.ACCURACY)
                && c.accuracyFloor() == null && c.latencySloSeconds() == null && c.budgetUsdPerRequest() == null
                && dp.scalarFits();
    }

    /** Labels kept at most while closing a Lagrangian gap (a few GB of the heap at most). */
    static final long LABEL_BUDGET = 5_000_000;
    /** Labels a list of several plans may keep where one best plan has a program of its own (tests lower it). */
    static long listBudget = LABEL_BUDGET;
    /** Front labels the list after the best plan at a floor may keep: about a second's work, where five times as many plain labels take as long. */
    static final long FLOOR_LIST_LABELS = 1_000_000;

    /** One best plan of mean latency or cost at an accuracy floor and no other limit: the Lagrangian first. */
    private static boolean floorOnly(SearchRequest r, int count, ExitDp dp) {
        Constraints c = r.constraints();
        return count == 1 && (r.objective() == Objective.MEAN_LATENCY || r.objective() == Objective.COST)
                && c.accuracyFloor() != null && c.latencySloSeconds() == null && c.budgetUsdPerRequest() == null
                && dp.scalarFits();
    }

    /**
     * The count best plans at the floor after the best one: {@link ExitDp#listAtFloor}, or the
     * best alone where its labels outgrow the list's budget.
     */
    private static List<ExitDp.Found> listed(SearchRequest request, int count, ExitDp dp, FloorHull hull, ExitDp.Found best,
                                             List<String> notes, CancellationToken token) {
        long budget = Math.min(listBudget, FLOOR_LIST_LABELS);
        dp.labelBudget(budget);
        try {
            ExitDp.Listed listed = dp.listAtFloor(hull, best, count, token);
            boolean cost = request.objective() == Objective.COST;
            double b = cost ? best.cost() : best.latency();
            String within = cost ? String.format(java.util.Locale.ROOT, "$%.4g per million requests", 1e6 * (listed.within() - b))
                    : String.format(java.util.Locale.ROOT, "%.3g ms", 1e3 * (listed.within() - b));
            notes.add("the next plans: the same fronts keeping what fewer than " + count + " others cover, under a bound "
                    + within + " above the best" + (listed.plans().size() < count ? " (" + listed.plans().size()
                    + " plans meet the floor within it, so only they are listed)" : ""));
            return listed.plans();
        } catch (CancellationException e) {
            throw stoppedAtHull(request, hull, dp, notes);
        } catch (ExitDp.OverBudget e) {
            notes.add("only the best plan is listed: the fronts keeping what fewer than " + count + " others cover outgrew "
                    + String.format(java.util.Locale.ROOT, "%,d", budget) + " labels");
            return List.of(best);
        }
    }

    private static String gap(FloorHull hull) {
        return gap(hull.feasible.objective(), hull.lowerBound);
    }

    private static String gap(double ub, double lb) {
        return String.format(java.util.Locale.ROOT, "%.3g%%", ub == 0 ? 0 : 100 * (ub - lb) / Math.abs(ub));
    }

    private static List<ExitDp.Found> found(ExitDp.Found f) {
        return f == null ? List.of() : List.of(f);
    }

    private static boolean enumerable(SearchRequest r) {
        return ExitConfigurations.count(r.evaluator().profile(), r.space()).compareTo(BigInteger.valueOf(ExitConfigurations.LIMIT)) <= 0;
    }

    /**
     * The exit program's plans, each re-evaluated by the evaluator (the one source of truth) and
     * ranked on its figures; exact unless the program's figures disagree with the evaluator's or
     * a plan breaks memory once its heads or shared nodes count.
     */
    static List<RankedPlan> exitProgram(SearchRequest request, int count, Progress progress, CancellationToken token) {
        return exitProgram(request, count, new ExitDp(request, costsOf(request), rulesOf(request), count), progress, token);
    }

    private static ChainCosts costsOf(SearchRequest r) {
        return new ChainCosts(r.evaluator().profile(), r.evaluator().topology());
    }

    private static StageRules rulesOf(SearchRequest r) {
        return new StageRules(r.evaluator().profile(), r.evaluator().topology(), r.space());
    }

    private static List<RankedPlan> exitProgram(SearchRequest request, int count, ExitDp dp, Progress progress,
                                                CancellationToken token) {
        Evaluator evaluator = request.evaluator();
        ModelProfile profile = evaluator.profile();
        long clipping = dp.clippingPairs();
        List<String> notes = new ArrayList<>();
        boolean nested = ((CurveStats) profile.exitStats()).combination() == CurveCombination.NESTED;
        notes.add((nested ? "nested" : "independent") + " curves: exits, thresholds, partial models, cuts and placement"
                + " chosen by one dynamic program (no enumeration of exit configurations); constraints by exact Pareto"
                + " labels over latency, cost and accuracy");
        if (request.space().sharedThreshold()) {
            notes.add("one threshold shared by every enabled exit: one state graph per threshold of the grid");
        }
        boolean exact = true;
        if (clipping > 0) {
            notes.add("nested curves: " + String.format(java.util.Locale.ROOT, "%,d", clipping) + " pairs of (exit, threshold) let a later exit pass fewer samples than"
                    + " an earlier one, which the nesting rules out (such a plan's figures would count some samples twice); plans"
                    + " enabling such a pair are outside the space, the optimum is over the plans consistent with it");
        }
        List<ExitDp.Found> found;
        if (floorOnly(request, 1, dp) && (count == 1 || dp.listsAtFloor())) {
            FloorHull hull = FloorHull.walk(request, dp, token);
            if (hull.stopped) {
                if (hull.feasible == null) {
                    throw new CancellationException("the search was cancelled before any plan met the floor");
                }
                notes.add("accuracy floor: stopped on the Lagrangian hull after " + hull.solves + " scalar programs");
                throw stoppedAtHull(request, hull, dp, notes);
            }
            if (hull.disagreements > 0) {
                exact = false;
                notes.add("the scalar program disagreed with the evaluator on " + hull.disagreements + " hull point(s)");
            }
            if (hull.feasible == null || hull.closed()) {
                found = hull.feasible == null ? List.of() : List.of(hull.feasible.found());
                notes.add("accuracy floor by Lagrangian bound (" + hull.solves + " scalar programs): the lower bound meets the"
                        + " best feasible plan, so it is optimal");
            } else {
                dp.labelBudget(LABEL_BUDGET);
                try {
                    found = dp.closeGap(hull, token, progress);
                    notes.add("accuracy floor: the Lagrangian bound left a gap of " + gap(hull) + "; exact Pareto labels"
                            + " (with stage-end exits, a branch and bound over stages), pruned by Lagrangian bounds under"
                            + " guessed upper bounds raised until one held a plan, closed it");
                } catch (CancellationException e) {
                    throw stoppedAtHull(request, hull, dp, notes);
                } catch (ExitDp.OverBudget e) {
                    found = List.of(dp.gapBest() != null ? dp.gapBest() : hull.feasible.found());
                    exact = false;
                    double ub = request.objective() == Objective.COST ? found.get(0).cost() : found.get(0).latency();
                    notes.add("accuracy floor: stopped after " + LABEL_BUDGET + " labels; the plan is within "
                            + gap(ub, dp.provenLowerBound()) + " of the optimum (lower bound " + dp.provenLowerBound() + ")");
                }
            }
            if (count > 1 && exact && !found.isEmpty()) {
                found = listed(request, count, dp, hull, found.get(0), notes, token);
            }
        } else {
            if (scalar(request, count, dp)) {
                Objective o = request.objective();
                found = found(dp.solveScalar(o == Objective.MEAN_LATENCY ? 1 : 0, o == Objective.COST ? 1 : 0,
                        o == Objective.ACCURACY ? 1 : 0, token, progress));
                if (o == Objective.ACCURACY) {
                    notes.add("plans equally accurate are not ordered by latency here (one value per state)");
                }
            } else {
                // where one best plan has a program of its own, the list is tried within less memory
                boolean bestAlone = count > 1 && (scalar(request, 1, dp) || floorOnly(request, 1, dp));
                long budget = bestAlone ? listBudget : 4 * LABEL_BUDGET;
                dp.labelBudget(budget);
                try {
                    found = dp.solve(token, progress);
                } catch (ExitDp.OverBudget e) {
                    if (bestAlone) {
                        notes.add("only the best plan is listed: keeping " + count + " plans per state outgrew "
                                + String.format(java.util.Locale.ROOT, "%,d", budget) + " labels");
                        return exitProgram(request, 1, dp.withCount(1), progress, token)
                                .stream().map(p -> new RankedPlan(p.rank(), p.plan(), p.metrics(), p.objectiveValue(),
                                        withNotes(p.provenance(), notes))).toList();
                    }
                    throw new InvalidSearchException(List.of(new org.splitscope.model.Problem("space", "the exact labels"
                            + " for these limits outgrew " + String.format(java.util.Locale.ROOT, "%,d", budget) + " labels; narrow the space (--max-stages,"
                            + " --shared-threshold, --exit-rule stage-ends, fewer thresholds) or drop a limit")));
                }
            }
        }
        TopPlans top = new TopPlans(count);
        long disagreements = 0;
        long broken = 0;
        for (ExitDp.Found f : found) {
            Metrics m = evaluator.evaluate(f.plan(), request.workload());
            if (!Double.isNaN(f.scalar()) ? !Tolerance.equal(f.scalar(), switch (request.objective()) {
                        case COST -> m.costUsdPerRequest();
                        case ACCURACY -> m.accuracy() == null ? Double.NaN : -m.accuracy();
                        default -> m.meanLatency();
                    })
                    : !Tolerance.equal(f.latency(), m.meanLatency()) || !Tolerance.equal(f.cost(), m.costUsdPerRequest())
                    || m.accuracy() == null || !Tolerance.equal(f.accuracy(), m.accuracy())) {
                disagreements++;
            }
            if (request.constraints().metBy(m)) {
                top.offer(Ranking.key(request.objective(), m, f.plan().stages().size()), f.plan(), m);
            } else {
                broken++;
            }
        }
        if (disagreements > 0) {
            exact = false;
            notes.add("the program's sums disagreed with the evaluator on " + disagreements + " plan(s)");
        }
        if (broken > 0) {
            exact = false;
            notes.add(broken + " plan(s) the program chose broke memory once heads and stages sharing a node count"
                    + " (the program checks each stage's units only); better feasible plans may exist");
        }
        if (broken > 0 && enumerable(request)) {
            return new ConfigurationEnumeration(request, count, progress, token, true).search();
        }
        return top.ranked(request.objective(), new Provenance(EXIT_METHOD, exact, found.size(), notes));
    }

    /**
     * Stopped while closing the Lagrangian gap: the best feasible plan found (the hull's, or one
     * the guesses found below it), within the lower bound proven so far.
     */
    private static SearchStopped stoppedAtHull(SearchRequest request, FloorHull hull, ExitDp dp, List<String> notes) {
        Plan plan = (dp.gapBest() != null ? dp.gapBest() : hull.feasible.found()).plan();
        Metrics m = request.evaluator().evaluate(plan, request.workload());
        TopPlans top = new TopPlans(1);
        if (request.constraints().metBy(m)) {
            top.offer(Ranking.key(request.objective(), m, plan.stages().size()), plan, m);
        }
        return SearchStopped.of(top.ranked(request.objective(), new Provenance(EXIT_METHOD, false, 1, notes)),
                top.incumbent(), Double.isNaN(dp.provenLowerBound()) ? hull.lowerBound : Math.max(hull.lowerBound,
                        dp.provenLowerBound()), EXIT_METHOD, 1, notes);
    }

    /**
     * Throughput without exits on distinct nodes is SEIFER's bottleneck problem, which
     * {@link PipelinePlacement} answers exactly (when its branch and bound finishes) and far faster
     * than scoring every plan.
     */
    private static boolean pipelineAnswers(SearchRequest r) {
        return r.evaluator().profile().exits().isEmpty() && r.space().placement() == Placement.DISTINCT
                && r.constraints().latencySloSeconds() == null && r.constraints().budgetUsdPerRequest() == null;
    }

    private static Provenance withNotes(Provenance p, List<String> more) {
        List<String> notes = new ArrayList<>(p.notes());
        more.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new Provenance(p.method(), p.exact(), p.plansEvaluated(), notes);
    }

    private static Provenance withNote(Provenance p, String note) {
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(note);
        return new Provenance(p.method(), p.exact(), p.plansEvaluated(), notes);
    }
}
