package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.perf.TinyScenarios.chainWithExit;
import static org.splitscope.perf.TinyScenarios.cutAfterFirst;
import static org.splitscope.perf.TinyScenarios.deviceAndServer;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/** Outcome shares, accuracy and per-outcome latency with early exits, computed by hand. */
class ExitOutcomesTest {
    private static final double EPS = 1e-12;
    // exit outcome: u1 (1 s) + head (0.1 s) on the device, which is also the sink
    private static final double EXIT_LATENCY = 1.1;
    // final: u1 + head + cut (0.013) + u2..u3 (0.3) + result (0.0101)
    private static final double FINAL_LATENCY = 1.1 + 0.013 + 0.3 + 0.0101;

    @Test
    void samplesGiveExactJointShares() {
        // confidences 0.9, 0.5, 0.95, 0.2 at threshold 0.8: samples 0 and 2 leave at e1
        Metrics m = evaluate(chainWithExit(), withExit(0.8));
        Outcome exit = m.outcome("e1");
        Outcome last = m.outcome(Outcome.FINAL);
        assertEquals(0.5, exit.probability(), EPS);
        assertEquals(0.5, exit.accuracy(), EPS, "sample 0 right, sample 2 wrong");
        assertEquals(0.5, last.accuracy(), EPS, "final: sample 1 right, sample 3 wrong");
        assertEquals(0.5, m.accuracy(), EPS);
        assertEquals(AccuracyMethod.SAMPLES, m.accuracyMethod());
        assertEquals(EXIT_LATENCY, exit.latency(), EPS);
        assertEquals(FINAL_LATENCY, last.latency(), EPS);
        assertEquals(0.5 * EXIT_LATENCY + 0.5 * FINAL_LATENCY, m.meanLatency(), EPS);
        assertEquals(EXIT_LATENCY, m.latency().p50(), EPS, "P(L <= exit latency) = 0.5 reaches the median");
        assertEquals(FINAL_LATENCY, m.latency().p95(), EPS);
    }

    @Test
    void headRunsForEveryRequestThatReachesIt() {
        Metrics m = evaluate(chainWithExit(), withExit(0.8));
        // device: u1 + head for everyone = 1.1 s; server only for the half that continues
        assertEquals(1.1, m.resource("dev").busySeconds(), EPS);
        assertEquals(0.5 * 0.3, m.resource("srv").busySeconds(), EPS);
    }

    @Test
    void entropyCriterionExitsAtOrBelowTheThreshold() {
        ModelProfile p = chainWithExit();
        ModelProfile entropy = new ModelProfile(p.name(), null, p.inputBytes(), p.resultBytes(), p.units(),
                p.exits(), p.exitStats(), ExitCriterion.ENTROPY, null, null, null);
        // normalized entropies 0.9, 0.5, 0.95, 0.2 at threshold 0.5: samples 1 and 3 leave
        Metrics m = evaluate(entropy, withExit(0.5));
        assertEquals(0.5, m.outcome("e1").probability(), EPS);
        assertEquals(0.5, m.outcome("e1").accuracy(), EPS, "sample 1 wrong, sample 3 right");
        assertEquals(1.0, m.outcome(Outcome.FINAL).accuracy(), EPS, "samples 0 and 2 are right at the end");
    }

    @Test
    void partialModelEndsAtItsExitForEveryone() {
        Plan partial = new Plan(List.of(new Stage(1, 1, "dev")), List.of(), "e1");
        Metrics m = evaluate(chainWithExit(), partial);
        assertEquals(1, m.outcomes().size());
        assertEquals("e1", m.outcomes().get(0).label());
        assertEquals(1.0, m.outcomes().get(0).probability(), EPS);
        assertEquals(EXIT_LATENCY, m.meanLatency(), EPS);
        assertEquals(0.5, m.accuracy(), EPS, "the exit is right on samples 0 and 3");
        assertEquals(450, m.memory().get(0).paramBytes(), EPS, "u1 and the head; later units not deployed");
    }

    @Test
    void independentCurvesMultiplyTheRemainingShare() {
        Metrics m = evaluate(twoExitCurves(CurveCombination.INDEPENDENT), bothExits(0.5));
        // r1(0.5) = 0.4, r2(0.5) = 0.5: P1 = 0.4, P2 = 0.5 * 0.6 = 0.3, final 0.3
        assertEquals(0.4, m.outcome("a").probability(), EPS);
        assertEquals(0.3, m.outcome("b").probability(), EPS);
        assertEquals(0.3, m.outcome(Outcome.FINAL).probability(), EPS);
        // exited accuracy at 0.5: a 0.8, b 0.75; final 0.9
        assertEquals(0.4 * 0.8 + 0.3 * 0.75 + 0.3 * 0.9, m.accuracy(), EPS);
        assertEquals(AccuracyMethod.CURVES_INDEPENDENT, m.accuracyMethod());
        assertTrue(m.accuracyMethod().approximate());
    }

