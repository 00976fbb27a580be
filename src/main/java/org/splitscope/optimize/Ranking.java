package org.splitscope.optimize;

import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * The order of section 5 of the performance model: the objective, then mean latency, cost,
 * higher accuracy, fewer stages. A plan's rank key is that vector (smaller is better), compared
 * component by component through {@link Tolerance}.
 */
final class Ranking {
    static final int SIZE = 5;

    private Ranking() {
    }

    static double[] key(Objective objective, Metrics m, int stages) {
        return new double[] {objective.oriented(m), m.meanLatency(), m.costUsdPerRequest(),
                m.accuracy() == null ? 0 : -m.accuracy(), stages};
    }

    /** Tolerant lexicographic comparison of two keys. */
    static int compare(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Tolerance.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Exact lexicographic comparison, for sorting (it is transitive, the tolerant one is not). */
    static int compareExactly(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Double.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
