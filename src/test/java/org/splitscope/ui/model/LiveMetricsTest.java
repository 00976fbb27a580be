package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.zoo.SampleScenarios;

/** Invalid input never produces a number: the last valid metrics stay, marked stale, with the problems. */
class LiveMetricsTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
    private final LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
    private final TopologyEditor topology = new TopologyEditor(doc, metrics);

    @Test
    void anInvalidEditKeepsTheLastValidMetricsAndSaysWhy() {
        Metrics valid = metrics.getMetrics();
        topology.setLinkBandwidth("phone-edge", -5e6);
        assertSame(valid, metrics.getMetrics());
        assertTrue(metrics.isStale());
        assertEquals("topology.links[0].bandwidthBps", metrics.problemsProperty().get(0).path());
        assertNull(metrics.evaluatorOrNull(), "no sweep runs on an invalid scenario");
        assertEquals("must be > 0, got -5000000.0",
                topology.elementProblemsProperty().get().get(Selection.link("phone-edge")), "shown on the link itself");
        doc.undo();
        assertFalse(metrics.isStale());
        assertTrue(metrics.problemsProperty().isEmpty());
        assertTrue(topology.elementProblemsProperty().get().isEmpty());
        assertEquals(valid, metrics.getMetrics());
    }

    @Test
    void aStageLeftOnADeletedNodeIsAProblemOfTheStage() {
        topology.deleteNode("edge");
        assertTrue(metrics.isStale());
        assertTrue(metrics.problemsProperty().stream().anyMatch(p -> p.path().equals("plan.stages[1].node")));
    }

    @Test
    void thePlanChangesReuseTheEvaluatorAndATopologyChangeMakesANewOne() {
        Evaluator first = metrics.evaluatorOrNull();
        new PlanEditor(doc).moveCut(0, 3);
        assertSame(first, metrics.evaluatorOrNull());
        topology.setLinkBandwidth("phone-edge", 20e6);
        assertNotSame(first, metrics.evaluatorOrNull());
        assertEquals(Evaluator.evaluate(doc.getScenario()), metrics.getMetrics());
    }
}
