package org.splitscope.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SampleStats;
import org.splitscope.model.SizeLimits;
import org.splitscope.model.Unit;

/**
 * SYNTHETIC per-sample exit statistics: a seeded, deterministic stand-in for a validation run,
 * for built-in models that have no measured exits. Nothing here was measured.
 *
 * <p>The model. Sample s has a latent difficulty {@code d_s ~ N(0, 1)}. An exit whose head sits
 * after a share f of the model's FLOPs (the final classifier: f = 1) sees the logit strength
 * <pre>  z = mu(f) - 2 d_s + 0.5 eps    with eps ~ N(0, 1) fresh per sample and exit,
 *   mu(f) = muFinal - 4 (1 - f),</pre>
 * so strength rises with depth and falls with difficulty. The top-class probability is
 * {@code p = 1/K + (1 - 1/K) sigmoid(z)} for K classes, and the prediction is correct with
 * probability p (perfect calibration): correct when {@code u < p}, where u is the sample's own
 * uniform with probability 0.8 and a fresh one otherwise, so that a sample right early tends to
 * stay right later while each exit stays calibrated. {@code muFinal} is set by bisection so that
 * the mean final p over the drawn samples equals the requested final accuracy; the realised
 * accuracy then differs from it by sampling noise only (about 0.006 at 2000 samples).
 *
 * <p>For {@link ExitCriterion#MAX_PROB} the recorded confidence is p; for
 * {@link ExitCriterion#ENTROPY} it is the normalized entropy {@code H / ln K} of a prediction
 * with top probability p and the rest spread evenly over the other K - 1 classes (the largest
 * entropy a prediction with that top probability can have). Values are rounded to 4 decimals
 * to keep files small. Draws come from {@link Random}, whose algorithm Java specifies, so a
 * seed gives the same numbers on every JVM.
 */
public final class SyntheticExitStats {
    private static final double DIFFICULTY_WEIGHT = 2.0;
    private static final double EXIT_NOISE = 0.5;
    private static final double DEPTH_SLOPE = 4.0;
    private static final double SHARED_UNIFORM = 0.8;

    private final long seed;
    private final double finalAccuracy;
    private final int classes;

    /**
     * @param finalAccuracy accuracy of the final classifier, strictly between 1/classes and 1
     */
    public SyntheticExitStats(long seed, double finalAccuracy, int classes) {
        if (classes < 2 || !(finalAccuracy > 1.0 / classes && finalAccuracy < 1)) {
            throw new IllegalArgumentException("need at least 2 classes and 1/classes < finalAccuracy < 1, got "
                    + classes + " classes and " + finalAccuracy);
        }
        this.seed = seed;
        this.finalAccuracy = finalAccuracy;
        this.classes = classes;
    }

    /** The share of the units' FLOPs (heads excluded) up to and including unit {@code afterUnit}. */
    public static double depthFraction(List<Unit> units, int afterUnit) {
        double before = 0;
        double total = 0;
        for (int u = 1; u <= units.size(); u++) {
            total += units.get(u - 1).flops();
            before += u <= afterUnit ? units.get(u - 1).flops() : 0;
        }
        return total > 0 ? before / total : (double) afterUnit / units.size();
    }

    /** Statistics for exits at the given depth fractions (each in [0, 1]), one row per exit. */
    public SampleStats samples(double[] depthFractions, int sampleCount, ExitCriterion criterion) {
        if (sampleCount < 1 || sampleCount > SizeLimits.MAX_SAMPLES) {
            // checked before the arrays are allocated: 2e9 samples would not fit in memory
            throw new IllegalArgumentException("need 1 to " + SizeLimits.MAX_SAMPLES + " samples, got " + sampleCount);
        }
        Random random = new Random(seed);
        int exits = depthFractions.length;
        double[] difficulty = new double[sampleCount];
        double[] shared = new double[sampleCount];
        double[][] noise = new double[exits + 1][sampleCount];
        double[][] uniform = new double[exits + 1][sampleCount];
        for (int s = 0; s < sampleCount; s++) {
            difficulty[s] = random.nextGaussian();
            shared[s] = random.nextDouble();
            for (int e = 0; e <= exits; e++) {
                noise[e][s] = random.nextGaussian();
                uniform[e][s] = random.nextDouble() < SHARED_UNIFORM ? shared[s] : random.nextDouble();
            }
        }
        double muFinal = calibrate(difficulty, noise[exits]);
        double[][] confidence = new double[exits][sampleCount];
        boolean[][] correct = new boolean[exits][sampleCount];
        boolean[] correctFinal = new boolean[sampleCount];
        for (int s = 0; s < sampleCount; s++) {
            for (int e = 0; e < exits; e++) {
                double mu = muFinal - DEPTH_SLOPE * (1 - depthFractions[e]);
                double p = topProbability(mu, difficulty[s], noise[e][s]);
                confidence[e][s] = round4(criterion == ExitCriterion.ENTROPY ? normalizedEntropy(p) : p);
                correct[e][s] = uniform[e][s] < p;
            }
            correctFinal[s] = uniform[exits][s] < topProbability(muFinal, difficulty[s], noise[exits][s]);
        }
        return new SampleStats(confidence, correct, correctFinal);
    }

