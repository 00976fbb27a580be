package org.splitscope.model;

/**
 * The thresholds an exit accepts: its curve table's range when the profile has curves (the
 * evaluator rejects anything outside), otherwise [0, 1].
 */
public record ExitRange(double min, double max) {
    public static ExitRange of(ModelProfile profile, int exitIndex) {
        if (profile.exitStats() instanceof CurveStats cs && exitIndex < cs.curves().size()) {
            double[] t = cs.curves().get(exitIndex).thresholds();
            if (t.length > 0) {
                return new ExitRange(t[0], t[t.length - 1]);
            }
        }
        return new ExitRange(0, 1);
    }

    public double clamp(double v) {
        return Math.max(min, Math.min(max, v));
    }

    /** The point a fraction f of the way from min to max. */
    public double at(double f) {
        return min + f * (max - min);
    }

    public double middle() {
        return at(0.5);
    }
}
