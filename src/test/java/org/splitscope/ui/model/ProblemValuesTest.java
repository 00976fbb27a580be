package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.zoo.SampleScenarios;

/** Problems name the value as the property sheet shows it, in the field's display unit. */
class ProblemValuesTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.portendThreeTier());
    private final TopologyEditor editor = new TopologyEditor(doc, new LiveMetrics(doc.scenarioProperty()));

    private List<String> described() {
        Scenario s = doc.getScenario();
        return s.validate().stream().map(p -> ProblemValues.describe(s, p)).toList();
    }

    @Test
    void eachInvalidFieldIsShownInItsDisplayUnit() {
        editor.setLinkBandwidth("end-edge", 0);
        editor.setLinkLatency("edge-cloud", -0.005);
        editor.setNodeFlops("edge", -2e9);
        editor.setNodeConcurrency("cloud", 0);
        assertEquals(List.of(
                "topology.nodes[1].flopsPerSecond: must be > 0, got -2.0E9 (shown as -2 GFLOP/s)",
                "topology.nodes[2].concurrency: must be >= 1, got 0 (shown as 0)",
                "topology.links[0].bandwidthBps: must be > 0, got 0.0 (shown as 0 Mb/s)",
                "topology.links[1].latencySeconds: must be >= 0, got -0.005 (shown as -5 ms)"), described());
    }

    @Test
    void aProblemWithoutAFieldOfTheSheetIsLeftAsItIs() {
        Problem p = new Problem("plan.stages[1].node", "no node with id 'x'");
        assertEquals(p.toString(), ProblemValues.describe(doc.getScenario(), p));
        assertNull(ProblemValues.shown(doc.getScenario(), "topology.links[7].bandwidthBps"));
    }
}
