package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.zoo.SampleScenarios;

/**
 * Problems read in the sheet's words: the node, link or stage and its field by name, the value as
 * the sheet shows it (in the field's display unit, never the raw SI number), the file's path last.
 */
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
                "Node edge, compute: must be > 0, got -2 GFLOP/s (topology.nodes[1].flopsPerSecond)",
                "Node cloud, concurrency: must be >= 1, got 0 (topology.nodes[2].concurrency)",
                "Link end-edge, bandwidth: must be > 0, got 0 Mb/s (topology.links[0].bandwidthBps)",
                "Link edge-cloud, latency: must be >= 0, got -5 ms (topology.links[1].latencySeconds)"), described());
    }

    @Test
    void aStageIsNamedByItsNumberAndAnyOtherProblemIsLeftAsItIs() {
        Problem stage = new Problem("plan.stages[1].node", "no node with id 'x'");
        assertEquals("Stage 2, node: no node with id 'x' (plan.stages[1].node)", ProblemValues.describe(doc.getScenario(), stage));
        Problem p = new Problem("profile.units[3].flops", "must be >= 0, got -1.0");
        assertEquals(p.toString(), ProblemValues.describe(doc.getScenario(), p));
        assertNull(ProblemValues.shown(doc.getScenario(), "topology.links[7].bandwidthBps"));
    }
}
