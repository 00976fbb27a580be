package org.splitscope.testbed;

import org.splitscope.model.Plan;
import org.splitscope.perf.Metrics;

/**
 * One plan run on the testbed beside the evaluator's prediction for it.
 *
 * @param shaper              which shaper ran ({@link Shaping#description()})
 * @param predicted           the evaluator's metrics without load
 * @param predictedLoaded     its metrics at the measurement's arrival rate, {@code null} when none ran
 * @param maxOutputDifference largest absolute difference between the pipeline's outputs and the
 *                            whole model's for the same request
 */
public record PlanResult(Plan plan, String shaper, Measurement measured, Metrics predicted, Metrics predictedLoaded,
                         double maxOutputDifference) {
    /** Outputs agree to 1e-5 (ONNX Runtime on the same kernels; only the order of work may differ). */
    public static final double OUTPUT_TOLERANCE = 1e-5;

    public boolean outputsMatch() {
        return maxOutputDifference <= OUTPUT_TOLERANCE;
    }

    /** (measured - predicted) / predicted in percent; positive when the testbed was slower. */
    public static double errorPercent(double predicted, double measured) {
        return (measured - predicted) / predicted * 100;
    }

    public double meanLatencyError() {
        return errorPercent(predicted.latency().mean(), measured.meanLatency());
    }

    public double p95LatencyError() {
        return errorPercent(predicted.latency().p95(), measured.p95Latency());
    }

    /** {@code NaN} when the evaluator predicts no throughput (nothing busy). */
    public double throughputError() {
        return predicted.throughputPerSecond() == null ? Double.NaN
                : errorPercent(predicted.throughputPerSecond(), measured.throughputPerSecond());
    }

    /** {@code NaN} when no loaded phase ran or the evaluator calls the rate saturated. */
    public double loadedLatencyError() {
        return predictedLoaded == null || predictedLoaded.loadedLatency() == null || measured.loadedMeanLatency() == null
                ? Double.NaN : errorPercent(predictedLoaded.loadedLatency().mean(), measured.loadedMeanLatency());
    }
}
