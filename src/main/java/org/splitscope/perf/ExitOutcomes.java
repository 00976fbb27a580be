package org.splitscope.perf;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SampleStats;

/**
 * The share of requests leaving at each outcome (enabled exits in model order, then the final
 * classifier or a partial model's terminal exit) and the accuracy there, from either exact
 * per-sample statistics or per-exit curves (section 3 of the performance model).
 * O(S x E) for S samples and E enabled exits; O(E log T) for curves.
 */
final class ExitOutcomes {
    /**
     * @param probability per outcome, summing to 1
     * @param accuracy    per outcome (null where unknown or no request leaves there)
     * @param overall     accuracy over all requests (null when unknown)
     */
    record Result(double[] probability, Double[] accuracy, Double overall, AccuracyMethod method,
                  List<String> warnings) {
    }

    private ExitOutcomes() {
    }

    /**
     * @param enabled    exit indices of the profile, in model order
     * @param thresholds their thresholds
     * @param terminal   the profile exit index a partial model ends at, or -1 for the final classifier
     */
    static Result compute(ModelProfile profile, int[] enabled, double[] thresholds, int terminal) {
        if (profile.exitStats() instanceof SampleStats s) {
            return fromSamples(s, profile.criterion(), enabled, thresholds, terminal);
        }
        if (profile.exitStats() instanceof CurveStats c) {
            return fromCurves(c, enabled, thresholds, terminal);
        }
        double[] p = new double[enabled.length + 1];
        p[enabled.length] = 1; // without statistics no request can be shown to leave early
        return new Result(p, new Double[p.length], null, AccuracyMethod.UNKNOWN,
                enabled.length > 0 ? List.of("no exit statistics: every request is counted as running to the end")
                        : List.of());
    }

    private static Result fromSamples(SampleStats s, ExitCriterion criterion, int[] enabled,
                                      double[] thresholds, int terminal) {
        int n = s.sampleCount();
        int outcomes = enabled.length + 1;
        int[] count = new int[outcomes];
        int[] right = new int[outcomes];
        double[][] conf = new double[enabled.length][];
        boolean[][] ok = new boolean[enabled.length][];
        for (int i = 0; i < enabled.length; i++) {
            conf[i] = s.confidence()[enabled[i]];
            ok[i] = s.correct()[enabled[i]];
        }
        boolean[] okLast = terminal >= 0 ? s.correct()[terminal] : s.correctFinal();
        // Exit-major and branch-free: walking exits from last to first, a passing exit overwrites
        // the outcome, so the first passing one wins. Random confidences make a per-sample "break"
        // mispredict about every other time, which cost 4x here.
        int[] leave = new int[n];
        java.util.Arrays.fill(leave, enabled.length);
        boolean maxProb = criterion == ExitCriterion.MAX_PROB;
        for (int i = enabled.length - 1; i >= 0; i--) {
            double[] c = conf[i];
            double t = thresholds[i];
            for (int j = 0; j < n; j++) {
                boolean pass = maxProb ? c[j] >= t : c[j] <= t;
                leave[j] = pass ? i : leave[j];
            }
        }
        boolean[][] okAt = java.util.Arrays.copyOf(ok, outcomes);
        okAt[enabled.length] = okLast;
        for (int j = 0; j < n; j++) {
            int o = leave[j];
            count[o]++;
            right[o] += okAt[o][j] ? 1 : 0;
        }
        double[] p = new double[outcomes];
        Double[] acc = new Double[outcomes];
        int totalRight = 0;
        for (int o = 0; o < outcomes; o++) {
            p[o] = (double) count[o] / n;
            acc[o] = count[o] == 0 ? null : (double) right[o] / count[o];
            totalRight += right[o];
        }
        return new Result(p, acc, (double) totalRight / n, AccuracyMethod.SAMPLES, List.of());
    }

    private static Result fromCurves(CurveStats c, int[] enabled, double[] thresholds, int terminal) {
        int outcomes = enabled.length + 1;
        double[] p = new double[outcomes];
        Double[] acc = new Double[outcomes];
        List<String> warnings = new ArrayList<>();
        boolean nested = c.combination() == CurveCombination.NESTED;
        double lastAccuracy = terminal >= 0 ? c.curves().get(terminal).overallAccuracy() : c.finalAccuracy();
        double remaining = 1;
        double previousRate = 0;
        double sum = 0;
        for (int i = 0; i < enabled.length; i++) {
            ExitCurve curve = c.curves().get(enabled[i]);
            double rate = interpolate(curve.thresholds(), curve.exitRate(), thresholds[i]);
            if (nested) {
                double share = rate - previousRate;
                if (share < 0) {
                    warnings.add("nested curves: exit " + (i + 1) + " of the plan passes fewer samples ("
                            + rate + ") than the exit before it (" + previousRate + "); its share is clipped to 0");
                    share = 0;
                }
                p[i] = share;
                acc[i] = curve.overallAccuracy();
                previousRate = rate;
            } else {
                p[i] = rate * remaining;
                remaining *= 1 - rate;
                acc[i] = interpolate(curve.thresholds(), curve.exitedAccuracy(), thresholds[i]);
            }
            sum += p[i];
        }
        if (nested && sum > 1) {
            warnings.add("nested curves: the exits' shares add up to " + sum
                    + " > 1; the last outcome gets 0 and the shares are renormalized");
            for (int i = 0; i < enabled.length; i++) {
                p[i] /= sum;
            }
            sum = 1;
        }
        p[enabled.length] = Math.max(0, 1 - sum);
        acc[enabled.length] = lastAccuracy;
        double overall = 0;
        for (int o = 0; o < outcomes; o++) {
            overall += p[o] * acc[o];
            if (p[o] == 0) {
                acc[o] = null;
            }
        }
        return new Result(p, acc, overall,
                nested ? AccuracyMethod.CURVES_NESTED : AccuracyMethod.CURVES_INDEPENDENT, List.copyOf(warnings));
    }

    /** Linear interpolation in a strictly increasing table; the caller has checked the range. */
    static double interpolate(double[] xs, double[] ys, double x) {
        int hi = java.util.Arrays.binarySearch(xs, x);
        if (hi >= 0) {
            return ys[hi];
        }
        hi = -hi - 1;
        if (hi == 0 || hi == xs.length) {
            throw new IllegalArgumentException("threshold " + x + " is outside the curve's table");
        }
        int lo = hi - 1;
        double f = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + f * (ys[hi] - ys[lo]);
    }
}
