package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.ThresholdSweep;
import org.splitscope.zoo.SampleScenarios;

/** The threshold sweep: each point is the evaluator's figure for that threshold, computed in the background. */
class SweepModelTest {
    /** How long a test waits for the sweep; each test's own assertions say what was missing. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Background results arrive on this queue, and the test thread plays the UI thread. */
    private final UiQueue ui = new UiQueue();

    @Test
    void everyPointIsTheEvaluatorsFigureForItsThreshold() throws InterruptedException {
        ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
        LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
        BackgroundWork work = ui.work();
        SweepModel sweep = new SweepModel(metrics, work, 0);
        ui.tryRunUntil(() -> !sweep.pointsProperty().get().isEmpty() && !work.isRunning(), WAIT);
        List<ThresholdSweep.Point> points = sweep.pointsProperty().get();
        assertEquals(ThresholdSweep.STEPS, points.size());
        Scenario s = doc.getScenario();
        ThresholdSweep.Point p = points.get(10);
        Metrics expected = Evaluator.evaluate(s.withPlan(s.plan().withExits(List.of(new EnabledExit("exit1", 0.25)))));
        assertEquals(expected.meanLatency(), p.meanLatency());
        assertEquals(expected.accuracy(), p.accuracy());
    }

    @Test
    void aThresholdChangeMovesOnlyTheCurrentPointAndNoExitMeansNoCurve() throws InterruptedException {
        ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
        LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
        BackgroundWork work = ui.work();
        SweepModel sweep = new SweepModel(metrics, work, 0);
        ui.tryRunUntil(() -> !work.isRunning(), WAIT);
        List<ThresholdSweep.Point> first = sweep.pointsProperty().get();
        PlanEditor plan = new PlanEditor(doc);
        plan.setThreshold("exit1", 0.3);
        assertTrue(!work.isRunning(), "no new sweep for a threshold");
        assertEquals(first, sweep.pointsProperty().get());
        plan.toggleExit("exit1");
        assertTrue(sweep.pointsProperty().get().isEmpty());
    }

    @Test
    void aCancelledJobReportsNothing() throws InterruptedException {
        BackgroundWork work = ui.work();
        List<String> got = new java.util.ArrayList<>();
        BackgroundWork.Handle h = work.submit("slow", p -> {
            while (!p.cancelled()) {
                Thread.sleep(5);
            }
            p.checkCancelled();
            return "never";
        }, got::add, e -> got.add("error"));
        work.cancel();
        ui.tryRunUntil(() -> !work.isRunning(), WAIT);
        assertTrue(h.isCancelled());
        assertTrue(got.isEmpty());
    }
}
