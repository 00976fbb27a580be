package org.splitscope.perf;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.FieldRange;
import org.splitscope.model.ModelProfile;

/**
 * The share of requests leaving at each outcome (enabled exits in model order, then the final
 * classifier or a partial model's terminal exit) and the accuracy there, from either exact
 * per-sample statistics or per-exit curves (section 3 of the performance model).
 * O(S E / 64) word operations for S samples and E enabled exits (see {@link SampleBits}); O(E log T)
 * for curves of T thresholds.
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
     * @param samples    the profile's per-sample statistics as bit sets, or null when it has curves or none
     * @param enabled    exit indices of the profile, in model order
     * @param thresholds their thresholds
     * @param terminal   the profile exit index a partial model ends at, or -1 for the final classifier
     */
    static Result compute(ModelProfile profile, SampleBits samples, int[] enabled, double[] thresholds,
                          int terminal) {
        if (samples != null) {
            return fromSamples(samples, enabled, thresholds, terminal);
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

    private static Result fromSamples(SampleBits bits, int[] enabled, double[] thresholds, int terminal) {
        int outcomes = enabled.length + 1;
        int[] count = new int[outcomes];
        int[] right = new int[outcomes];
        long[] remaining = bits.all(); // samples that have not left yet
        for (int i = 0; i < enabled.length; i++) {
            long[] pass = bits.passing(enabled[i], thresholds[i]);
            long[] ok = bits.correct(enabled[i]);
            for (int w = 0; w < remaining.length; w++) {
                long leave = remaining[w] & pass[w];
                count[i] += Long.bitCount(leave);
                right[i] += Long.bitCount(leave & ok[w]);
                remaining[w] &= ~pass[w];
            }
        }
        long[] okLast = terminal >= 0 ? bits.correct(terminal) : bits.correctFinal();
        for (int w = 0; w < remaining.length; w++) {
            count[enabled.length] += Long.bitCount(remaining[w]);
            right[enabled.length] += Long.bitCount(remaining[w] & okLast[w]);
        }
        int n = bits.samples();
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
                            + FieldRange.about(rate) + ") than the exit before it (" + FieldRange.about(previousRate)
                            + "); its share is clipped to 0");
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
            warnings.add("nested curves: the exits' shares add up to " + FieldRange.about(sum)
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

    /** Linear interpolation in a curve's table (one implementation, shared with the searches). */
    static double interpolate(double[] xs, double[] ys, double x) {
        return ExitCurve.interpolate(xs, ys, x);
    }
}
