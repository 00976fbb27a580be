package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Link;
import org.splitscope.model.Topology;
import org.splitscope.perf.Evaluator;
import org.splitscope.zoo.SampleScenarios;

/** Topology commands: each one undoable, the metrics following, the selection kept sensible. */
class TopologyEditorTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
    private final LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
    private final TopologyEditor editor = new TopologyEditor(doc, metrics);
    private final PlanEditor plan = new PlanEditor(doc);

    private Topology topology() {
        return doc.getScenario().topology();
    }

    @Test
    void aNewNodeLinkedAndUsedChangesLatencyWithItsBandwidth() {
        String id = editor.addNode(NodeKind.EDGE_SERVER, 0.8);
        assertEquals("edge2", id);
        assertEquals(Selection.node("edge2"), editor.selectionProperty().get());
        editor.addLink("phone", id);
        Link link = topology().links().get(2);
        assertEquals("phone-edge2", link.id());
        assertEquals(Selection.link("phone-edge2"), editor.selectionProperty().get());
        plan.assignStage(1, id);
        double before = metrics.getMetrics().meanLatency();
        editor.setLinkBandwidth(link.id(), 1e6);
        assertTrue(metrics.getMetrics().meanLatency() > before);
        assertEquals(Evaluator.evaluate(doc.getScenario()), metrics.getMetrics());
    }

    @Test
    void aSecondLinkBetweenTheSameNodesIsNotAdded() {
        editor.addLink("edge", "phone");
        assertEquals(2, topology().links().size());
    }

    @Test
    void deletingANodeTakesItsLinksAndTheSelection() {
        editor.select(Selection.node("edge"));
        editor.deleteSelected();
        assertNull(topology().node("edge"));
        assertTrue(topology().links().isEmpty());
        assertNull(editor.selectionProperty().get());
        doc.undo();
        assertNotNull(topology().node("edge"));
        assertEquals(2, topology().links().size());
    }

    @Test
    void typingIntoOneFieldIsOneUndoStep() {
        editor.setNodeFlops("edge", 1e9);
        editor.setNodeFlops("edge", 12e9);
        editor.setNodeFlops("edge", 123e9);
        editor.endGesture();
        editor.setNodePricing("edge", new DedicatedPricing(2));
        doc.undo();
        assertEquals(123e9, topology().node("edge").flopsPerSecond());
        doc.undo();
        assertEquals(10e9, topology().node("edge").flopsPerSecond());
    }

    @Test
    void sourceAndSinkMoveTogetherUntilTheSinkIsSetApart() {
        editor.setSource("edge");
        assertEquals("edge", topology().source());
        assertEquals("edge", topology().sink());
        editor.setSink("cloud");
        editor.setSource("phone");
        assertEquals("phone", topology().source());
        assertEquals("cloud", topology().sink());
    }

    @Test
    void nodesWithoutAPositionAreSpreadAcrossTheirBand() {
        assertEquals(0.5, editor.position(topology().node("edge")));
        editor.addNode(NodeKind.EDGE_SERVER, 0.9);
        assertEquals(0.9, editor.position(topology().node("edge2")));
        editor.moveNode("edge2", 3);
        assertEquals(1.0, editor.position(topology().node("edge2")), "kept inside the band");
    }
}
