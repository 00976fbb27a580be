package org.splitscope.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;

/** Sweeps are bounded before memory is spent, and their values stay finite over the whole double range. */
class SweepLimitsTest {
    private static final Scenario TEACHING = ScenarioFiles.read(Path.of("sample-scenarios", "teaching.json")).orElseThrow();

    @Test
    void tooManyStepsAreRefusedBeforeTheValuesAreAllocated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sweep.values(0, 1, Integer.MAX_VALUE, false));
        assertEquals("a sweep has at most 10000 values, got 2147483647", e.getMessage());
        assertEquals(Sweep.MAX_POINTS, Sweep.values(0, 1, Sweep.MAX_POINTS, false).length);
    }

    @Test
    void aGridAboveItsLimitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepGrid.checkSize(3000, 3000));
        assertTrue(e.getMessage().startsWith("3000 x 3000 = 9000000 grid points; a grid has at most 40000"), e.getMessage());
        SweepGrid.checkSize(200, 200);
        SweepGrid grid = new SweepGrid(TEACHING, SweepParameter.parse("workload.rate"),
                SweepParameter.parse("workload.accuracyFloor"), s -> null);
        assertThrows(IllegalArgumentException.class,
                () -> grid.run(new double[201], new double[200], d -> { }, () -> false));
    }

    @Test
    void valuesOverTheWholeDoubleRangeAreFinite() {
        for (double[] v : List.of(Sweep.values(-Double.MAX_VALUE, Double.MAX_VALUE, 7, false),
                Sweep.values(Double.MIN_VALUE, Double.MAX_VALUE, 7, true), Sweep.values(1e-320, 1e308, 5, true))) {
            for (double x : v) {
                assertTrue(Double.isFinite(x), java.util.Arrays.toString(v));
            }
        }
        double[] v = Sweep.values(-Double.MAX_VALUE, Double.MAX_VALUE, 3, false);
        assertEquals(List.of(-Double.MAX_VALUE, 0.0, Double.MAX_VALUE), List.of(v[0], v[1], v[2]));
    }

    @Test
    void pointsOutsideAFieldsRangeAreInvalidNamingTheField() {
        List<SweepPoint> points = new Sweep(TEACHING, SweepParameter.parse("link:phone-edge.bandwidth"), null)
                .run(new double[] {1e-320, 1e3, 1e6, 1e9, 1e308}, d -> { }, () -> false);
        assertTrue(points.get(0).problems().get(0).toString().startsWith(
                "topology.links[0].bandwidthBps: must be from 1 to 1e15 bit/s"), points.get(0).problems().toString());
        assertTrue(points.get(4).problems().get(0).toString().contains("got 1e308"), points.get(4).problems().toString());
        assertTrue(points.get(2).valid(), "a value in range evaluates: " + points.get(2).problems());
    }
}
