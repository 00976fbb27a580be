package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TableView;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.chart.Formats;
import org.splitscope.chart.TestbedScatterChart;
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
import org.splitscope.model.Workload;
import org.splitscope.testbed.PlanResult;
import org.splitscope.ui.model.TestbedModel;
import org.splitscope.zoo.Granularity;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Testbed tab on a tiny ONNX model: Run fills the table with the run's figures and the scatter with its point. */
@ExtendWith(ApplicationExtension.class)
class TestbedPanelTest {
    private MainWindow window;
    private Path dir;

    @Start
    void start(javafx.stage.Stage stage) throws Exception {
        window = TestWindows.show(stage);
        dir = Files.createTempDirectory("testbed-panel");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void runMeasuresThePlanAndShowsItBesideThePrediction(FxRobot robot) throws Exception {
        Path file = TestModelFiles.residual(dir);
        ModelProfile profile = OnnxImporter.importModel(file, ImportOptions.of(Granularity.BLOCKS)).value().profile();
        Topology two = new Topology(List.of(new Node("d", 0, "cpu", 1e15), new Node("e", 1, "cpu", 1e15)),
                List.of(new Link("d", "e", 100e6, 0.002)), "d", null, null);
        Plan plan = new Plan(List.of(new Stage(1, 2, "d"), new Stage(3, profile.unitCount(), "e")));
        robot.interact(() -> window.explorer().document().replace(
                new Scenario("tiny", profile, two, plan, Workload.NONE), null));
        robot.clickOn("#tab-testbed .tab-label");
        robot.clickOn("#testbed-model-file").write(file.toString());
        robot.doubleClickOn("#testbed-requests").write("3");
        TestbedModel model = window.explorer().testbed();
        assertEquals(file.toString(), model.modelFileProperty().get());
        robot.clickOn("#testbed-run");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model.runningProperty().get());
        TestWindows.settle(window);

        assertEquals("", model.errorProperty().get());
        TableView<?> table = robot.lookup("#testbed-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        PlanResult r = (PlanResult) table.getItems().get(0);
        assertEquals(plan, r.plan());
        assertEquals(3, r.measured().latencies().size(), "the requests typed in");
        String mean = (String) table.getColumns().get(1).getCellData(0);
        assertEquals(Formats.ms(r.predicted().latency().mean()) + " / " + Formats.ms(r.measured().meanLatency()), mean);
        assertEquals("x1.00, x1.00", table.getColumns().get(7).getCellData(0), "nodes faster than this machine");
        assertEquals("equal", table.getColumns().get(8).getCellData(0));
        var points = ((XYSeriesCollection) window.testbed().latencyChart().chart().getXYPlot().getDataset())
                .getSeries(TestbedScatterChart.PLANS);
        assertEquals(1, points.getItemCount());
        assertEquals(r.measured().meanLatency() * 1e3, points.getY(0).doubleValue(), 1e-12);
        assertTrue(window.testbed().latencyChart().chart().getTitle().getText().contains("n/a"), "one plan: no R^2");
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive), "workers stopped");
    }
}
