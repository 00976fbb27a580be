package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.PlanFiles;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.Objective;
import org.splitscope.perf.Evaluator;
import org.splitscope.ui.model.SweepPanelModel;
import org.splitscope.whatif.SweepParameter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export report and File > Export plan as JSON, on the scenario in the window. */
@ExtendWith(ApplicationExtension.class)
class ReportExportTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    @Test
    void theReportIsWrittenInTheBackgroundWithTheEvaluatorsMeanLatency(FxRobot robot) throws Exception {
        Path out = dir.resolve("report.html");
        CountDownLatch written = new CountDownLatch(1);
        robot.interact(() -> assertTrue(window.files().exportReportTo(out, written::countDown)));
        assertTrue(written.await(60, TimeUnit.SECONDS), "the report was written");
        Scenario s = window.explorer().document().getScenario();
        String mean = String.format(Locale.ROOT, "%.3f ms", Evaluator.evaluate(s).meanLatency() * 1e3);
        assertTrue(Files.readString(out).contains(mean), mean);
    }

    @Test
    void theWhatIfSweepOnScreenIsInTheReportUntilTheScenarioChanges(FxRobot robot) throws Exception {
        SweepParameter bandwidth = SweepParameter.parse("link:end-edge.bandwidth");
        SweepPanelModel sweeps = window.explorer().sweeps();
        robot.interact(() -> {
            sweeps.twoParametersProperty().set(false);
            sweeps.first().parameterProperty().set(bandwidth);
            sweeps.first().fromProperty().set(1e6);
            sweeps.first().toProperty().set(1e9);
            sweeps.first().logProperty().set(true);
            sweeps.objectiveProperty().set(Objective.MEAN_LATENCY);
            sweeps.run();
        });
        TestWindows.settle(window);
        assertEquals(sweeps.first().stepsProperty().get(), sweeps.resultProperty().get().points().size(), sweeps.errorProperty().get());
        assertTrue(exported(robot, "swept.html").contains("What-if sweep: " + bandwidth), "the sweep on screen is reported");
        robot.interact(() -> window.explorer().document().edit("rate", x -> x.withWorkload(
                x.workload().withArrivalRate(x.workload().arrivalRatePerSecond() + 1))));
        assertFalse(exported(robot, "changed.html").contains("What-if sweep"), "a sweep of the earlier scenario is not");
    }

    @Test
    void theWhatIfGridOnScreenIsInTheReport(FxRobot robot) throws Exception {
        SweepPanelModel sweeps = window.explorer().sweeps();
        robot.interact(() -> {
            sweeps.first().parameterProperty().set(SweepParameter.parse("link:end-edge.bandwidth"));
            sweeps.second().parameterProperty().set(SweepParameter.parse("node:edge.compute"));
            sweeps.twoParametersProperty().set(true);
            sweeps.objectiveProperty().set(Objective.MEAN_LATENCY);
            sweeps.run();
        });
        TestWindows.settle(window);
        assertTrue(sweeps.gridProperty().get() != null, sweeps.errorProperty().get());
        String html = exported(robot, "grid.html");
        assertTrue(html.contains("What-if grid: link:end-edge.bandwidth and node:edge.compute"), "the grid on screen is reported");
        assertFalse(html.contains("What-if sweep:"), "no one-parameter sweep was run");
    }

    private String exported(FxRobot robot, String name) throws Exception {
        Path out = dir.resolve(name);
        CountDownLatch written = new CountDownLatch(1);
        robot.interact(() -> assertTrue(window.files().exportReportTo(out, written::countDown)));
        assertTrue(written.await(60, TimeUnit.SECONDS), "the report was written");
        return Files.readString(out);
    }

    @Test
    void aReportNamedNeitherPdfNorHtmlIsRefusedInADialog(FxRobot robot) throws Exception {
        Path out = dir.resolve("report.txt");
        robot.interact(() -> assertFalse(window.files().exportReportTo(out, () -> { })));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains(".pdf or .html"), dialog.getContentText());
        TestWindows.pressOk(robot, dialog);
        assertFalse(Files.exists(out));
    }

    @Test
    void theExportedPlanIsTheWindowsPlan(FxRobot robot) {
        Path out = dir.resolve("plan.json");
        robot.interact(() -> assertTrue(window.files().exportPlanTo(out)));
        Scenario s = window.explorer().document().getScenario();
        assertEquals(s.plan(), PlanFiles.read(out, s).orElseThrow());
    }
}
