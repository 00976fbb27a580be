package org.splitscope.bench;

import java.util.Random;

import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Workload;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;
import org.splitscope.perf.Evaluator;

/**
 * {@link PortendExits}' ResNet-110 with per-sample statistics instead of curves, SYNTHETIC and
 * seeded: each sample has a difficulty d, uniform in [0, 1]; its normalized entropy at an exit
 * is where that exit's curve passes d (plus a little noise, so passing is not perfectly nested),
 * and an exit gets it right when d (plus a noise the heads share, as they share the backbone,
 * and a little of their own) is below the exit's accuracy over all samples, so easy samples
 * both leave early and are right, and a sample right at one head is mostly right at deeper
 * ones (correctness nests as PORTEND's curves do).
 */
public final class PortendSamples {
    private PortendSamples() {
    }

    public static ModelProfile resnet110(int samples) {
        return of(PortendExits.resnet110(), samples);
    }

    /** The profile with its curves replaced by that many samples drawn from them. */
    public static ModelProfile of(ModelProfile curves, int samples) {
        CurveStats cs = (CurveStats) curves.exitStats();
        Random r = new Random(11_000 + samples);
        int e = cs.curves().size();
        double[][] entropy = new double[e][samples];
        boolean[][] ok = new boolean[e][samples];
        boolean[] okFinal = new boolean[samples];
        for (int s = 0; s < samples; s++) {
            double d = r.nextDouble();
            double hard = d + 0.1 * r.nextGaussian(); // shared by the heads: they share the backbone
            for (int i = 0; i < e; i++) {
                ExitCurve c = cs.curves().get(i);
                entropy[i][s] = inverse(c.thresholds(), c.exitRate(), d + 0.05 * r.nextGaussian());
                ok[i][s] = hard + 0.05 * r.nextGaussian() < c.overallAccuracy();
            }
            okFinal[s] = hard + 0.05 * r.nextGaussian() < cs.finalAccuracy();
        }
        return new ModelProfile(curves.name() + ", " + samples + " samples", null, curves.inputBytes(), curves.resultBytes(),
                curves.units(), curves.exits(), new SampleStats(entropy, ok, okFinal), ExitCriterion.ENTROPY,
                curves.rangeLatencies(), null, null);
    }

    /** The least threshold at which the curve's exit rate reaches the target (linear between table points), in [0, 1]. */
    private static double inverse(double[] t, double[] rate, double target) {
        if (target <= rate[0]) {
            return t[0];
        }
        for (int i = 1; i < t.length; i++) {
            if (rate[i] >= target) {
                return t[i - 1] + (t[i] - t[i - 1]) * (target - rate[i - 1]) / (rate[i] - rate[i - 1]);
            }
        }
        return 1.0;
    }

    /** Mean latency at an accuracy floor (or none), PORTEND's ten thresholds, up to 3 stages outward, at most maxExits exits. */
    public static SearchRequest request(ModelProfile profile, Double floor, Integer maxExits) {
        SearchSpace space = SearchSpace.defaults().withPlacement(Placement.OUTWARD).withThresholds(PortendExits.GRID)
                .withMaxExits(maxExits);
        return new SearchRequest(new Evaluator(profile, PortendExits.tiers()), Workload.NONE, Objective.MEAN_LATENCY,
                Constraints.FEASIBLE.withAccuracyFloor(floor), space);
    }
}
