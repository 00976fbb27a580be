package org.splitscope.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounds the text a report shows: a name can be as long as a file allows (megabytes), and a
 * report must stay readable and quick to lay out, so a word (a run without spaces: an id, a
 * name) longer than {@link #MAX_WORD} characters, and a text longer than {@link #MAX_TEXT}, is
 * cut with an ellipsis.
 */
public final class ReportText {
    /** The longest word a report shows whole. */
    public static final int MAX_WORD = 200;
    /** The longest text of one paragraph, cell or caption. */
    public static final int MAX_TEXT = 10_000;
    /** The longest name drawn in a figure, where there is room for little. */
    static final int MAX_DRAWN = 40;
    private static final Pattern LONG_WORD = Pattern.compile("\\S{" + (MAX_WORD + 1) + ",}");
    private static final String ELLIPSIS = "\u2026";

    private ReportText() {
    }

    /** The text with over-long words and an over-long whole cut, each marked with an ellipsis. */
    public static String bounded(String text) {
        if (text == null) {
            return null;
        }
        String s = text.length() > MAX_TEXT ? cut(text, MAX_TEXT) : text;
        Matcher m = LONG_WORD.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(cut(m.group(), MAX_WORD)));
        } while (m.find());
        return m.appendTail(out).toString();
    }

    /** A name drawn in a figure. */
    static String drawn(String name) {
        return name.length() > MAX_DRAWN ? cut(name, MAX_DRAWN) : name;
    }

    private static String cut(String s, int length) {
        int end = length - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + ELLIPSIS;
    }
}
