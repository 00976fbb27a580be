package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.SweepCsv;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.Objective;
import org.splitscope.ui.DefaultScenario;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepPoint;
import org.splitscope.whatif.SweepResult;

/** The sweep panel's model gives the engine's sweep, its plan changes and its CSV; Cancel stops it. */
class SweepPanelModelTest {
    private static final SweepParameter BANDWIDTH = SweepParameter.parse("link:end-edge.bandwidth");
    private static final SweepParameter COMPUTE = SweepParameter.parse("node:edge.compute");

    private final UiQueue ui = new UiQueue();
    private final Scenario scenario = DefaultScenario.load();
    private final ScenarioDocument doc = new ScenarioDocument(scenario);
    private final BackgroundWork work = ui.work();
    private final SweepPanelModel model = new SweepPanelModel(doc, work, ui::add);

    private void runToEnd() throws InterruptedException {
        model.run();
        ui.runUntil(() -> !model.runningProperty().get() && !work.isRunning());
    }

    private void set(SweepPanelModel.Range r, SweepParameter p, double from, double to, int steps, boolean log) {
        r.parameterProperty().set(p);
        r.fromProperty().set(from);
        r.toProperty().set(to);
        r.stepsProperty().set(steps);
        r.logProperty().set(log);
    }

    @Test
    void theChoicesAreTheScenariosLinksNodesAndWorkloadAndAChoiceSeedsADecadeEitherSide() {
        assertEquals(SweepPanelModel.choicesOf(scenario), model.choicesProperty());
        assertTrue(model.choicesProperty().contains(SweepParameter.parse("workload.rate")));
        assertTrue(model.choicesProperty().contains(SweepParameter.parse("workload.accuracyFloor")));
        model.first().parameterProperty().set(COMPUTE);
        assertEquals(COMPUTE.current(scenario) / 10, model.first().fromProperty().get());
        assertEquals(COMPUTE.current(scenario) * 10, model.first().toProperty().get());
        assertTrue(model.first().logProperty().get());
    }

    @Test
    void aSweepGivesTheEnginesPointsAndPlanChanges() throws InterruptedException {
        set(model.first(), BANDWIDTH, 1e5, 1e10, 11, true);
        model.objectiveProperty().set(Objective.MEAN_LATENCY);
        runToEnd();
        assertEquals("", model.errorProperty().get());
        double[] values = Sweep.values(1e5, 1e10, 11, true);
        List<SweepPoint> expected = new Sweep(scenario, BANDWIDTH, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(values, x -> { }, () -> false);
        SweepResult r = model.resultProperty().get();
        assertEquals(expected, r.points());
        assertEquals(Sweep.planChanges(expected), r.changes());
        assertFalse(r.changes().isEmpty(), "from 100 kb/s to 10 Gb/s the best cut moves");
        assertTrue(r.log());
        assertNull(model.gridProperty().get());
        assertFalse(model.staleProperty().get());
        doc.edit(null, x -> x.withWorkload(x.workload().withArrivalRate(x.workload().arrivalRatePerSecond() + 1)));
        assertTrue(model.staleProperty().get(), "a sweep of the earlier scenario is marked");
    }

    @Test
    void twoParametersGiveTheEnginesGrid() throws InterruptedException {
        set(model.first(), BANDWIDTH, 1e5, 1e10, 5, true);
        set(model.second(), COMPUTE, 1e11, 1e14, 4, true);
        model.twoParametersProperty().set(true);
        model.objectiveProperty().set(Objective.COST);
        runToEnd();
        SweepGrid.Result expected = new SweepGrid(scenario, BANDWIDTH, COMPUTE, Sweep.reoptimizing(Objective.COST))
                .run(Sweep.values(1e5, 1e10, 5, true), Sweep.values(1e11, 1e14, 4, true), x -> { }, () -> false);
        SweepGrid.Result g = model.gridProperty().get();
        assertEquals(expected.rows(), g.rows());
        assertEquals(expected.regions(), g.regions());
        assertNull(model.resultProperty().get());
        assertEquals(SweepCsv.toCsv(expected), model.csv());
    }

    /**
     * Where the search stops at its budget each value's best plan is not proven optimal, and the
     * panel says how many and where to read why (it said nothing).
     */
    @Test
    void bestPlansNotProvenOptimalAreCountedWithWhereToReadWhy() throws Exception {
        ScenarioDocument d = new ScenarioDocument(org.splitscope.NotProvenScenario.thirtyExits());
        SweepPanelModel m = new SweepPanelModel(d, work, ui::add);
        SweepParameter floor = SweepParameter.parse("workload.accuracyFloor");
        set(m.first(), floor, 0.8, 0.85, 2, false);
        m.run();
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
        List<SweepPoint> points = m.resultProperty().get().points();
        assertTrue(points.stream().allMatch(SweepPoint::unproven), "stopped at the budget: " + points);
        assertEquals("Best plan not proven optimal at 2 of 2 values (ringed on the chart). Why: set that value, Optimize,"
                + " and read How it was found below the plans.", m.unprovenProperty().get());

        set(model.first(), BANDWIDTH, 1e5, 1e10, 3, true);
        runToEnd();
        assertEquals("", model.unprovenProperty().get(), "the default scenario's best plans are proven");
    }

    @Test
    void cancelStopsTheSweepAndShowsNothing() throws InterruptedException {
        set(model.first(), BANDWIDTH, 1e5, 1e10, 2000, true);
        model.run();
        assertTrue(model.runningProperty().get());
        model.cancel();
        assertFalse(model.runningProperty().get());
        assertEquals("Cancelled", model.statusProperty().get());
        ui.runUntil(() -> !work.isRunning());
        assertNull(model.resultProperty().get());
        assertEquals("Cancelled", model.statusProperty().get());
    }

    @Test
    void badSettingsNameTheFieldAndRunNothing() {
        set(model.first(), BANDWIDTH, 0, 1e9, 5, true);
        model.run();
        assertFalse(model.runningProperty().get());
        assertTrue(model.errorProperty().get().startsWith("first parameter: a logarithmic sweep needs bounds > 0"),
                model.errorProperty().get());
        set(model.first(), BANDWIDTH, 1e6, 1e9, 5, true);
        set(model.second(), BANDWIDTH, 1e6, 1e9, 5, true);
        model.twoParametersProperty().set(true);
        model.run();
        assertTrue(model.errorProperty().get().contains("second parameter: choose a parameter other than the first"),
                model.errorProperty().get());
        assertFalse(work.isRunning());
    }

    @Test
    void theCsvExportIsSweepCsvWrittenToTheFile(@TempDir Path dir) throws Exception {
        set(model.first(), SweepParameter.parse("workload.rate"), 1, 50, 6, false);
        runToEnd();
        SweepResult r = model.resultProperty().get();
        String expected = SweepCsv.toCsv("workload.rate", r.points());
        assertEquals(expected, model.csv());
        Path file = dir.resolve("sweep.csv");
        model.exportCsv(file);
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    }
}
