package org.splitscope.cli;

import java.util.Locale;

/** Converts the engine's SI figures into the units people read (ms, MB, Mb/s, $). */
final class Format {
    private Format() {
    }

    static String ms(double seconds) {
        return String.format(Locale.ROOT, "%.3f ms", seconds * 1e3);
    }

    static String ms(Double seconds) {
        return seconds == null ? "n/a" : ms(seconds.doubleValue());
    }

    static String percent(Double share) {
        return share == null ? "unknown" : String.format(Locale.ROOT, "%.2f %%", share * 100);
    }

    static String bytes(double b) {
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

    static String usd(double v) {
        return String.format(Locale.ROOT, "$%.3g", v);
    }

    static String rate(Double perSecond) {
        return perSecond == null ? "unbounded" : String.format(Locale.ROOT, "%.2f req/s", perSecond);
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
