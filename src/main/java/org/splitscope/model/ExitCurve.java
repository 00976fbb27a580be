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
