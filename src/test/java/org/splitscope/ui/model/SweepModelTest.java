package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.ThresholdSweep;
import org.splitscope.zoo.SampleScenarios;

/** The threshold sweep: each point is the evaluator's figure for that threshold, computed in the background. */
class SweepModelTest {
    /** Background results arrive on this queue, and the test thread plays the UI thread. */
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    private void runUiUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
    }

    @Test
    void everyPointIsTheEvaluatorsFigureForItsThreshold() throws InterruptedException {
        ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
        LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
        BackgroundWork work = new BackgroundWork(ui::add);
        SweepModel sweep = new SweepModel(metrics, work, 0);
        runUiUntil(() -> !sweep.pointsProperty().get().isEmpty() && !work.isRunning());
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
        BackgroundWork work = new BackgroundWork(ui::add);
        SweepModel sweep = new SweepModel(metrics, work, 0);
        runUiUntil(() -> !work.isRunning());
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
        BackgroundWork work = new BackgroundWork(ui::add);
        List<String> got = new java.util.ArrayList<>();
        BackgroundWork.Handle h = work.submit("slow", p -> {
            while (!p.cancelled()) {
                Thread.sleep(5);
            }
            p.checkCancelled();
            return "never";
        }, got::add, e -> got.add("error"));
        work.cancel();
        runUiUntil(() -> !work.isRunning());
        assertTrue(h.isCancelled());
        assertTrue(got.isEmpty());
    }
}