    @Test
    void nestedCurvesTakeDifferencesOfCumulativeRates() {
        Metrics m = evaluate(twoExitCurves(CurveCombination.NESTED), bothExits(0.5));
        assertEquals(0.4, m.outcome("a").probability(), EPS);
        assertEquals(0.1, m.outcome("b").probability(), EPS);
        assertEquals(0.5, m.outcome(Outcome.FINAL).probability(), EPS);
        // PORTEND weights each exit's accuracy over all samples: a 0.7, b 0.8
        assertEquals(0.4 * 0.7 + 0.1 * 0.8 + 0.5 * 0.9, m.accuracy(), EPS);
        assertTrue(m.warnings().isEmpty());
    }

    @Test
    void nestedNegativeShareIsClippedWithAWarning() {
        // thresholds 0.9 at a (rate 0.72) and 0.5 at b (rate 0.5): b's share would be -0.22
        Plan plan = cutAfterFirst().withExits(List.of(new EnabledExit("a", 0.9), new EnabledExit("b", 0.5)));
        Metrics m = evaluate(twoExitCurves(CurveCombination.NESTED), plan);
        assertEquals(0.72, m.outcome("a").probability(), EPS);
        assertEquals(0.0, m.outcome("b").probability(), EPS);
        assertNull(m.outcome("b").accuracy());
        assertEquals(0.28, m.outcome(Outcome.FINAL).probability(), EPS);
        assertEquals(1, m.warnings().size());
        assertTrue(m.warnings().get(0).contains("clipped"));
    }

    @Test
    void nestedSharesOverOneAreRenormalizedWithASecondWarning() {
        ModelProfile p = threeExitCurves();
        // rates 0.9, 0.5, 1.0: shares 0.9, 0 (clipped), 0.5 = 1.4
        Plan plan = new Plan(List.of(new Stage(1, 4, "dev")),
                List.of(new EnabledExit("a", 1.0), new EnabledExit("b", 1.0), new EnabledExit("c", 1.0)), null);
        Metrics m = evaluate(p, plan);
        assertEquals(0.9 / 1.4, m.outcome("a").probability(), EPS);
        assertEquals(0.0, m.outcome("b").probability(), EPS);
        assertEquals(0.5 / 1.4, m.outcome("c").probability(), EPS);
        assertEquals(0.0, m.outcome(Outcome.FINAL).probability(), EPS);
        assertEquals(2, m.warnings().size());
        assertTrue(m.warnings().get(1).contains("renormalized"));
    }

    @Test
    void probabilitiesOfOutcomesSumToOne() {
        Metrics m = evaluate(twoExitCurves(CurveCombination.INDEPENDENT), bothExits(0.7));
        assertEquals(1.0, m.outcomes().stream().mapToDouble(Outcome::probability).sum(), EPS);
    }

    private static Metrics evaluate(ModelProfile profile, Plan plan) {
        return new Evaluator(profile, TinyScenarios.deviceAndServer()).evaluate(plan, Workload.NONE);
    }

    private static Plan withExit(double threshold) {
        return cutAfterFirst().withExits(List.of(new EnabledExit("e1", threshold)));
    }

    private static Plan bothExits(double threshold) {
        return cutAfterFirst().withExits(List.of(new EnabledExit("a", threshold), new EnabledExit("b", threshold)));
    }

    /** Exit a after u1: rate 0 -> 0.8 over thresholds 0..1; exit b after u2: 0 -> 1. Final accuracy 0.9. */
    private static ModelProfile twoExitCurves(CurveCombination combination) {
        ExitCurve a = new ExitCurve(new double[] {0, 1}, new double[] {0, 0.8}, new double[] {1, 0.6}, 0.7);
        ExitCurve b = new ExitCurve(new double[] {0, 1}, new double[] {0, 1.0}, new double[] {1, 0.5}, 0.8);
        return TinyScenarios.chain().withExits(
                List.of(new ExitHead("a", 1, 1e8, 50), new ExitHead("b", 2, 1e8, 50)),
                new CurveStats(List.of(a, b), 0.9, combination));
    }

    private static ModelProfile threeExitCurves() {
        ModelProfile four = new ModelProfile("four", null, 1000, null,
                List.of(new Unit("u1", "conv", 1e9, 0, 10), new Unit("u2", "conv", 1e9, 0, 10),
                        new Unit("u3", "conv", 1e9, 0, 10), new Unit("u4", "fc", 1e9, 0, 10)),
                null, null, null, null, null, null);
        double[] t = {0, 1};
        return four.withExits(
                List.of(new ExitHead("a", 1, 0, 0), new ExitHead("b", 2, 0, 0), new ExitHead("c", 3, 0, 0)),
                new CurveStats(List.of(
                        new ExitCurve(t, new double[] {0, 0.9}, new double[] {1, 1}, 0.6),
                        new ExitCurve(t, new double[] {0, 0.5}, new double[] {1, 1}, 0.7),
                        new ExitCurve(t, new double[] {0, 1.0}, new double[] {1, 1}, 0.8)), 0.9, CurveCombination.NESTED));
    }
}
