package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** R^2 about y = x on hand-computed cases, and the error in percent. */
class RSquaredTest {
    @Test
    void exactPredictionsScoreOne() {
        assertEquals(1.0, RSquared.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void handComputed() {
        // measured 1, 2, 3 (mean 2, spread 2); predicted 1, 2, 4: residual 1 -> 1 - 1/2
        assertEquals(0.5, RSquared.of(new double[] {1, 2, 4}, new double[] {1, 2, 3}), 1e-12);
        // predicting the measured mean everywhere scores 0; worse than that is negative
        assertEquals(0.0, RSquared.of(new double[] {2, 2, 2}, new double[] {1, 2, 3}), 1e-12);
        assertEquals(1 - 8.0 / 2, RSquared.of(new double[] {3, 2, 1}, new double[] {1, 2, 3}), 1e-12);
    }

    @Test
    void aFittedLineIsNotWhatIsScored() {
        // measured = 2 x predicted: a regression would score 1, the y = x line does not
        assertTrue(RSquared.of(new double[] {1, 2, 3}, new double[] {2, 4, 6}) < 0);
    }

    @Test
    void undefinedCases() {
        assertTrue(Double.isNaN(RSquared.of(new double[] {1}, new double[] {1})));
        assertTrue(Double.isNaN(RSquared.of(new double[] {1, 2}, new double[] {3, 3})));
        assertThrows(IllegalArgumentException.class, () -> RSquared.of(new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void errorInPercentIsRelativeToThePrediction() {
        assertEquals(10.0, PlanResult.errorPercent(0.100, 0.110), 1e-9);
        assertEquals(-50.0, PlanResult.errorPercent(4, 2), 1e-9);
    }

    @Test
    void percentileFollowsTheModelsRule() {
        var sample = java.util.List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertEquals(5.0, Measurement.percentile(sample, 0.95), 0); // 0.95 * 5 = 4.75 -> the 5th smallest
        assertEquals(3.0, Measurement.percentile(sample, 0.5), 0);  // 2.5 -> the 3rd
        assertEquals(4.0, Measurement.percentile(sample, 0.8), 0);  // exactly 4 of 5 -> the 4th
    }

    @Test
    void theThroughputBurstLastsFourLatenciesAndAtLeastASecond() {
        // 4 x 0.5 s x 20/s = 40 answer spacings after the first answer
        assertEquals(41, PipelineMeasurement.Options.burstFor(8, 0.5, 20.0));
        // 4 x 90 ms is shorter than a second: 1 s x 200/s
        assertEquals(201, PipelineMeasurement.Options.burstFor(8, 0.090, 200.0));
        assertEquals(8, PipelineMeasurement.Options.burstFor(8, 0.5, 2.0), "never fewer than the requests asked for");
        assertEquals(PipelineMeasurement.MAX_BURST, PipelineMeasurement.Options.burstFor(8, 10, 1000.0));
        assertEquals(8, PipelineMeasurement.Options.burstFor(8, 0.1, null), "no predicted throughput: the requests");
        assertEquals(400.0, PipelineMeasurement.Options.burstRateFor(200.0), 1e-12, "sent at twice the predicted rate");
        assertEquals(0.0, PipelineMeasurement.Options.burstRateFor(null), "all at once without a prediction");
    }
}
