package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.zoo.SampleScenarios;

/** The plan commands keep the stages covering the model, and the metrics follow every one. */
class PlanEditorTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
    private final LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
    private final PlanEditor editor = new PlanEditor(doc);

    private Plan plan() {
        return doc.getScenario().plan();
    }

    @Test
    void aCutDraggedPastItsNeighbourStopsAtTheBoundary() {
        editor.moveCut(0, 99);
        assertEquals(List.of(5), plan().cuts(), "stage 2 keeps one unit");
        editor.moveCut(0, -3);
        assertEquals(List.of(1), plan().cuts(), "stage 1 keeps one unit");
        assertEquals(Evaluator.evaluate(doc.getScenario()), metrics.getMetrics());
    }

    @Test
    void addingACutSplitsTheStageAndSendsTheNewPieceOutward() {
        editor.addCut(5);
        assertEquals(List.of(new Stage(1, 4, "phone"), new Stage(5, 5, "edge"), new Stage(6, 6, "cloud")),
                plan().stages(), "the last stage's new piece goes to the next tier");
        editor.addCut(2);
        assertEquals(List.of(2, 4, 5), plan().cuts());
        assertEquals("edge", plan().stages().get(1).node(), "a piece inside the plan takes the next stage's node");
        editor.removeCut(0);
        assertEquals(List.of(4, 5), plan().cuts());
        assertEquals("phone", plan().stages().get(0).node());
        assertEquals(Evaluator.evaluate(doc.getScenario()), metrics.getMetrics());
    }

    @Test
    void anExitDisabledAndEnabledAgainKeepsItsThreshold() {
        editor.setThreshold("exit1", 0.6);
        editor.toggleExit("exit1");
        assertTrue(plan().exits().isEmpty());
        editor.toggleExit("exit1");
        assertEquals(List.of(new EnabledExit("exit1", 0.6)), plan().exits());
    }

    @Test
    void aThresholdChangesAccuracyAndTheExitShareAsTheEvaluatorSays() {
        double before = metrics.getMetrics().accuracy();
        editor.setThreshold("exit1", 0.2);
        assertEquals(Evaluator.evaluate(doc.getScenario()), metrics.getMetrics());
        assertTrue(metrics.getMetrics().accuracy() < before, "a lower max-probability threshold lets weaker answers out");
    }

    @Test
    void assigningAStageMovesItsWork() {
        editor.assignStage(1, "cloud");
        assertEquals("cloud", plan().stages().get(1).node());
        assertEquals(Evaluator.evaluate(doc.getScenario()), metrics.getMetrics());
    }
}