    /**
     * The profile with these exits attached, their synthetic statistics and the criterion; its
     * description says that the statistics are synthetic and how they were made.
     */
    public ModelProfile attach(ModelProfile base, List<ExitHead> exits, ExitCriterion criterion, int sampleCount) {
        double[] depth = exits.stream().mapToDouble(e -> depthFraction(base.units(), e.afterUnit())).toArray();
        String description = (base.description() + " Exit statistics: SYNTHETIC, not measured (SyntheticExitStats, "
                + "seed " + seed + ", " + sampleCount + " samples, final accuracy " + finalAccuracy + ").").strip();
        return new ModelProfile(base.name(), description, base.inputBytes(), base.resultBytes(),
                base.units(), exits, samples(depth, sampleCount, criterion), criterion, base.rangeLatencies(),
                base.serialize(), base.deserialize());
    }

    /**
     * Per-exit curves tabulated from samples at the given thresholds: each exit's rate and the
     * accuracy of the samples it lets out, measured alone. Where no sample passes, the exited
     * accuracy is the exit's accuracy over all samples (it then carries no weight).
     */
    public static CurveStats curves(SampleStats samples, ExitCriterion criterion, double[] thresholds,
                                    CurveCombination combination) {
        int n = samples.sampleCount();
        List<ExitCurve> curves = new ArrayList<>();
        for (int e = 0; e < samples.confidence().length; e++) {
            double overall = share(samples.correct()[e]);
            double[] rate = new double[thresholds.length];
            double[] accuracy = new double[thresholds.length];
            for (int t = 0; t < thresholds.length; t++) {
                int passed = 0;
                int right = 0;
                for (int s = 0; s < n; s++) {
                    if (criterion.passes(samples.confidence()[e][s], thresholds[t])) {
                        passed++;
                        right += samples.correct()[e][s] ? 1 : 0;
                    }
                }
                rate[t] = (double) passed / n;
                accuracy[t] = passed > 0 ? (double) right / passed : overall;
            }
            curves.add(new ExitCurve(thresholds.clone(), rate, accuracy, overall));
        }
        return new CurveStats(curves, share(samples.correctFinal()), combination);
    }

    /** Normalized entropy of a K-class prediction with top probability p and an even remainder. */
    double normalizedEntropy(double p) {
        double rest = (1 - p) / (classes - 1);
        double h = -p * Math.log(p) - (rest > 0 ? (1 - p) * Math.log(rest) : 0);
        return Math.min(1, Math.max(0, h / Math.log(classes)));
    }

    private double topProbability(double mu, double difficulty, double noise) {
        double z = mu - DIFFICULTY_WEIGHT * difficulty + EXIT_NOISE * noise;
        return 1.0 / classes + (1 - 1.0 / classes) / (1 + Math.exp(-z));
    }

    private double calibrate(double[] difficulty, double[] noise) {
        double lo = -50;
        double hi = 50;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            double mean = 0;
            for (int s = 0; s < difficulty.length; s++) {
                mean += topProbability(mid, difficulty[s], noise[s]);
            }
            if (mean / difficulty.length < finalAccuracy) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double share(boolean[] values) {
        int count = 0;
        for (boolean v : values) {
            count += v ? 1 : 0;
        }
        return (double) count / values.length;
    }

    private static double round4(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
