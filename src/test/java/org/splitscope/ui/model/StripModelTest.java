package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.ExitRange;
import org.splitscope.perf.Metrics;
import org.splitscope.zoo.SampleScenarios;

/** What the strip draws: bars by stage and node, DNNSplit candidates, exits with the evaluator's shares. */
class StripModelTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
    private final LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
    private final StripModel strip = new StripModel(doc, metrics);

    @Test
    void barsFollowTheStagesAndTheirNodes() {
        StripData d = strip.getData();
        assertEquals(6, d.unitCount());
        assertEquals(List.of(0, 0, 0, 0, 1, 1), d.bars().stream().map(StripData.Bar::stage).toList());
        assertEquals(List.of(0, 0, 0, 0, 1, 1), d.bars().stream().map(StripData.Bar::colour).toList());
        assertEquals(200e6, d.maxHeight());
        assertEquals(400e3, d.maxCutBytes());
        assertEquals(List.of(4), d.cuts());
    }

    @Test
    void widthModesPlaceBoundariesByShareOfFlopsOrWeights() {
        double[] even = strip.getData().boundaries();
        assertEquals(7, even.length);
        assertEquals(0.5, even[3], 1e-12);
        strip.widthModeProperty().set(WidthMode.FLOPS);
        double[] byFlops = strip.getData().boundaries();
        assertEquals(0, byFlops[0]);
        assertEquals(1, byFlops[6]);
        var units = doc.getScenario().profile().units();
        double total = units.stream().mapToDouble(u -> u.flops()).sum();
        double floor = 0.1 * total / 6;
        double wider = (units.get(0).flops() + floor) / (total + 6 * floor);
        assertEquals(wider, byFlops[1], 1e-12, "unit 1's share of the FLOPs, plus the small floor every unit gets");
        for (int i = 1; i < byFlops.length; i++) {
            assertTrue(byFlops[i] > byFlops[i - 1], "every unit keeps a width to grab");
        }
    }

    @Test
    void candidatesAreTheStrictPrefixMinimaOfCutBytesInsideTheModel() {
        // input 150 KB; cuts 400, 100, 200, 50, 50, 1 KB: minima after units 2 and 4 (6 is the end)
        assertEquals(List.of(2, 4), strip.getData().candidates());
    }

    @Test
    void timeModeShowsEachUnitsSecondsOnItsNode() {
        strip.heightModeProperty().set(HeightMode.TIME);
        StripData d = strip.getData();
        assertEquals(100e6 / 1e9, d.bars().get(0).height(), 1e-15, "conv1 on the 1 GFLOP/s phone");
        assertEquals(200e6 / 10e9, d.bars().get(4).height(), 1e-15, "conv3 on the 10 GFLOP/s edge");
    }

    @Test
    void exitSharesAreTheMetricsOutcomeShares() {
        Metrics m = metrics.getMetrics();
        StripData.ExitMark exit = strip.getData().exits().get(0);
        assertTrue(exit.enabled());
        assertEquals(m.outcome("exit1").probability(), exit.share());
        assertEquals(new ExitRange(0, 1), exit.range());
        new PlanEditor(doc).toggleExit("exit1");
        assertNull(strip.getData().exits().get(0).share());
    }

    @Test
    void aStagesBarsKeepTheirNodesColourWhenAnotherNodeIsDeleted() {
        ScenarioDocument d = new ScenarioDocument(SampleScenarios.seiferEdgeCluster());
        LiveMetrics m = new LiveMetrics(d.scenarioProperty());
        StripModel s = new StripModel(d, m);
        TopologyEditor editor = new TopologyEditor(d, m);
        new PlanEditor(d).assignStage(3, "pi8");
        int last = s.getData().unitCount() - 1;
        assertEquals(7, s.getData().bars().get(last).colour(), "the eighth board's colour");
        editor.deleteNode("pi5");
        assertEquals(7, s.getData().bars().get(last).colour(), "still the eighth board's colour, not the seventh's");
    }
}
