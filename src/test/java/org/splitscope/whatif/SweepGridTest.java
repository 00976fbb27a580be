package org.splitscope.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.Objective;
import org.splitscope.zoo.SampleScenarios;

/** The grid's cells are the one-parameter sweeps' best plans, and regions group exactly the equal cuts and placements. */
class SweepGridTest {
    private final Scenario teaching = SampleScenarios.teaching();
    private final SweepParameter bandwidth = SweepParameter.parse("link:phone-edge.bandwidth");
    private final SweepParameter edge = SweepParameter.parse("node:edge.compute");

    @Test
    void cellsAreTheBestPlansAndRegionsTheirSignatures() {
        double[] xs = Sweep.values(1e5, 1e9, 5, true);
        double[] ys = Sweep.values(1e9, 1e11, 3, true);
        var reoptimize = Sweep.reoptimizing(Objective.MEAN_LATENCY);
        SweepGrid.Result grid = new SweepGrid(teaching, bandwidth, edge, reoptimize).run(xs, ys, p -> { }, () -> false);
        Set<Integer> seen = new HashSet<>();
        for (int j = 0; j < ys.length; j++) {
            Scenario row = edge.apply(teaching, ys[j]);
            for (int i = 0; i < xs.length; i++) {
                var expected = reoptimize.apply(bandwidth.apply(row, xs[i])).plan();
                var point = grid.rows().get(j).get(i);
                assertEquals(expected, point.optimalPlan());
                assertEquals(grid.regions().get(SweepGrid.signature(expected)), grid.region(i, j));
                seen.add(grid.region(i, j));
            }
        }
        assertEquals(grid.regions().size(), seen.size(), "every region labels some cell");
        assertTrue(grid.regions().size() >= 2, "offloading wins somewhere on this grid: " + grid.regions());
    }

    @Test
    void theSameParameterTwiceIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SweepGrid(teaching, bandwidth, bandwidth, null));
        assertTrue(e.getMessage().contains("must differ"));
    }
}
