package org.splitscope.testbed;

/**
 * The coefficient of determination of measured values against predicted ones about the line
 * y = x (not a fitted line): {@code 1 - sum (m - p)^2 / sum (m - mean m)^2}. 1 means every
 * prediction is exact; 0, no better than predicting the measured mean for every plan; it can be
 * negative. The usual score of a latency predictor over a set of partitions (PORTEND's profiling
 * comparison reports RMSE of the same pairs). O(n).
 */
public final class RSquared {
    private RSquared() {
    }

    /** @return NaN when fewer than two pairs or the measured values do not vary */
    public static double of(double[] predicted, double[] measured) {
        if (predicted.length != measured.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + measured.length + " measurements");
        }
        int n = measured.length;
        double mean = 0;
        for (double m : measured) {
            mean += m / n;
        }
        double residual = 0;
        double spread = 0;
        for (int i = 0; i < n; i++) {
            residual += (measured[i] - predicted[i]) * (measured[i] - predicted[i]);
            spread += (measured[i] - mean) * (measured[i] - mean);
        }
        return n < 2 || spread == 0 ? Double.NaN : 1 - residual / spread;
    }
}
