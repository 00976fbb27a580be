package org.splitscope.optimize;

/**
 * Sorts indices by a key rising, ties by a second key falling, without boxing: the label
 * programs sort the same few thousand labels again at each of hundreds of previous exits, and
 * the order changes little from one to the next, so a sorted input costs one pass.
 */
final class IndexSort {
    private static final int RUN = 24;

    private IndexSort() {
    }

    /** Sorts idx[0..size) by key[idx] rising, then tie[idx] falling; tmp holds at least size ints. */
    static void sort(int[] idx, int size, double[] key, double[] tie, int[] tmp) {
        boolean sorted = true;
        for (int k = 1; k < size && sorted; k++) {
            sorted = !before(idx[k], idx[k - 1], key, tie);
        }
        if (sorted) {
            return;
        }
        for (int from = 0; from < size; from += RUN) {
            insertion(idx, from, Math.min(size, from + RUN), key, tie);
        }
        int[] src = idx;
        int[] dst = tmp;
        for (int width = RUN; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(size, lo + width);
                int hi = Math.min(size, lo + 2 * width);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    dst[k] = j >= hi || i < mid && !before(src[j], src[i], key, tie) ? src[i++] : src[j++];
                }
            }
            int[] swap = src;
            src = dst;
            dst = swap;
        }
        if (src != idx) {
            System.arraycopy(src, 0, idx, 0, size);
        }
    }

    private static void insertion(int[] idx, int from, int to, double[] key, double[] tie) {
        for (int k = from + 1; k < to; k++) {
            int q = idx[k];
            int m = k - 1;
            while (m >= from && before(q, idx[m], key, tie)) {
                idx[m + 1] = idx[m];
                m--;
            }
            idx[m + 1] = q;
        }
    }

    private static boolean before(int p, int q, double[] key, double[] tie) {
        return key[p] < key[q] || key[p] == key[q] && tie[p] > tie[q];
    }
}
