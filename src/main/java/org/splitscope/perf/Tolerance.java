package org.splitscope.perf;

/**
 * The one place floating-point results are compared. Relative tolerance, with an absolute floor
 * so that values near zero compare sensibly.
 */
public final class Tolerance {
    public static final double RELATIVE = 1e-9;
    public static final double ABSOLUTE = 1e-15;

    private Tolerance() {
    }

    public static boolean equal(double a, double b) {
        return Math.abs(a - b) <= Math.max(ABSOLUTE, RELATIVE * Math.max(Math.abs(a), Math.abs(b)));
    }

    /** a < b by more than the tolerance. */
    public static boolean less(double a, double b) {
        return a < b && !equal(a, b);
    }

    public static int compare(double a, double b) {
        return equal(a, b) ? 0 : Double.compare(a, b);
    }
}
