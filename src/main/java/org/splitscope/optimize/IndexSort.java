package org.splitscope.optimize;

/**
 * Sorts indices by a key rising, ties by a second key falling, without boxing: the label
 * programs sort the same few thousand labels again at each of hundreds of previous exits, and
 * the order changes little from one to the next, so a sorted input costs one pass and a nearly
 * sorted one little more.
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
        if (sorted || nearlySorted(idx, size, key, tie)) {
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

    /**
     * Insertion sort over the whole range while it moves few entries (a few labels crossed
     * since the last order): true when done; false, the entries still a permutation, once the
     * moves pass a few per entry, where merging is cheaper.
     */
    private static boolean nearlySorted(int[] idx, int size, double[] key, double[] tie) {
        long moves = 0;
        long most = 4L * size;
        for (int k = 1; k < size; k++) {
            int q = idx[k];
            int m = k - 1;
            while (m >= 0 && before(q, idx[m], key, tie)) {
                idx[m + 1] = idx[m];
                m--;
                moves++;
            }
            idx[m + 1] = q;
            if (moves > most) {
                return false;
            }
        }
        return true;
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
