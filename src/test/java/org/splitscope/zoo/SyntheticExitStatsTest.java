package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SampleStats;

class SyntheticExitStatsTest {
    private static final double[] DEPTHS = {0.02, 0.34, 0.67};
    private final SyntheticExitStats generator = new SyntheticExitStats(7, 0.935, 10);

    @Test
    void aSeedGivesTheSameNumbersEveryTime() {
        SampleStats a = generator.samples(DEPTHS, 500, ExitCriterion.MAX_PROB);
        SampleStats b = new SyntheticExitStats(7, 0.935, 10).samples(DEPTHS, 500, ExitCriterion.MAX_PROB);
        for (int e = 0; e < DEPTHS.length; e++) {
            assertArrayEquals(a.confidence()[e], b.confidence()[e]);
            assertArrayEquals(a.correct()[e], b.correct()[e]);
        }
        assertArrayEquals(a.correctFinal(), b.correctFinal());
        SampleStats other = new SyntheticExitStats(8, 0.935, 10).samples(DEPTHS, 500, ExitCriterion.MAX_PROB);
        assertFalse(Arrays.equals(a.confidence()[0], other.confidence()[0]));
    }

    @Test
    void arraysHaveOneRowPerExitAndOneColumnPerSample() {
        SampleStats s = generator.samples(DEPTHS, 321, ExitCriterion.ENTROPY);
        assertEquals(3, s.confidence().length);
        assertEquals(3, s.correct().length);
        assertEquals(321, s.sampleCount());
        for (int e = 0; e < 3; e++) {
            assertEquals(321, s.confidence()[e].length);
            assertEquals(321, s.correct()[e].length);
            for (double c : s.confidence()[e]) {
                assertTrue(c >= 0 && c <= 1);
            }
        }
    }

    @Test
    void theFinalClassifierHasTheRequestedAccuracy() {
        for (ExitCriterion criterion : ExitCriterion.values()) {
            SampleStats s = generator.samples(DEPTHS, 2000, criterion);
            assertEquals(0.935, share(s.correctFinal()), 0.02, criterion.toString());
        }
        SampleStats low = new SyntheticExitStats(3, 0.6, 100).samples(DEPTHS, 2000, ExitCriterion.MAX_PROB);
        assertEquals(0.6, share(low.correctFinal()), 0.03);
    }

    @Test
    void laterExitsAreMoreConfidentAndMoreAccurate() {
        SampleStats p = generator.samples(DEPTHS, 2000, ExitCriterion.MAX_PROB);
        SampleStats h = generator.samples(DEPTHS, 2000, ExitCriterion.ENTROPY);
        for (int e = 1; e < DEPTHS.length; e++) {
            assertTrue(mean(p.confidence()[e]) > mean(p.confidence()[e - 1]), "max probability rises");
            assertTrue(mean(h.confidence()[e]) < mean(h.confidence()[e - 1]), "entropy falls");
            assertTrue(share(p.correct()[e]) > share(p.correct()[e - 1]), "accuracy rises");
        }
        assertTrue(share(p.correctFinal()) > share(p.correct()[DEPTHS.length - 1]));
    }

    @Test
    void confidentSamplesAreRightMoreOften() {
        SampleStats s = generator.samples(DEPTHS, 2000, ExitCriterion.MAX_PROB);
        double confident = 0;
        double right = 0;
        double expected = 0;
        for (int i = 0; i < s.sampleCount(); i++) {
            if (s.confidence()[1][i] >= 0.9) {
                confident++;
                right += s.correct()[1][i] ? 1 : 0;
                expected += s.confidence()[1][i];
            }
        }
        assertEquals(expected / confident, right / confident, 0.03, "calibrated");
        assertTrue(right / confident > share(s.correct()[1]));
    }

    @Test
    void normalizedEntropyRunsFromOneToZero() {
        assertEquals(1, generator.normalizedEntropy(0.1), 1e-12);
        assertEquals(0, generator.normalizedEntropy(1), 1e-12);
        for (double p = 0.15; p < 1; p += 0.05) {
            assertTrue(generator.normalizedEntropy(p) < generator.normalizedEntropy(p - 0.05));
        }
    }

    @Test
    void attachingGivesAValidProfileLabelledSynthetic() {
        ModelProfile base = CifarResNet.profile(56, Granularity.BLOCKS);
        List<ExitHead> exits = CifarResNet.exits(56, Granularity.BLOCKS);
        ModelProfile p = generator.attach(base, exits, ExitCriterion.ENTROPY, 100);
        assertEquals(List.of(), p.validate("profile"));
        assertEquals(ExitCriterion.ENTROPY, p.criterion());
        assertTrue(p.description().contains("SYNTHETIC"));
        assertEquals(0.0, SyntheticExitStats.depthFraction(base.units(), 0));
        assertEquals(1.0, SyntheticExitStats.depthFraction(base.units(), base.unitCount()), 1e-12);
    }

    @Test
    void curvesFromSamples() {
        SampleStats s = generator.samples(DEPTHS, 1000, ExitCriterion.MAX_PROB);
        double[] thresholds = {0, 0.25, 0.5, 0.75, 1};
        CurveStats c = SyntheticExitStats.curves(s, ExitCriterion.MAX_PROB, thresholds, CurveCombination.NESTED);
        assertEquals(3, c.curves().size());
        assertEquals(CurveCombination.NESTED, c.combination());
        assertEquals(share(s.correctFinal()), c.finalAccuracy());
        for (int e = 0; e < 3; e++) {
            double[] rate = c.curves().get(e).exitRate();
            assertEquals(1.0, rate[0], "every sample passes threshold 0");
            assertEquals(share(s.correct()[e]), c.curves().get(e).exitedAccuracy()[0], 1e-12);
            for (int t = 1; t < thresholds.length; t++) {
                assertTrue(rate[t] <= rate[t - 1]);
            }
        }
    }

    @Test
    void impossibleAccuraciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticExitStats(1, 0.05, 10));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticExitStats(1, 1.0, 10));
    }

    private static double share(boolean[] values) {
        int n = 0;
        for (boolean v : values) {
            n += v ? 1 : 0;
        }
        return (double) n / values.length;
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
