package org.splitscope.ui.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one numeric field of the window accepts, and the reading of its text: a number (scientific
 * notation allowed), optionally followed by a unit of the field's quantity ("100 Mb/s", "1 Gb/s",
 * "20 ms", "4 GB"), within the field's range. Anything else is refused with a message naming the
 * field and what it accepts; nothing is dropped or guessed, so the value read is always the
 * number typed (converted to the field's display unit when another unit was typed).
 *
 * @param field   the field's name as its label says it, used in messages
 * @param unit    the display unit, and the other units of its quantity that may be typed
 * @param min     lowest value accepted
 * @param minOpen whether {@code min} itself is refused (bandwidth must be greater than 0)
 * @param max     highest value accepted (inclusive)
 * @param integer whether only whole numbers are accepted
 * @param optional whether empty text is accepted (as "none")
 */
public record Quantity(String field, Unit unit, double min, boolean minOpen, double max, boolean integer,
                       boolean optional) {
    private static final Pattern NUMBER =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*)");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+.*");

    /** The units a field is shown in, each with the other units of its quantity a person may type. */
    public enum Unit {
        MEGABITS_PER_SECOND("Mb/s", "b/s", 1e-6, "bps", 1e-6, "kb/s", 1e-3, "kbps", 1e-3, "Mbps", 1, "Mbit/s", 1,
                "Gb/s", 1e3, "Gbps", 1e3, "Gbit/s", 1e3),
        MILLISECONDS("ms", "s", 1e3, "us", 1e-3, "µs", 1e-3),
        SECONDS("s", "ms", 1e-3, "min", 60, "h", 3600),
        GFLOPS("GFLOP/s", "FLOP/s", 1e-9, "MFLOP/s", 1e-3, "TFLOP/s", 1e3),
        GIGABYTES("GB", "B", 1e-9, "kB", 1e-6, "MB", 1e-3, "TB", 1e3, "MiB", 1.048576e-3, "GiB", 1.073741824),
        BYTES("bytes", "B", 1, "kB", 1e3),
        WATTS("W", "mW", 1e-3, "kW", 1e3),
        USD_PER_HOUR("$/h", "$/hour", 1),
        USD_PER_GB("$/GB"),
        USD_PER_GB_SECOND("$/GB-s"),
        USD_PER_MILLION_REQUESTS("$/M requests", "$", 1),
        PERCENT("%"),
        REQUESTS_PER_SECOND("req/s", "/s", 1),
        NONE("");

        private final String symbol;
        private final Map<String, BigDecimal> factors = new LinkedHashMap<>();

        Unit(String symbol, Object... others) {
            this.symbol = symbol;
            if (!symbol.isEmpty()) {
                factors.put(symbol, BigDecimal.ONE);
            }
            for (int i = 0; i < others.length; i += 2) {
                factors.put((String) others[i], new BigDecimal(String.valueOf(((Number) others[i + 1]).doubleValue())));
            }
        }

        public String symbol() {
            return symbol;
        }

        /** The units that may be typed, the display unit first. */
        public String accepted() {
            return String.join(", ", factors.keySet());
        }
    }

    /** A field that accepts from {@code min} (inclusive) to {@code max}. */
    public static Quantity of(String field, Unit unit, double min, double max) {
        return new Quantity(field, unit, min, false, max, false, false);
    }

    /** A field that accepts more than {@code min} up to {@code max}. */
    public static Quantity above(String field, Unit unit, double min, double max) {
        return new Quantity(field, unit, min, true, max, false, false);
    }

    public Quantity wholeNumbers() {
        return new Quantity(field, unit, min, minOpen, max, true, optional);
    }

    /** Empty text is accepted and means no value (a limit that is not set). */
    public Quantity orNone() {
        return new Quantity(field, unit, min, minOpen, max, integer, true);
    }

    /** What the field's text says: a value in the display unit, or why it has none. */
    public record Reading(Double value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    public Reading read(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return optional ? new Reading(null, null) : refuse("enter a number");
        }
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            if (DECIMAL_COMMA.matcher(t).matches()) {
                return refuse("'" + t + "' has a comma; write decimals with a point (" + t.replace(',', '.') + ")");
            }
            return refuse("'" + t + "' is not a number");
        }
        String suffix = m.group(2).strip();
        BigDecimal factor = suffix.isEmpty() ? BigDecimal.ONE : unit.factors.get(suffix);
        if (factor == null) {
            if (suffix.startsWith(",")) {
                return refuse("'" + t + "' has a comma; write decimals with a point and no thousands separator");
            }
            return refuse("'" + suffix + "' is not a unit this field takes"
                    + (unit.factors.isEmpty() ? " (type a plain number)" : " (" + unit.accepted() + ")"));
        }
        BigDecimal typed = new BigDecimal(m.group(1).replace("+", "")).multiply(factor);
        double v = typed.doubleValue();
        if (Double.isInfinite(v)) {
            return refuse("'" + t + "' is too large; " + range());
        }
        if (integer && typed.stripTrailingZeros().scale() > 0) {
            return refuse("'" + t + "' is not a whole number; " + range());
        }
        if (v < min || minOpen && v <= min || v > max) {
            return refuse(format(v) + withUnit() + " is out of range; " + range());
        }
        return new Reading(v == 0 ? 0.0 : v, null);
    }

    private Reading refuse(String why) {
        return new Reading(null, field + ": " + why);
    }

    private String withUnit() {
        return unit.symbol.isEmpty() ? "" : " " + unit.symbol;
    }

    /** The accepted range in words: "enter a number greater than 0 Mb/s". */
    public String range() {
        String low = (minOpen ? "greater than " : "at least ") + format(min);
        String kind = integer ? "a whole number " : "a number ";
        return max == Double.MAX_VALUE ? "enter " + kind + low + withUnit()
                : "enter " + kind + low + " and at most " + format(max) + withUnit();
    }

    /**
     * A value as the field shows it: the number alone, to 12 significant digits with no trailing
     * zeros, plain for everyday magnitudes and in scientific notation otherwise; read back it is
     * the same number.
     */
    public static String format(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e15) {
            return d.toPlainString();
        }
        String[] sci = String.format(Locale.ROOT, "%.11e", v).split("e");
        String mantissa = new BigDecimal(sci[0]).stripTrailingZeros().toPlainString();
        return mantissa + "e" + Integer.parseInt(sci[1]);
    }

    /** The value with its display unit, as problems and messages show it ("0 Mb/s"). */
    public String formatWithUnit(double v) {
        return format(v) + withUnit();
    }
}
