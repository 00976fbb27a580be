package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.bench.PortendExits;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Tolerance;

/**
 * The scalar program over stage starts ({@link ExitStageScalar}, exits at stage ends only)
 * against the unit program it replaces there (the same values and plans, bit for bit) and
 * against exhaustive search (the same optimum) on random small instances.
 */
class ExitStageScalarProperties {
    private static final List<Objective> SUMS = List.of(Objective.MEAN_LATENCY, Objective.COST, Objective.ACCURACY);

    @Property(tries = 1500, maxDiscardRatio = 20)
    void sameValuesAndPlansAsTheUnitProgram(@ForAll long seed) {
        // up to 6 exits: more previous exits per stage start than the exhaustive comparison affords
        Random r = new Random(seed);
        ModelProfile drawn = RandomChains.profile(r, 6, true);
        Topology topology = RandomChains.topology(r, true);
        SearchRequest plain = new SearchRequest(new Evaluator(drawn, topology), Workload.NONE, Objective.MEAN_LATENCY,
                new Constraints(null, null, null, r.nextBoolean(), true), RandomRequests.space(r, drawn, topology));
        Assume.that(!drawn.exits().isEmpty() && plain.validate().isEmpty());
        CurveCombination mode = r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT;
        SearchRequest curved = ExitDpProperties.withCurves(plain, r, mode, r.nextInt(4) > 0);
        SearchRequest request = curved.withSpace(curved.space().withExitRule(ExitRule.STAGE_ENDS)
                .withSharedThreshold(r.nextBoolean()));
        ModelProfile profile = request.evaluator().profile();
        ChainCosts cc = new ChainCosts(profile, request.evaluator().topology());
        StageRules rules = new StageRules(profile, request.evaluator().topology(), request.space());
        double[][][][] seconds = ExitGraph.stageSeconds(cc, profile.unitCount());
        List<Double> thresholds = request.space().sharedThreshold() ? request.space().thresholds() : null;
        List<ExitGraph> graphs = new ArrayList<>();
        if (thresholds == null) {
            graphs.add(new ExitGraph(request, cc, rules, seconds, null));
        } else {
            thresholds.forEach(t -> graphs.add(new ExitGraph(request, cc, rules, seconds, t)));
        }
        double lambda = r.nextDouble() * 0.2;
        double[][] weights = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, lambda}, {0, 1, lambda * 1e-6}, {1, 1e3, lambda}};
        Statistics.label("space").collect(((CurveStats) profile.exitStats()).combination(), request.space().sharedThreshold());
        for (ExitGraph g : graphs) {
            Assume.that(ExitScalar.fits(g));
            ExitScalar units = new ExitScalar(g, false, false);
            ExitScalar stages = new ExitScalar(g, false, true);
            for (double[] w : weights) {
                ExitDp.Found want = units.solve(w[0], w[1], w[2], CancellationToken.none(), Progress.NONE);
                ExitDp.Found got = stages.solve(w[0], w[1], w[2], CancellationToken.none(), Progress.NONE);
                Statistics.label("plan").collect(want == null ? "none" : want.plan().stages().size() + " stage(s)");
                if (want == null) {
                    assertEquals(null, got);
                    continue;
                }
                assertTrue(got != null, "the unit program found " + want.plan());
                assertEquals(want.plan(), got.plan());
                assertEquals(Double.doubleToLongBits(want.scalar()), Double.doubleToLongBits(got.scalar()));
                double[] wantStarts = units.stageStarts(w[0], w[1], w[2], CancellationToken.none());
                double[] gotStarts = stages.stageStarts(w[0], w[1], w[2], CancellationToken.none());
                for (int i = 0; i < gotStarts.length; i++) {
                    if (gotStarts[i] != Double.POSITIVE_INFINITY) {
                        assertEquals(Double.doubleToLongBits(wantStarts[i]), Double.doubleToLongBits(gotStarts[i]), "state " + i);
                    }
                }
            }
        }
    }

    /** PORTEND's rule on its ResNet-110 shape (55 units, 54 heads, ten graphs): the unit program's plans and values. */
    @Example
    void portendRuleAsTheUnitProgram() {
        SearchRequest free = PortendExits.request(PortendExits.resnet110(), null);
        SearchRequest request = free.withSpace(free.space().withExitRule(ExitRule.STAGE_ENDS).withSharedThreshold(true));
        ModelProfile profile = request.evaluator().profile();
        ChainCosts cc = new ChainCosts(profile, request.evaluator().topology());
        StageRules rules = new StageRules(profile, request.evaluator().topology(), request.space());
        double[][][][] seconds = ExitGraph.stageSeconds(cc, profile.unitCount());
        for (double t : request.space().thresholds()) {
            ExitGraph g = new ExitGraph(request, cc, rules, seconds, t);
            ExitScalar units = new ExitScalar(g, false, false);
            ExitScalar stages = new ExitScalar(g, false, true);
            for (double[] w : new double[][] {{1, 0, 0}, {0, 0, 1}, {1, 0, 0.05}, {1, 0, 0.2}}) {
                ExitDp.Found want = units.solve(w[0], w[1], w[2], CancellationToken.none(), Progress.NONE);
                ExitDp.Found got = stages.solve(w[0], w[1], w[2], CancellationToken.none(), Progress.NONE);
                assertEquals(want.plan(), got.plan());
                assertEquals(Double.doubleToLongBits(want.scalar()), Double.doubleToLongBits(got.scalar()));
            }
        }
    }

    /** The ten graphs of a shared threshold are solved side by side: a cancelled token still stops them, progress still ends at ten of ten. */
    @Example
    void sharedThresholdGraphsStopWhenCancelledAndReportProgress() {
        SearchRequest free = PortendExits.request(PortendExits.resnet20(), null);
        SearchRequest request = free.withSpace(free.space().withExitRule(ExitRule.STAGE_ENDS).withSharedThreshold(true));
        ModelProfile profile = request.evaluator().profile();
        ChainCosts cc = new ChainCosts(profile, request.evaluator().topology());
        ExitDp dp = new ExitDp(request, cc, new StageRules(profile, request.evaluator().topology(), request.space()), 1);
        java.util.concurrent.atomic.AtomicLong most = new java.util.concurrent.atomic.AtomicLong();
        ExitDp.Found found = dp.solveScalar(1, 0, 0, CancellationToken.none(), (done, total) -> {
            assertEquals(10, total);
            most.accumulateAndGet(done, Math::max);
        });
        assertTrue(found != null);
        assertEquals(10, most.get());
        CancellationToken cancelled = CancellationToken.none();
        cancelled.cancel();
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> dp.solveScalar(1, 0, 0, cancelled, Progress.NONE));
    }

    /** One best plan without limits in stage-end spaces: the stage program's optimum is exhaustive search's. */
    @Property(tries = 1500, maxDiscardRatio = 20)
    void findsTheOptimumOfExhaustiveSearch(@ForAll long seed) {
        Random r = new Random(seed ^ 0x57a9e);
        SearchRequest drawn = stageEnds(seed, r);
        Assume.that(drawn != null);
        SearchRequest request = drawn.withConstraints(new Constraints(null, null, null,
                drawn.constraints().memoryMustFit(), drawn.constraints().belowSaturation()));
        Assume.that(ExactChainSearch.exitProgramAnswers(request));
        List<RankedPlan> expected = SearchResults.exhaustive(request, 1);
        List<RankedPlan> actual = SearchResults.exact(request, 1);
        Statistics.label("space").collect(((CurveStats) request.evaluator().profile().exitStats()).combination(),
                request.space().sharedThreshold(), request.objective());
        if (expected == null) {
            assertEquals(null, actual);
            return;
        }
        assertTrue(actual != null, "no plan found, exhaustive search found " + expected.get(0).plan());
        assertTrue(actual.get(0).provenance().exact(), String.join("; ", actual.get(0).provenance().notes()));
        assertTrue(Tolerance.equal(expected.get(0).objectiveValue(), actual.get(0).objectiveValue()),
                "exhaustive " + expected.get(0).objectiveValue() + " " + expected.get(0).plan() + ", exit program "
                        + actual.get(0).objectiveValue() + " " + actual.get(0).plan());
        assertTrue(AllPlans.exitsAtStageEnds(request.evaluator().profile(), actual.get(0).plan()));
    }

    /** A random request with curves (either mode, rates rising with depth or not), exits at stage ends, a shared threshold or not. */
    private static SearchRequest stageEnds(long seed, Random r) {
        SearchRequest drawn = RandomRequests.request(seed, SUMS);
        if (drawn == null || drawn.evaluator().profile().exits().isEmpty()) {
            return null;
        }
        CurveCombination mode = r.nextBoolean() ? CurveCombination.NESTED : CurveCombination.INDEPENDENT;
        SearchRequest request = ExitDpProperties.withCurves(drawn, r, mode, r.nextInt(4) > 0);
        return request.withSpace(request.space().withExitRule(ExitRule.STAGE_ENDS).withSharedThreshold(r.nextBoolean()));
    }
}
