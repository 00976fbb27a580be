package org.splitscope.optimize;

/**
 * The previous exits (kappas) that some stage sequence brings to each stage start (a, ns) of an
 * {@link ExitGraph} where exits sit only at stage ends: {@link ExitStageScalar} solves only
 * those. With few stages most stage starts see two or three of them.
 */
final class PreviousExits {
    private PreviousExits() {
    }

    /**
     * [a pairs + ns]: the kappas that reach a stage starting at a on ns, forward over stage
     * starts: the first stage brings no exit, a stage end with its exit off passes its kappas on,
     * one with its exit on brings that exit at each threshold (clipped shares included: a
     * superset of what the stage program reads is enough).
     */
    static int[][] byStageStart(ExitGraph g) {
        int pairs = g.pairs;
        int words = (g.kappas + 63) >>> 6;
        long[] bits = new long[(g.last + 2) * pairs * words];
        for (int n = 0; n < g.rules.nodeCount; n++) {
            int ns = g.firstPair(n);
            if (ns >= 0) {
                bits[(pairs + ns) * words] |= 1L;
            }
        }
        int[][] lists = new int[(g.last + 2) * pairs][];
        for (int a = 1; a <= g.last; a++) {
            for (int ns = 0; ns < pairs; ns++) {
                int from = (a * pairs + ns) * words;
                lists[a * pairs + ns] = list(bits, from, words);
                if (lists[a * pairs + ns].length == 0) {
                    continue;
                }
                int n = g.nsNode[ns];
                for (int b = a; b < g.last; b++) {
                    if (g.firstStart[b][n] > a) {
                        continue;
                    }
                    int e = g.cc.exitAt[b];
                    boolean exitHere = e >= 0 && g.rules.mayRun(b, n, true);
                    for (int m = 0; m < g.rules.nodeCount; m++) {
                        int s2 = g.followingState(n, g.nsState[ns], m);
                        if (s2 < 0) {
                            continue;
                        }
                        int to = ((b + 1) * pairs + g.nsOf[m][s2]) * words;
                        for (int w = 0; w < words; w++) {
                            bits[to + w] |= bits[from + w];
                        }
                        for (int t = 0; exitHere && t < g.grid[e].length; t++) {
                            int k = g.nested ? g.kappaBase[e] + t : 0;
                            bits[to + (k >>> 6)] |= 1L << k;
                        }
                    }
                }
            }
        }
        for (int i = 0; i < lists.length; i++) {
            if (lists[i] == null) {
                lists[i] = new int[0];
            }
        }
        return lists;
    }

    /** The kappas whose bits are set in bits[from .. from + words). */
    private static int[] list(long[] bits, int from, int words) {
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(bits[from + w]);
        }
        int[] out = new int[count];
        int i = 0;
        for (int w = 0; w < words; w++) {
            for (long word = bits[from + w]; word != 0; word &= word - 1) {
                out[i++] = w * 64 + Long.numberOfTrailingZeros(word);
            }
        }
        return out;
    }
}
