package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.OnnxImporter;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.testbed.PlanResult;
import org.splitscope.testbed.RSquared;
import org.splitscope.zoo.Granularity;

/**
 * The Testbed panel's model on a tiny ONNX model, the test thread as the UI thread: a run of every
 * single cut fills the table and the fit, Cancel stops every worker, a profile of another model
 * and unreadable settings are refused naming the field.
 */
class TestbedModelTest {
    /** Nodes far faster than this machine: nothing is slowed, so the runs stay short. */
    private static final Topology TWO = new Topology(List.of(new Node("d", 0, "cpu", 1e15), new Node("e", 1, "cpu", 1e15)),
            List.of(new Link("d", "e", 100e6, 0.002)), "d", null, null);

    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue(Duration.ofSeconds(90), 20);
    private final BackgroundWork work = ui.work();

    private TestbedModel model(ModelProfile profile, Path file) {
        Plan plan = new Plan(List.of(new Stage(1, 2, "d"), new Stage(3, profile.unitCount(), "e")));
        TestbedModel m = new TestbedModel(new ScenarioDocument(new Scenario("tiny", profile, TWO, plan, Workload.NONE)),
                work, ui::add);
        m.modelFileProperty().set(file.toString());
        m.unitsProperty().set(Granularity.BLOCKS);
        m.requestsProperty().set("2");
        return m;
    }

    private static ModelProfile imported(Path file) {
        return OnnxImporter.importModel(file, ImportOptions.of(Granularity.BLOCKS)).value().profile();
    }

    /** The test JVM starts no other processes, so its live descendants are the stage workers. */
    private static List<ProcessHandle> workers() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    @Test
    void allSingleCutsFillTheTableAndTheFitIsRSquaredOverTheRows() throws Exception {
        Path file = TestModelFiles.residual(dir);
        ModelProfile profile = imported(file);
        TestbedModel m = model(profile, file);
        m.allSingleCutsProperty().set(true);
        m.run();
        assertTrue(m.runningProperty().get());
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
        assertEquals("", m.errorProperty().get());
        List<PlanResult> rows = new ArrayList<>(m.resultsProperty());
        assertEquals(profile.unitCount() - 1, rows.size(), "one row per single cut");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(List.of(i + 1), rows.get(i).plan().cuts());
            assertTrue(rows.get(i).outputsMatch());
            assertEquals(List.of(1.0, 1.0), m.lastRunProperty().get().slowDowns().get(i));
            assertEquals(List.of(1.0, 1.0), m.slowDowns(rows.get(i)));
        }
        double expected = RSquared.of(rows.stream().mapToDouble(r -> r.predicted().latency().mean()).toArray(),
                rows.stream().mapToDouble(r -> r.measured().meanLatency()).toArray());
        assertEquals(expected, m.lastRunProperty().get().rSquaredMeanLatency(), 0.0);
        assertTrue(m.statusProperty().get().contains("R^2 mean latency " + TestbedModel.r2(expected)), m.statusProperty().get());
        assertTrue(m.statusProperty().get().contains("equal"), m.statusProperty().get());
        // the run's own description: the kernel's where it can shape fully, else the in-process shaper's with the reason
        assertTrue(rows.get(0).shaper().contains(org.splitscope.testbed.Testbed.SHAPER) || rows.get(0).shaper().startsWith("kernel:"),
                rows.get(0).shaper());
        String status = m.statusProperty().get();
        assertTrue(status.contains("shaper: " + rows.get(0).shaper()), status);
        var run = m.lastRunProperty().get();
        assertTrue(status.contains("mean latency " + run.withinGoal(PlanResult::meanLatencyError) + " of " + rows.size()
                + ", throughput " + run.withinGoal(PlanResult::throughputError) + " of " + rows.size()), status);
        // the sample's nodes are not slower than this machine (slow-downs of 1): the status says they cannot be imitated
        assertTrue(!run.notes().isEmpty() && status.endsWith("note: " + run.notes().get(run.notes().size() - 1)), status);
        assertTrue(workers().isEmpty(), () -> "no worker outlives the run: " + workers());
    }

    @Test
    void cancelStopsTheRunAndLeavesNoWorkerAlive() throws Exception {
        Path file = TestModelFiles.residual(dir);
        TestbedModel m = model(imported(file), file);
        m.allSingleCutsProperty().set(true);
        m.requestsProperty().set("100000");
        m.run();
        ui.runUntil(() -> !workers().isEmpty() || !m.runningProperty().get());
        assertTrue(m.runningProperty().get(), m.errorProperty()::get);
        m.cancel();
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
        assertTrue(m.statusProperty().get().startsWith("Cancelled: the workers were stopped"), m.statusProperty().get());
        assertTrue(workers().isEmpty(), () -> "still alive: " + workers());
        assertNull(m.lastRunProperty().get(), "a cancelled run is not a result");
        assertEquals("", m.errorProperty().get());
    }

    @Test
    void aProfileOfAnotherModelIsRefusedNamingTheField() throws Exception {
        Path file = TestModelFiles.residual(dir);
        ModelProfile profile = imported(file);
        List<Unit> renamed = new ArrayList<>(profile.units());
        Unit u = renamed.get(0);
        renamed.set(0, new Unit("other", u.kind(), u.flops(), u.paramBytes(), u.cutBytes()));
        TestbedModel m = model(profile.withUnits(renamed), file);
        m.run();
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
        assertTrue(m.errorProperty().get().contains("profile.units[0].name"), m.errorProperty().get());
        assertTrue(m.resultsProperty().isEmpty());
        assertTrue(workers().isEmpty());
    }

    @Test
    void unreadableSettingsAreNamedAndNothingRuns() {
        TestbedModel m = model(imported(uncheckedResidual()), dir.resolve("missing.onnx"));
        m.requestsProperty().set("1");
        m.rateProperty().set("fast");
        m.inputShapeProperty().set("x=1,0");
        m.run();
        String e = m.errorProperty().get();
        for (String field : List.of("model file:", "Requests:", "Rate (req/s, 0: none):", "input shape:")) {
            assertTrue(e.contains(field), field + " in " + e);
        }
        assertFalse(m.runningProperty().get());
        assertFalse(work.isRunning());
    }

    private Path uncheckedResidual() {
        try {
            return TestModelFiles.residual(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
