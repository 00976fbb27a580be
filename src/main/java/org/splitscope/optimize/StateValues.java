package org.splitscope.optimize;

import java.util.Arrays;

/**
 * A value per state of a nested {@link ExitGraph} as floats rounded down (a bound pass's
 * prefixes, a scalar solve's suffixes), holding only the rows (a, ns) of a unit that are reached.
 * On PORTEND's ResNet-110 two rows in three are not, and a floor keeps nine such tables: held in
 * full they were 180 MB a search, most of the program's allocation and so of its garbage
 * collection. Indexed as the programs index their layers: row a pairs + ns of unit x, then kappa
 * below kappaEnd[x].
 */
final class StateValues {
    /** [x][a pairs + ns]: where the row starts in values[x], or -1 where it is not reached (infinite throughout). */
    private final int[][] rowAt;
    private final float[][] values;
    private final int[] width;

    StateValues(ExitGraph g) {
        rowAt = new int[g.last + 1][];
        values = new float[g.last + 1][];
        width = g.kappaEnd;
    }

    /**
     * Keeps unit x's rows a = 1..rows - 1 of a program's layer, laid out as the stored ones,
     * [(a pairs + ns) kEnd + kappa], rounded down; the rows not reached are left out.
     */
    void put(int x, double[] layer, boolean[] reached, int rows, int pairs) {
        int kEnd = width[x];
        int[] at = new int[rows * pairs];
        Arrays.fill(at, -1);
        int kept = 0;
        for (int r = pairs; r < rows * pairs; r++) {
            if (reached[r]) {
                at[r] = kept;
                kept += kEnd;
            }
        }
        float[] out = new float[kept];
        for (int r = pairs; r < rows * pairs; r++) {
            int to = at[r];
            if (to < 0) {
                continue;
            }
            int from = r * kEnd;
            for (int k = 0; k < kEnd; k++) {
                out[to + k] = ExitBounds.down(layer[from + k]);
            }
        }
        rowAt[x] = at;
        values[x] = out;
    }

    /**
     * Keeps unit x's values laid out by rows already, [at[row] + kappa] where at[row] >= 0 (not
     * reached elsewhere), rounded down; at is kept as it is.
     */
    void put(int x, int[] at, double[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = ExitBounds.down(rows[i]);
        }
        rowAt[x] = at;
        values[x] = out;
    }

    /** Where row (a pairs + ns) of unit x starts in {@link #values(int)}, or -1 where it is not reached. */
    int row(int x, int row) {
        return rowAt[x][row];
    }

    /** Unit x's kept rows, each kappaEnd[x] long. */
    float[] values(int x) {
        return values[x];
    }

    /** The value at state (x, row, kappa): infinite where the row is not reached. */
    double at(int x, int row, int kappa) {
        int at = rowAt[x][row];
        return at < 0 ? Double.POSITIVE_INFINITY : values[x][at + kappa];
    }

    /** Unit x in full, [(a pairs + ns) kappaEnd[x] + kappa], infinite where not reached and 0 in the rows of a = 0 (for tests). */
    float[] dense(int x) {
        int kEnd = width[x];
        float[] out = new float[rowAt[x].length * kEnd];
        for (int r = 0; r < rowAt[x].length; r++) {
            int at = rowAt[x][r];
            if (at >= 0) {
                System.arraycopy(values[x], at, out, r * kEnd, kEnd);
            } else if (r >= rowAt[x].length / (x + 1)) {
                Arrays.fill(out, r * kEnd, (r + 1) * kEnd, Float.POSITIVE_INFINITY);
            }
        }
        return out;
    }
}
