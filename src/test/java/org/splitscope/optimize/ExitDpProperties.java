package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Tolerance;

/** The exit dynamic program against exhaustive search on random small instances with curve statistics. */
class ExitDpProperties {
    private static final List<Objective> SUMS = List.of(Objective.MEAN_LATENCY, Objective.COST, Objective.ACCURACY);

    @Property(tries = 1500, maxDiscardRatio = 20)
    void findsTheSameTopPlansAsExhaustiveSearch(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, SUMS);
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0x5eed);
        CurveCombination mode = r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT;
        boolean ordered = mode == CurveCombination.INDEPENDENT || r.nextInt(3) > 0;
        SearchRequest request = withCurves(drawn, r, mode, ordered);
        Assume.that(ExactChainSearch.exitProgramAnswers(request));
        Statistics.label("mode").collect(mode, ordered ? "rates rise with depth" : "rates may fall");
        Statistics.label("constraints").collect(request.constraints().active().size());
        List<RankedPlan> expected = run(() -> new ExhaustiveSearch(request).top(3, Progress.NONE, CancellationToken.none()));
        List<RankedPlan> actual = run(() -> new ExactChainSearch(request).top(3, Progress.NONE, CancellationToken.none()));
        if (expected == null) {
            assertEquals(null, actual, "exhaustive search found no plan, the exit program did");
            return;
        }
        assertTrue(actual != null, "the exit program found no plan, exhaustive search found " + expected.get(0).plan());
        for (RankedPlan p : actual) {
            assertTrue(request.constraints().metBy(p.metrics()), "returned plan violates " + request.constraints().unmet(p.metrics()));
            assertTrue(p.metrics().warnings().stream().noneMatch(w -> w.contains("clipped")), p.metrics().warnings()::toString);
        }
        // rates that may fall: plans contradicting the nesting are outside both searches' space, the rest the same
        assertTrue(actual.get(0).provenance().exact() || !actual.get(0).provenance().method().equals(ExactChainSearch.EXIT_METHOD),
                String.join("; ", actual.get(0).provenance().notes()));
        // a plan that breaks memory once its heads count sends the search back to enumeration
        Statistics.label("method").collect(actual.get(0).provenance().method());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            double want = expected.get(i).objectiveValue();
            double got = actual.get(i).objectiveValue();
            assertTrue(Tolerance.equal(want, got), "rank " + (i + 1) + ": exhaustive " + want + " "
                    + expected.get(i).plan() + ", exit program " + got + " " + actual.get(i).plan());
        }
    }

    /** Without limits and for one plan the program keeps one value per state (primitive arrays): the same optimum. */
    @Property(tries = 1500, maxDiscardRatio = 20)
    void oneValuePerStateFindsTheOptimum(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, SUMS);
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0x5eed);
        CurveCombination mode = r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT;
        SearchRequest request = withCurves(drawn, r, mode, r.nextInt(3) > 0).withConstraints(new Constraints(null, null, null,
                drawn.constraints().memoryMustFit(), drawn.constraints().belowSaturation()));
        Assume.that(ExactChainSearch.exitProgramAnswers(request));
        List<RankedPlan> expected = run(() -> new ExhaustiveSearch(request).top(1, Progress.NONE, CancellationToken.none()));
        List<RankedPlan> actual = run(() -> new ExactChainSearch(request).top(1, Progress.NONE, CancellationToken.none()));
        Statistics.label("mode").collect(mode);
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        Statistics.label("method").collect(actual.get(0).provenance().method());
        assertTrue(actual.get(0).provenance().exact(), String.join("; ", actual.get(0).provenance().notes()));
        assertTrue(Tolerance.equal(expected.get(0).objectiveValue(), actual.get(0).objectiveValue()),
                "exhaustive " + expected.get(0).objectiveValue() + " " + expected.get(0).plan() + ", exit program "
                        + actual.get(0).objectiveValue() + " " + actual.get(0).plan());
    }

    /** One best plan at an accuracy floor: the Lagrangian hull, then labels where it leaves a gap; the same optimum. */
    @Property(tries = 1500, maxDiscardRatio = 20)
    void accuracyFloorFindsTheOptimum(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY, Objective.COST));
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0xf1002);
        CurveCombination mode = r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT;
        SearchRequest request = withCurves(drawn, r, mode, r.nextInt(3) > 0).withConstraints(new Constraints(0.3 + 0.6 * r.nextDouble(),
                null, null, drawn.constraints().memoryMustFit(), drawn.constraints().belowSaturation()));
        Assume.that(ExactChainSearch.exitProgramAnswers(request));
        List<RankedPlan> expected = run(() -> new ExhaustiveSearch(request).top(1, Progress.NONE, CancellationToken.none()));
        List<RankedPlan> actual = run(() -> new ExactChainSearch(request).top(1, Progress.NONE, CancellationToken.none()));
        Statistics.label("mode").collect(mode);
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        assertTrue(actual != null, "no plan found, exhaustive search found " + expected.get(0).plan());
        Statistics.label("how").collect(actual.get(0).provenance().notes().size() > 1
                ? actual.get(0).provenance().notes().get(1).substring(0, 40) : "-");
        assertTrue(actual.get(0).provenance().exact(), String.join("; ", actual.get(0).provenance().notes()));
        assertTrue(Tolerance.equal(expected.get(0).objectiveValue(), actual.get(0).objectiveValue()),
                "exhaustive " + expected.get(0).objectiveValue() + " " + expected.get(0).plan() + ", exit program "
                        + actual.get(0).objectiveValue() + " " + actual.get(0).plan());
    }

    /**
     * A list of plans at an accuracy floor: after the best one, the fronts that keep what fewer
     * than k others cover list the k best; their objectives are those of exhaustive search's k
     * best, in order (plans equal in the objective may differ).
     */
    @Property(tries = 1500, maxDiscardRatio = 100)
    void listAtTheFloorHoldsTheBestPlans(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY, Objective.COST));
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0x115701);
        SearchRequest request = withCurves(drawn, r, CurveCombination.NESTED, r.nextInt(3) > 0).withConstraints(new Constraints(
                0.3 + 0.6 * r.nextDouble(), null, null, drawn.constraints().memoryMustFit(), drawn.constraints().belowSaturation()));
        Assume.that(ExactChainSearch.exitProgramAnswers(request));
        int k = 2 + r.nextInt(4);
        List<RankedPlan> expected = run(() -> new ExhaustiveSearch(request).top(k, Progress.NONE, CancellationToken.none()));
        List<RankedPlan> actual = run(() -> new ExactChainSearch(request).top(k, Progress.NONE, CancellationToken.none()));
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        assertTrue(actual != null, "no plan found, exhaustive search found " + expected.get(0).plan());
        String notes = String.join("; ", actual.get(0).provenance().notes());
        Statistics.label("listed").collect(notes.contains("the next plans") ? "by fronts" : "other");
        assertTrue(actual.get(0).provenance().exact(), notes);
        assertEquals(expected.size(), actual.size(), notes);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(Tolerance.equal(expected.get(i).objectiveValue(), actual.get(i).objectiveValue()),
                    "plan " + (i + 1) + ": exhaustive " + expected.get(i).objectiveValue() + " " + expected.get(i).plan()
                            + ", exit program " + actual.get(i).objectiveValue() + " " + actual.get(i).plan() + "; " + notes);
        }
    }

    /**
     * {@link ExitFront} marks a state's fronts by shares of the previous exits on several threads
     * when the state is large: the same labels are kept (the union of every previous exit's front
     * does not depend on who marks it), so the same count and the same plan as marked on one.
     */
    @Property(tries = 3000, maxDiscardRatio = 100)
    void frontsMarkedInParallelKeepTheSameLabels(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY, Objective.COST));
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0x9a11e1);
        SearchRequest request = withCurves(drawn, r, CurveCombination.NESTED, r.nextInt(3) > 0).withConstraints(new Constraints(
                0.3 + 0.6 * r.nextDouble(), null, null, drawn.constraints().memoryMustFit(), drawn.constraints().belowSaturation()));
        Assume.that(ExactChainSearch.exitProgramAnswers(request));
        long[] kept = new long[2];
        List<List<Plan>> plans = new ArrayList<>();
        long before = ExitFront.parallelWork;
        try {
            for (int run = 0; run < 2; run++) {
                ExitFront.parallelWork = run == 0 ? Long.MAX_VALUE : 0;
                Evaluator e = request.evaluator();
                ChainCosts costs = new ChainCosts(e.profile(), e.topology());
                ExitDp dp = new ExitDp(request, costs, new StageRules(e.profile(), e.topology(), request.space()), 1);
                Assume.that(dp.scalarFits());
                FloorHull hull = FloorHull.walk(request, dp, CancellationToken.none());
                Assume.that(hull.feasible != null && !hull.closed());
                plans.add(dp.closeGap(hull, CancellationToken.none(), Progress.NONE).stream().map(ExitDp.Found::plan).toList());
                kept[run] = dp.frontLabels();
            }
        } finally {
            ExitFront.parallelWork = before;
        }
        Statistics.label("labels").collect(kept[0] == 0 ? "none" : kept[0] < 50 ? "< 50" : ">= 50");
        assertEquals(kept[0], kept[1], "labels kept on one thread and on several");
        assertEquals(plans.get(0), plans.get(1));
    }

    /**
     * One best plan at an accuracy floor in the narrower spaces (stage-end exits, whose gap a
     * branch and bound over whole stages closes; one shared threshold, a union of graphs), both
     * curve modes, latency or cost: the same optimum as exhaustive search, proven.
     */
    @Property(tries = 1500, maxDiscardRatio = 20)
    void accuracyFloorInNarrowedSpacesFindsTheOptimum(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY, Objective.COST));
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0x57a6e);
        CurveCombination mode = r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT;
        SearchSpace space = drawn.space().withExitRule(r.nextInt(4) > 0 ? ExitRule.STAGE_ENDS : ExitRule.FREE)
                .withSharedThreshold(r.nextBoolean());
        SearchRequest request = withCurves(drawn, r, mode, r.nextInt(3) > 0).withSpace(space).withConstraints(new Constraints(
                0.3 + 0.6 * r.nextDouble(), null, null, drawn.constraints().memoryMustFit(), drawn.constraints().belowSaturation()));
        Assume.that(ExactChainSearch.exitProgramAnswers(request));
        List<RankedPlan> expected = run(() -> new ExhaustiveSearch(request).top(1, Progress.NONE, CancellationToken.none()));
        List<RankedPlan> actual = run(() -> new ExactChainSearch(request).top(1, Progress.NONE, CancellationToken.none()));
        Statistics.label("space").collect(mode, space.exitRule(), space.sharedThreshold());
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        assertTrue(actual != null, "no plan found, exhaustive search found " + expected.get(0).plan());
        Statistics.label("how").collect(actual.get(0).provenance().notes().stream().anyMatch(n -> n.contains("gap"))
                ? "gap closed" : "hull");
        assertTrue(actual.get(0).provenance().exact(), String.join("; ", actual.get(0).provenance().notes()));
        assertTrue(Tolerance.equal(expected.get(0).objectiveValue(), actual.get(0).objectiveValue()),
                "exhaustive " + expected.get(0).objectiveValue() + " " + expected.get(0).plan() + ", exit program "
                        + actual.get(0).objectiveValue() + " " + actual.get(0).plan() + " " + space);
        assertTrue(space.exitRule() == ExitRule.FREE || AllPlans.exitsAtStageEnds(request.evaluator().profile(),
                actual.get(0).plan()));
    }

    /** Narrower spaces (PORTEND's stage-end exits, one shared threshold, at most K exits), any statistics: the same top plans. */
    @Property(tries = 1500, maxDiscardRatio = 20)
    void narrowedSpacesFindTheSameTopPlans(@ForAll long seed) {
        SearchRequest drawn = RandomRequests.request(seed, SUMS);
        Assume.that(drawn != null && !drawn.evaluator().profile().exits().isEmpty());
        Random r = new Random(seed ^ 0xabc);
        SearchRequest base = r.nextBoolean() ? withCurves(drawn, r,
                r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT, r.nextInt(3) > 0) : drawn;
        SearchSpace space = base.space().withExitRule(r.nextBoolean() ? ExitRule.STAGE_ENDS : ExitRule.FREE)
                .withSharedThreshold(r.nextBoolean()).withMaxExits(r.nextInt(3) == 0 ? r.nextInt(2) : null);
        SearchRequest request = base.withSpace(space);
        Statistics.label("space").collect(space.exitRule(), space.sharedThreshold(), space.maxExits());
        List<RankedPlan> expected = run(() -> new ExhaustiveSearch(request).top(3, Progress.NONE, CancellationToken.none()));
        List<RankedPlan> actual = run(() -> new ExactChainSearch(request).top(3, Progress.NONE, CancellationToken.none()));
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        assertTrue(actual != null, "no plan found, exhaustive search found " + expected.get(0).plan());
        Statistics.label("method").collect(actual.get(0).provenance().method());
        assertTrue(actual.get(0).provenance().exact(), String.join("; ", actual.get(0).provenance().notes()));
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(Tolerance.equal(expected.get(i).objectiveValue(), actual.get(i).objectiveValue()),
                    "rank " + (i + 1) + ": exhaustive " + expected.get(i).objectiveValue() + " " + expected.get(i).plan()
                            + ", search " + actual.get(i).objectiveValue() + " " + actual.get(i).plan() + " " + space + " " + actual.get(0).provenance());
            assertTrue(space.exitRule() == ExitRule.FREE || AllPlans.exitsAtStageEnds(request.evaluator().profile(),
                    actual.get(i).plan()));
        }
    }

    /**
     * The request with curves of the given mode on its exits; ordered: every threshold of a later
     * exit passes at least as many samples as any threshold of an earlier one (nothing to clip).
     */
    static SearchRequest withCurves(SearchRequest request, Random r, CurveCombination mode, boolean ordered) {
        ModelProfile p = request.evaluator().profile();
        int exits = p.exits().size();
        List<ExitCurve> curves = new ArrayList<>();
        for (int e = 0; e < exits; e++) {
            double lo = r.nextBoolean() ? 0 : 0.3;
            double[] t = {lo, 0.55, 1};
            double[] rate = new double[3];
            for (int i = 0; i < 3; i++) {
                rate[i] = ordered ? (e + r.nextDouble()) / (exits + 1) : r.nextDouble();
            }
            double[] acc = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            curves.add(new ExitCurve(t, rate, acc, r.nextDouble()));
        }
        ModelProfile withCurves = p.withExits(p.exits(), new CurveStats(curves, 0.5 + 0.5 * r.nextDouble(), mode));
        return new SearchRequest(new Evaluator(withCurves, request.evaluator().topology()), request.workload(),
                request.objective(), request.constraints(), request.space());
    }

    private interface Search {
        List<RankedPlan> top();
    }

    private static List<RankedPlan> run(Search s) {
        try {
            return s.top();
        } catch (InfeasibleConstraintsException e) {
            return null;
        }
    }
}
