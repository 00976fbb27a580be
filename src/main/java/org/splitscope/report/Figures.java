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

    public static String flops(double f) {
        return f >= 1e9 ? String.format(Locale.ROOT, "%.3g GFLOP", f / 1e9)
                : String.format(Locale.ROOT, "%.3g MFLOP", f / 1e6);
    }
}
