package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;

/** The estimate against measured times, and the rate fitted through the origin. */
class CalibrationTest {
    private static final Topology TOPOLOGY = new Topology(List.of(new Node("dev", 0, "board", 1e9), new Node("srv", 1, "gpu", 1e12)),
            List.of(new Link("dev", "srv", 1e8, 0.001)), "dev", null, null, null);

    private static ModelProfile profile(Double... seconds) {
        double[] flops = {1e6, 4e6, 0, 2e6};
        List<Unit> units = new java.util.ArrayList<>();
        for (int i = 0; i < flops.length; i++) {
            units.add(new Unit("u" + (i + 1), null, flops[i], 0, 10, seconds[i] == null ? null : Map.of("board", seconds[i]), null));
        }
        return new ModelProfile("m", null, 100, null, units, null, null, null, null, null, null);
    }

    @Test
    void timesExactlyProportionalToFlopsGiveTheirRate() {
        // 4e9 FLOP/s exactly; the FLOP-free unit's 0.5 ms does not enter the fit
        Calibration c = Calibration.of(profile(0.25e-3, 1e-3, 0.5e-3, 0.5e-3), TOPOLOGY,
                new Plan(List.of(new Stage(1, 2, "dev"), new Stage(3, 4, "srv"))), "board");
        assertEquals(4e9, c.fittedRate(), 1e-3);
        assertEquals(1e9, c.rate());
        assertEquals(1e-3, c.units().get(0).estimatedSeconds(), 1e-18);
        assertEquals(3.0, c.units().get(0).relativeError(), 1e-12);
        assertEquals(1, c.stages().size()); // stage 2 runs on another class
        assertEquals(5e-3, c.stages().get(0).estimatedSeconds(), 1e-15);
        assertEquals(1.25e-3, c.stages().get(0).measuredSeconds(), 1e-15);
    }

    @Test
    void theFitWeighsLargeUnitsMostAndSkipsUnitsWithoutATime() {
        Calibration c = Calibration.of(profile(2e-3, 2e-3, null, null), TOPOLOGY, new Plan(List.of(new Stage(1, 4, "dev"))), "board");
        // rate = sum(f^2) / sum(f t) = (1e12 + 16e12) / (1e6*2e-3 + 4e6*2e-3)
        assertEquals(17e12 / 10e3, c.fittedRate(), 1e-3);
        assertNull(c.units().get(2).measuredSeconds());
        // units without a time count their estimate in both stage figures
        assertEquals(4e-3 + 2e-6 * 1e3, c.stages().get(0).measuredSeconds(), 1e-15);
        Calibration flopFree = Calibration.of(profile(null, null, 1e-3, null), TOPOLOGY, new Plan(List.of(new Stage(1, 2, "dev"),
                new Stage(3, 4, "dev"))), "board");
        assertNull(flopFree.fittedRate());
        assertNull(flopFree.stages().get(0).relativeError()); // no unit of stage 1 was measured
        assertEquals(1, flopFree.stages().get(1).measuredUnits());
        assertNull(Calibration.of(profile(null, null, null, null), TOPOLOGY, new Plan(List.of(new Stage(1, 4, "dev"))), "phone"));
    }
}
