package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@link IndexSort} orders indices exactly as a comparator sort does, on sorted, shuffled, nearly sorted and tied keys. */
class IndexSortProperties {
    @Property(tries = 500)
    void ordersLikeTheComparator(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int size,
                                 @ForAll @IntRange(min = 1, max = 50) int distinct) {
        Random r = new Random(seed);
        double[] key = new double[size];
        double[] tie = new double[size];
        for (int i = 0; i < size; i++) {
            key[i] = r.nextInt(distinct) * 0.25;
            tie[i] = r.nextInt(distinct);
        }
        int shape = r.nextInt(4);
        if (shape > 0) {
            Arrays.sort(key); // already sorted input takes the one-pass path
        }
        for (int swaps = shape == 2 ? r.nextInt(size + 1) : 0; swaps > 0 && size > 1; swaps--) {
            int i = r.nextInt(size); // nearly sorted: insertion while few move, merging past that
            int j = Math.min(size - 1, i + 1 + r.nextInt(1 + size / 10));
            double t = key[i];
            key[i] = key[j];
            key[j] = t;
        }
        for (int moves = shape == 3 ? r.nextInt(size / 4 + 1) : 0; moves > 0 && size > 1; moves--) {
            // a few far: a label whose line crossed many others (lifted and merged back, or past an
            // eighth of them, sorted as before)
            int from = r.nextInt(size);
            int to = r.nextInt(size);
            double moved = key[from];
            if (from < to) {
                System.arraycopy(key, from + 1, key, from, to - from);
            } else {
                System.arraycopy(key, to, key, to + 1, from - to);
            }
            key[to] = moved;
        }
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        IndexSort.sort(idx, size, key, tie, new int[size]);
        Integer[] expected = new Integer[size];
        for (int i = 0; i < size; i++) {
            expected[i] = i;
        }
        Arrays.sort(expected, Comparator.<Integer>comparingDouble(i -> key[i]).thenComparing(i -> -tie[i]));
        double[][] got = new double[size][];
        double[][] want = new double[size][];
        for (int i = 0; i < size; i++) {
            got[i] = new double[] {key[idx[i]], tie[idx[i]]};
            want[i] = new double[] {key[expected[i]], tie[expected[i]]};
        }
        assertArrayEquals(want, got);
        int[] seen = idx.clone();
        Arrays.sort(seen);
        for (int i = 0; i < size; i++) {
            assertArrayEquals(new int[] {i}, new int[] {seen[i]}); // a permutation
        }
    }
}
