package org.splitscope.model;

import java.math.BigDecimal;

/**
 * The plausible values of one numeric field, in the field's unit. Values outside are refused by
 * validation; together the ranges keep every figure the evaluator derives from them finite.
 *
 * @param zeroAllowed whether 0 is accepted below {@code min} (e.g. "0, or from 1e-6 to 1e15 bytes":
 *                    a denormal 1e-320 is no amount, and its reciprocal overflows)
 * @param unit        the unit in the user's words, e.g. {@code "bit/s"}; empty for a plain number
 */
public record FieldRange(double min, double max, boolean zeroAllowed, String unit) {
    public static FieldRange of(double min, double max, String unit) {
        return new FieldRange(min, max, false, unit);
    }

    public static FieldRange zeroOr(double min, double max, String unit) {
        return new FieldRange(min, max, true, unit);
    }

    public boolean contains(double v) {
        return (v >= min && v <= max) || (zeroAllowed && v == 0);
    }

    /** The range in words, e.g. {@code 0, or from 1e-6 to 1e15 bytes}. */
    public String describe() {
        String span = "from " + number(min) + " to " + number(max) + (unit.isEmpty() ? "" : " " + unit);
        return zeroAllowed ? "0, or " + span : span;
    }

    /** A number as people write it: {@code 1500}, {@code 0.001}, {@code 1e15}, {@code 1e-320}. */
    public static String number(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
        BigDecimal d = new BigDecimal(Double.toString(a)).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale();
        return (v < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "") + "e" + exponent;
    }

    /** A computed figure as people read it, to four significant digits: {@code 1.942}, not {@code 1.9415333249999993}. */
    public static String about(double v) {
        return Double.isFinite(v) && v != 0 ? number(new BigDecimal(v).round(new java.math.MathContext(4)).doubleValue()) : number(v);
    }
}
