package org.splitscope.chart;

import java.util.Locale;

import org.splitscope.whatif.SweepParameter;

/**
 * The engine's SI figures in the units people read in the window (ms, MB, Mb/s, $). The one place
 * the GUI turns a number into text, so that tests can compare a label with the evaluator's figure.
 */
public final class Formats {
    public static final String NONE = "—";

    private Formats() {
    }

    public static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.2f ms", seconds * 1e3);
    }

    public static String ms(Double seconds) {
        return seconds == null ? NONE : ms(seconds.doubleValue());
    }

    public static String percent(Double share) {
        return share == null ? NONE : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    public static String usd(double v) {
        return String.format(Locale.ROOT, "$%.4g", v);
    }

    public static String rate(Double perSecond) {
        return perSecond == null ? "unbounded" : String.format(Locale.ROOT, "%.1f req/s", perSecond);
    }

    public static String bytes(double b) {
        if (b >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
        }
        if (b >= 1e6) {
            return String.format(Locale.ROOT, "%.2f MB", b / 1e6);
        }
        if (b >= 1e3) {
            return String.format(Locale.ROOT, "%.1f KB", b / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    public static String bandwidth(double bps) {
        return bps >= 1e9 ? String.format(Locale.ROOT, "%.3g Gb/s", bps / 1e9)
                : String.format(Locale.ROOT, "%.3g Mb/s", bps / 1e6);
    }

    public static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A compute rate with its prefix: "12.3 GFLOP/s" rather than "1.23e+10 FLOP/s". */
    public static String flopRate(double perSecond) {
        double a = Math.abs(perSecond);
        return a >= 1e12 ? number(perSecond / 1e12) + " TFLOP/s" : a >= 1e9 ? number(perSecond / 1e9) + " GFLOP/s"
                : a >= 1e6 ? number(perSecond / 1e6) + " MFLOP/s" : number(perSecond) + " FLOP/s";
    }

    /** A what-if parameter's value in the window's units. */
    public static String parameter(SweepParameter p, double v) {
        return switch (p.kind()) {
            case LINK_BANDWIDTH -> bandwidth(v);
            case LINK_LATENCY -> ms(v);
            case NODE_COMPUTE -> flopRate(v);
            case NODE_PRICE -> "$" + number(v);
            case ARRIVAL_RATE -> number(v) + " req/s";
            case ACCURACY_FLOOR -> percent(v);
        };
    }
}
