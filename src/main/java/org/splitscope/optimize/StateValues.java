package org.splitscope.optimize;

import java.util.Arrays;

/**
 * A value per state of a nested {@link ExitGraph} as floats rounded down (a bound pass's
 * prefixes, a scalar solve's suffixes), holding only the rows (a, ns) of a unit that are reached.
 * On PORTEND's ResNet-110 two rows in three are not, and a floor keeps nine such tables: held in
 * full they were 180 MB a search, most of the program's allocation and so of its garbage
 * collection. The rows of every unit lie in one array: that large, the collector leaves it in
 * place instead of copying it at each young collection while the search still holds it.
 */
final class StateValues {
    /** [x][a pairs + ns]: where the row starts in values, or -1 where it is not reached (infinite throughout). */
    private final int[][] rowAt;
    private float[] values;
    private int size;
    private final int[] width;

    private StateValues(ExitGraph g, int[][] rowAt, float[] values) {
        this.rowAt = rowAt;
        this.values = values;
        this.width = g.kappaEnd;
    }

    /** An empty table for {@link #put}, sized for the rows a stage sequence reaches (grown if more are put). */
    StateValues(ExitGraph g) {
        this(g, new int[g.last + 1][], new float[stageRows(g)]);
    }

    private static int stageRows(ExitGraph g) {
        int room = 0;
        for (int x = 1; x <= g.last; x++) {
            for (int r = g.pairs; r < (x + 1) * g.pairs; r++) {
                room += x <= g.stageReach[r] ? g.kappaEnd[x] : 0;
            }
        }
        return room;
    }

    /** A table of values laid out by rows already, [at[x][row] + kappa] (at is kept as it is), rounded down. */
    static StateValues rounded(ExitGraph g, int[][] at, double[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = ExitBounds.down(rows[i]);
        }
        StateValues table = new StateValues(g, at, out);
        table.size = out.length;
        return table;
    }

    /**
     * Keeps unit x's rows a = 1..rows - 1 of a program's layer, laid out as [(a pairs + ns) kEnd +
     * kappa], rounded down; the rows not reached are left out.
     */
    void put(int x, double[] layer, boolean[] reached, int rows, int pairs) {
        int kEnd = width[x];
        int[] at = new int[rows * pairs];
        Arrays.fill(at, -1);
        for (int r = pairs; r < rows * pairs; r++) {
            if (!reached[r]) {
                continue;
            }
            if (size + kEnd > values.length) {
                values = Arrays.copyOf(values, Math.max(size + kEnd, values.length + values.length / 2));
            }
            at[r] = size;
            int from = r * kEnd;
            for (int k = 0; k < kEnd; k++) {
                values[size + k] = ExitBounds.down(layer[from + k]);
            }
            size += kEnd;
        }
        rowAt[x] = at;
    }

    /** Where row (a pairs + ns) of unit x starts in {@link #values(int)}, or -1 where it is not reached. */
    int row(int x, int row) {
        return rowAt[x][row];
    }

    /** The array that unit x's kept rows lie in, each kappaEnd[x] long from {@link #row}. */
    float[] values(int x) {
        return values;
    }

    /** The value at state (x, row, kappa): infinite where the row is not reached. */
    double at(int x, int row, int kappa) {
        int at = rowAt[x][row];
        return at < 0 ? Double.POSITIVE_INFINITY : values[at + kappa];
    }

    /** How many values the table holds: kappaEnd[x] for each reached row of each unit x. */
    int size() {
        return size;
    }

    /** Unit x in full, [(a pairs + ns) kappaEnd[x] + kappa], infinite where not reached and 0 in the rows of a = 0 (for tests). */
    float[] dense(int x) {
        int kEnd = width[x];
        int pairs = rowAt[x].length / (x + 1);
        float[] out = new float[rowAt[x].length * kEnd];
        for (int r = pairs; r < rowAt[x].length; r++) {
            int at = rowAt[x][r];
            if (at >= 0) {
                System.arraycopy(values, at, out, r * kEnd, kEnd);
            } else {
                Arrays.fill(out, r * kEnd, (r + 1) * kEnd, Float.POSITIVE_INFINITY);
            }
        }
        return out;
    }
}
