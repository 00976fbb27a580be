package org.splitscope.cli;

import java.util.Locale;

import org.splitscope.report.Figures;

/**
 * Converts the engine's SI figures into the units people read (ms, MB, Mb/s, $): as a report
 * prints them ({@link Figures}), except money, which the terminal shows to three digits.
 */
final class Format {
    private Format() {
    }

    static String ms(double seconds) {
        return Figures.ms(seconds);
    }

    static String ms(Double seconds) {
        return Figures.ms(seconds);
    }

    static String percent(Double share) {
        return Figures.percent(share);
    }

    static String bytes(double b) {
        return Figures.bytes(b);
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "$%.3g", v);
    }

    static String rate(Double perSecond) {
        return Figures.rate(perSecond);
    }

    /** A swept value as typed: {@link Figures#compact}. */
    static String value(double v) {
        return Figures.compact(v);
    }

    static String number(double v) {
        return Figures.number(v);
    }
}
