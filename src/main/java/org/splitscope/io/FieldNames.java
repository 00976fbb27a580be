package org.splitscope.io;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions for a misspelt field name (JSON fields, CSV columns). */
public final class FieldNames {
    private FieldNames() {
    }

    /**
     * The allowed name closest to {@code name} by edit distance (ignoring case), or {@code null}
     * when none is close enough to be a plausible typo. A name that is a prefix of an allowed one
     * ("bandwidth" for "bandwidthBps") counts as close whatever the distance, because leaving the
     * unit suffix off is the commonest slip.
     */
    public static String closest(String name, Collection<String> allowed) {
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int d = distance(lower, c);
            boolean plausible = d <= Math.max(2, lower.length() / 3) || c.startsWith(lower) || lower.startsWith(c);
            if (plausible && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
