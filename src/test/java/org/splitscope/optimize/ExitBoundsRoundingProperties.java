package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The bounds are stored as floats that must never rise above the double they stand for (a
 * bound rounded up could prune the optimum), and should lose little more than a float's rounding.
 */
class ExitBoundsRoundingProperties {
    @Property(tries = 5000)
    void aStoredBoundIsNeverAboveItsValueAndClose(@ForAll double v) {
        float f = ExitBounds.down(v);
        assertTrue(f <= v, () -> v + " stored as " + f);
        if (Math.abs(v) >= 1e-30 && Math.abs(v) <= Float.MAX_VALUE / 2) {
            assertTrue(v - f <= Math.abs(v) * 0x1p-21, () -> v + " stored as " + f + ", too far below");
        }
    }

    @Property(tries = 2000)
    void valuesAtTheScaleOfSecondsAndAccuracies(@ForAll("seconds") double v) {
        float f = ExitBounds.down(v);
        assertTrue(f <= v && v - f <= Math.abs(v) * 0x1p-21, () -> v + " stored as " + f);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Double> seconds() {
        return net.jqwik.api.Arbitraries.doubles().between(-10, 10);
    }

    /** Between 1e38 and the largest float the bound was the largest float, above the value. */
    @Example
    void hugeValuesBelowTheLargestFloatStayBelowThemselves() {
        for (double v : new double[] {1.5e38, 2e38, 3.4e38, Float.MAX_VALUE, 1e39, Double.MAX_VALUE}) {
            float f = ExitBounds.down(v);
            assertTrue(f <= v && f >= v * (1 - 0x1p-21) || v > Float.MAX_VALUE && f == Float.MAX_VALUE, v + " stored as " + f);
        }
    }

    @Example
    void unreachableStaysUnreachableAndZeroStaysZero() {
        assertEquals(Float.POSITIVE_INFINITY, ExitBounds.down(Double.POSITIVE_INFINITY));
        assertEquals(0f, ExitBounds.down(0));
        assertTrue(ExitBounds.down(1e-40) <= 1e-40 && ExitBounds.down(-1e-40) <= -1e-40);
    }
}
