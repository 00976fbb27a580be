package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.measure.MeasurementFormat;
import org.splitscope.io.measure.UnmatchedLayers;
import org.splitscope.model.Scenario;
import org.splitscope.ui.model.MeasurementsModel;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.view.MeasurementActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measured vs estimated in the window: the comparison for a class, and its button sets the fitted
 * rate as one undo step; the Charts tab's chart follows the selected node's class.
 */
@ExtendWith(ApplicationExtension.class)
class MeasuredVsEstimatedTest {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    @Test
    void theButtonSetsTheJetsonToTheFittedRate(FxRobot robot) throws Exception {
        TestWindows.settle(window);
        Scenario cnn = ScenarioFiles.read(FORMATS.resolve("small-cnn.json")).orElseThrow();
        MeasurementsModel model = new MeasurementsModel(window.explorer().document());
        robot.interact(() -> {
            window.explorer().document().replace(cnn, null);
            model.apply(model.preview(FORMATS.resolve("trtexec-profile.json"), MeasurementFormat.TRTEXEC,
                    FORMATS.resolve("trtexec-layer-info.json"), "jetson-orin-nano", UnmatchedLayers.LEAVE).orElseThrow());
        });
        Scenario measured = window.explorer().document().getScenario();
        double fitted = model.calibration("jetson-orin-nano").fittedRate();
        Platform.runLater(() -> new MeasurementActions(model, stage).measuredVsEstimated());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#measured-class-dialog").tryQuery().isPresent());
        DialogPane ask = robot.lookup("#measured-class-dialog").queryAs(DialogPane.class);
        robot.interact(() -> ((ChoiceBox<?>) ask.getContent()).getSelectionModel().select(1));
        TestWindows.pressOk(robot, ask);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#measured-vs-estimated").tryQuery().isPresent());
        DialogPane shown = robot.lookup("#measured-vs-estimated").queryAs(DialogPane.class);
        assertTrue(shown.getHeaderText().contains("jetson-orin-nano"), shown.getHeaderText());
        Button set = robot.lookup("Set node rate to fitted").queryAs(Button.class);
        robot.interact(set::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted, window.explorer().document().getScenario().topology().node("jetson").flopsPerSecond(), 1e-3);
        robot.interact(() -> window.explorer().document().undo());
        assertEquals(measured, window.explorer().document().getScenario());
        TestWindows.settle(window);
    }

    @Test
    void theChartsTabComparesTheSelectedNodesClass(FxRobot robot) throws Exception {
        TestWindows.settle(window);
        Scenario cnn = ScenarioFiles.read(FORMATS.resolve("small-cnn.json")).orElseThrow();
        MeasurementsModel model = new MeasurementsModel(window.explorer().document());
        CategoryPlot plot = (CategoryPlot) window.charts().measuredChart().chart().getPlot();
        robot.interact(() -> window.explorer().document().replace(cnn, null));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#chart-measured").tryQuery().isPresent(), "a chart of the Charts tab");
        assertNull(plot.getDataset());
        assertTrue(plot.getNoDataMessage().startsWith("no measured times for 'jetson-orin-nano'"), plot.getNoDataMessage());
        robot.interact(() -> model.apply(model.preview(FORMATS.resolve("trtexec-profile.json"), MeasurementFormat.TRTEXEC,
                FORMATS.resolve("trtexec-layer-info.json"), "jetson-orin-nano", UnmatchedLayers.LEAVE).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cnn.profile().unitCount(), plot.getDataset().getColumnCount());
        robot.interact(() -> window.explorer().topologyEditor().select(Selection.node("edge")));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(plot.getDataset());
        assertTrue(plot.getNoDataMessage().contains("'rtx-4000'"), plot.getNoDataMessage());
        TestWindows.settle(window);
    }
}
