package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;

/**
 * The exit programs' hot loops (the backward scalar program, {@link ExitScalar}, and the forward
 * bound pass, {@link ExitBounds}) against the same programs written plainly
 * ({@link ExitScalarReference}, {@link ExitBoundsReference}) on random small instances (the pass
 * with nested curves, which it is made for): the same
 * plans, values at every stage start and stored floats at every state, bit for bit (the scalar
 * program leaves the states that no stage sequence reaches infinite). Rates are
 * drawn coarse half of the time, so that previous exits tie, shares reach 0 and values meet at 0.
 */
class ExitPassLoopProperties {
    @Property(tries = 800, maxDiscardRatio = 20)
    void sameValuesAsThePlainLoops(@ForAll long seed) {
        Random r = new Random(seed);
        ModelProfile drawn = RandomChains.profile(r, 6, true);
        Topology topology = RandomChains.topology(r, true);
        SearchRequest plain = new SearchRequest(new Evaluator(drawn, topology), Workload.NONE, Objective.MEAN_LATENCY,
                new Constraints(null, null, null, r.nextBoolean(), true), RandomRequests.space(r, drawn, topology));
        Assume.that(!drawn.exits().isEmpty() && plain.validate().isEmpty());
        CurveCombination mode = r.nextInt(4) > 0 ? CurveCombination.NESTED : CurveCombination.INDEPENDENT;
        boolean coarse = r.nextBoolean();
        SearchRequest curved = coarse ? coarseCurves(plain, r, mode) : ExitDpProperties.withCurves(plain, r, mode, r.nextInt(4) > 0);
        SearchRequest request = r.nextInt(3) > 0 ? curved : curved.withSpace(curved.space().withExitRule(ExitRule.STAGE_ENDS));
        ModelProfile profile = request.evaluator().profile();
        ChainCosts cc = new ChainCosts(profile, request.evaluator().topology());
        StageRules rules = new StageRules(profile, request.evaluator().topology(), request.space());
        ExitGraph g = new ExitGraph(request, cc, rules, ExitGraph.stageSeconds(cc, profile.unitCount()), null);
        Assume.that(ExitScalar.fits(g));
        Statistics.label("graph").collect(mode, coarse ? "coarse rates" : "drawn rates", request.space().exitRule());
        double lambda = r.nextDouble() * 0.2;
        double[][] weights = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, lambda}, {0, 1, lambda * 1e-6}, {1, 1e3, lambda}};
        sameAsThePlainLoops(g, weights);
    }

    /** PORTEND's ResNet-20 shape (10 blocks, 9 heads, ten thresholds, nested curves, three tiers) at a few weights. */
    @Example
    void sameValuesAsThePlainLoopsOnAPortendShape() {
        SearchRequest request = PortendExits.request(PortendExits.resnet20(), 0.85);
        ModelProfile profile = request.evaluator().profile();
        ChainCosts cc = new ChainCosts(profile, request.evaluator().topology());
        StageRules rules = new StageRules(profile, request.evaluator().topology(), request.space());
        ExitGraph g = new ExitGraph(request, cc, rules, ExitGraph.stageSeconds(cc, profile.unitCount()), null);
        sameAsThePlainLoops(g, new double[][] {{1, 0, 0.05}, {1, 0, 0.2}, {0, 0, 1}, {0, 1, 1e-4}});
    }

    private static void sameAsThePlainLoops(ExitGraph g, double[][] weights) {
        ExitScalar fast = new ExitScalar(g, true, false);
        ExitScalarReference plainProgram = new ExitScalarReference(g);
        for (double[] w : weights) {
            ExitScalarReference.Solved want = plainProgram.solve(w[0], w[1], w[2]);
            ExitDp.Found got = fast.solve(w[0], w[1], w[2], CancellationToken.none(), Progress.NONE);
            if (want.found() == null) {
                assertEquals(null, got);
            } else {
                assertEquals(want.found().plan(), got.plan());
                assertEquals(Double.doubleToLongBits(want.found().scalar()), Double.doubleToLongBits(got.scalar()));
            }
            // where no stage sequence leads, the fast program leaves the states infinite
            double[] starts = fast.stageStarts(w[0], w[1], w[2], CancellationToken.none());
            for (int x = 1; x <= g.last; x++) {
                for (int ns = 0; ns < g.pairs; ns++) {
                    boolean reached = x <= g.stageReach[x * g.pairs + ns];
                    for (int kappa = 0; kappa < g.kappas; kappa++) {
                        int i = (x * g.pairs + ns) * g.kappas + kappa;
                        double expected = reached ? want.starts()[i] : Double.POSITIVE_INFINITY;
                        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(starts[i]), "stage start " + i);
                    }
                }
            }
            StateValues states = fast.stateValues(w[0], w[1], w[2]);
            for (int x = 1; x <= g.last; x++) {
                float[] expected = want.states()[x].clone();
                int kEnd = g.kappaEnd[x];
                for (int i = g.pairs * kEnd; i < expected.length; i++) {
                    if (x > g.stageReach[i / kEnd]) {
                        expected[i] = Float.POSITIVE_INFINITY;
                    }
                }
                assertArrayEquals(expected, states.dense(x), "suffix values at unit " + x);
            }
            if (g.nested) { // the bound pass is the nested program's alone
                float[][] bounds = ExitBoundsReference.layers(g, w[0], w[1], w[2]);
                ExitBounds pass = new ExitBounds(g, w[0], w[1], w[2], CancellationToken.none());
                for (int x = 1; x <= g.last; x++) {
                    assertArrayEquals(bounds[x], pass.values().dense(x), "prefix bounds at unit " + x);
                }
            }
        }
    }

    /** Curves whose rates come from {0, 1/2, 1} or are drawn, in either order along the chain. */
    private static SearchRequest coarseCurves(SearchRequest request, Random r, CurveCombination mode) {
        ModelProfile p = request.evaluator().profile();
        double[] coarse = {0, 0.5, 1};
        List<ExitCurve> curves = new ArrayList<>();
        for (int e = 0; e < p.exits().size(); e++) {
            double[] t = {0, 0.55, 1};
            double[] rate = new double[3];
            double[] acc = new double[3];
            for (int i = 0; i < 3; i++) {
                rate[i] = r.nextInt(4) > 0 ? coarse[r.nextInt(3)] : r.nextDouble();
                acc[i] = r.nextBoolean() ? coarse[r.nextInt(3)] : r.nextDouble();
            }
            curves.add(new ExitCurve(t, rate, acc, r.nextBoolean() ? 0.5 : r.nextDouble()));
        }
        ModelProfile withCurves = p.withExits(p.exits(), new CurveStats(curves, r.nextBoolean() ? 1 : r.nextDouble(), mode));
        return new SearchRequest(new Evaluator(withCurves, request.evaluator().topology()), request.workload(),
                request.objective(), request.constraints(), request.space());
    }
}
