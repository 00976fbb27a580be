package org.splitscope.report;

import java.util.Locale;

import org.splitscope.chart.Formats;

/**
 * The engine's SI figures in the units a report shows (ms, MB, $). One place, so that the HTML
 * and the PDF of a report print the same strings and tests can look for them; where a report
 * writes a figure as the window does (money, bandwidth) it asks the window's {@link Formats}.
 */
public final class Figures {
    public static final String NONE = "n/a";

    private Figures() {
    }

    public static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
    }

    public static String ms(Double seconds) {
        return seconds == null ? NONE : ms(seconds.doubleValue());
    }

    public static String percent(Double share) {
        return share == null ? "unknown" : String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    public static String usd(double v) {
        return Formats.usd(v);
    }

    public static String usd(Double v) {
        return v == null ? NONE : usd(v.doubleValue());
    }

    public static String rate(Double perSecond) {
        return perSecond == null ? "unbounded" : String.format(Locale.ROOT, "%.2f req/s", perSecond);
    }

    public static String bytes(double b) {
        if (b >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB", b / 1e9);
        }
        if (b >= 1e6) {
            return String.format(Locale.ROOT, "%.2f MB", b / 1e6);
        }
        if (b >= 1e3) {
            return String.format(Locale.ROOT, "%.2f KB", b / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    public static String bandwidth(double bps) {
        return Formats.bandwidth(bps);
    }

    public static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * A parameter value as compactly as it reads when typed: six significant digits, trailing
     * zeros dropped (0.5, not 0.500000; 1e+06, not 1.00000e+06).
     */
    public static String compact(double v) {
        String g = String.format(Locale.ROOT, "%.6g", v);
        int e = g.indexOf('e');
        String mantissa = e < 0 ? g : g.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + g.substring(e);
    }

    /** Whether a plan meets each goal the workload sets ("floor met, SLO missed"); empty when it sets none. */
    public static String goals(org.splitscope.perf.Goals g) {
        java.util.List<String> said = new java.util.ArrayList<>();
        if (g.meetsAccuracyFloor() != null) {
            said.add(g.meetsAccuracyFloor() ? "floor met" : "floor missed");
        }
        if (g.meetsLatencySlo() != null) {
            said.add(g.meetsLatencySlo() ? "SLO met" : "SLO missed");
        }
        if (g.withinBudget() != null) {
            said.add(g.withinBudget() ? "within budget" : "over budget");
        }
        return String.join(", ", said);
    }

    public static String flops(double f) {
        return f >= 1e9 ? String.format(Locale.ROOT, "%.3g GFLOP", f / 1e9)
                : String.format(Locale.ROOT, "%.3g MFLOP", f / 1e6);
    }
}
