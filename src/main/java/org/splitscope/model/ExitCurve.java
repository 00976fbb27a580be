package org.splitscope.model;

/**
 * One exit's behaviour measured alone, tabulated over thresholds (linear interpolation between).
 *
 * @param exitRate        share of all samples that pass the exit at each threshold
 * @param exitedAccuracy  accuracy of the samples that pass, at each threshold
 * @param overallAccuracy this exit's accuracy over all samples
 */
public record ExitCurve(double[] thresholds, double[] exitRate, double[] exitedAccuracy,
                        double overallAccuracy) {

    /** The share of all samples that pass at this threshold (linear between tabulated ones). */
    public double rateAt(double threshold) {
        return interpolate(thresholds, exitRate, threshold);
    }

    /** The accuracy of the samples that pass at this threshold. */
    public double exitedAccuracyAt(double threshold) {
        return interpolate(thresholds, exitedAccuracy, threshold);
    }

    /** Linear interpolation in a strictly increasing table; a value outside it is an error (the caller checks the range). */
    public static double interpolate(double[] xs, double[] ys, double x) {
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

    void validate(String path, Problems p) {
        int n = thresholds.length;
        if (!p.atMost(n, SizeLimits.MAX_CURVE_POINTS, "thresholds", path + ".thresholds")) {
            return;
        }
        if (n == 0) {
            p.add(path + ".thresholds", "needs at least one threshold");
        }
        if (exitRate.length != n) {
            p.add(path + ".exitRate", "has " + exitRate.length + " values but there are " + n + " thresholds");
        }
        if (exitedAccuracy.length != n) {
            p.add(path + ".exitedAccuracy",
                    "has " + exitedAccuracy.length + " values but there are " + n + " thresholds");
        }
        for (int i = 0; i < n; i++) {
            p.unitInterval(thresholds[i], path + ".thresholds[" + i + "]");
            if (i > 0 && !(thresholds[i] > thresholds[i - 1])) {
                p.add(path + ".thresholds[" + i + "]", "thresholds must increase strictly");
            }
        }
        for (int i = 0; i < exitRate.length; i++) {
            p.unitInterval(exitRate[i], path + ".exitRate[" + i + "]");
        }
        for (int i = 0; i < exitedAccuracy.length; i++) {
            p.unitInterval(exitedAccuracy[i], path + ".exitedAccuracy[" + i + "]");
        }
        p.unitInterval(overallAccuracy, path + ".overallAccuracy");
    }
}
