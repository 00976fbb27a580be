package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.chart.Formats;
import org.splitscope.chart.PlanSweepChart;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.ui.model.SweepPanelModel;
import org.splitscope.ui.model.WhatIfRow;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepPoint;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The What-if tab in the window: a dragged slider updates the side-by-side table; a sweep runs from the tab and F6. */
@ExtendWith(ApplicationExtension.class)
class WhatIfPanelTest {
    private static final SweepParameter BANDWIDTH = SweepParameter.parse("link:end-edge.bandwidth");
    private MainWindow window;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    /** At 1280x720 the sweep's chart keeps a readable height and the page scrolls (the chart was 20 px tall). */
    @Test
    void theSweepChartKeepsItsHeightAt1280x720(FxRobot robot) {
        TestWindows.restoringSize(robot, stage, () -> {
            TestWindows.resize(robot, stage, 1280, 720);
            robot.clickOn("#tab-whatif .tab-label");
            robot.clickOn("#tab-whatif-sweep .tab-label");
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Node sweep = robot.lookup("#whatif-sweep").query();
            javafx.scene.layout.Region charts = (javafx.scene.layout.Region) ((javafx.scene.layout.VBox) sweep).getChildren()
                    .get(((javafx.scene.layout.VBox) sweep).getChildren().size() - 1);
            assertTrue(charts.getHeight() >= 260, "chart height " + charts.getHeight());
            javafx.scene.control.ScrollPane scroll = robot.lookup("#whatif-sweep-scroll").queryAs(javafx.scene.control.ScrollPane.class);
            assertTrue(scroll.getViewportBounds().getHeight() < ((javafx.scene.layout.Region) sweep).getHeight(),
                    "the page scrolls where the tab is shorter than it");
            // a bound of 1e12 FLOP/s shows whole (it read "100000000000(")
            robot.interact(() -> window.explorer().sweeps().second().toProperty().set(1e12));
            javafx.scene.control.TextField to = robot.lookup("#whatif-y-to").queryAs(javafx.scene.control.TextField.class);
            javafx.scene.text.Text text = new javafx.scene.text.Text(to.getText());
            text.setFont(to.getFont());
            assertTrue(text.getLayoutBounds().getWidth() < to.getWidth() - to.getPadding().getLeft() - to.getPadding().getRight(),
                    "'" + to.getText() + "' fits in " + to.getWidth() + " px");
        });
    }

    /**
     * On PORTEND's sample the best plan keeps the cuts and placement but not the exits: the verdict
     * names the exits, and at 1280x720 it is shown whole (it was cut off with an ellipsis).
     */
    @Test
    void theVerdictOnPortendsSampleNamesTheExitsAndIsShownWhole(FxRobot robot) throws Exception {
        Scenario portend = org.splitscope.io.ScenarioFiles.read(java.nio.file.Path.of("sample-scenarios",
                "portend-resnet110-exits.json")).orElseThrow();
        TestWindows.restoringSize(robot, stage, () -> {
            TestWindows.resize(robot, stage, 1280, 720);
            robot.interact(() -> window.explorer().document().replace(portend, null));
            robot.clickOn("#tab-whatif .tab-label");
            try {
                waitForSearch();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            javafx.scene.control.Label status = robot.lookup("#whatif-status").queryAs(javafx.scene.control.Label.class);
            assertTrue(status.getText().startsWith("The current cuts and placement are still the best for mean latency, with"
                    + " other exits: "), status.getText());
            javafx.scene.text.Text shown = (javafx.scene.text.Text) status.lookup(".text");
            assertEquals(status.getText(), shown.getText(), "shown whole, not cut off");
        });
    }

    private void waitForSearch() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !window.explorer().whatIf().searchingProperty().get());
        TestWindows.settle(window);
    }

    @Test
    void draggingASliderUpdatesTheCurrentAndBestPlansFigures(FxRobot robot) throws Exception {
        Scenario original = window.explorer().document().getScenario();
        robot.clickOn("#tab-whatif .tab-label");
        waitForSearch();
        Slider slider = robot.lookup("#whatif-factor-link-end-edge-bandwidth").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(-40, 0).moveBy(-40, 0).drop();
        waitForSearch();
        double factor = window.explorer().whatIf().factor(BANDWIDTH.toString()).factor();
        assertTrue(factor < 1, "bandwidth scaled down: " + factor);
        assertEquals(Math.pow(10, slider.getValue()), factor, 1e-12);
        Scenario scaled = BANDWIDTH.apply(original, BANDWIDTH.current(original) * factor);
        Metrics current = Evaluator.evaluate(scaled);
        Plan bestPlan = new ExactChainSearch(SearchRequest.of(scaled, Objective.MEAN_LATENCY))
                .top(1, Progress.NONE, CancellationToken.none()).get(0).plan();
        Metrics best = Evaluator.evaluate(scaled.withPlan(bestPlan));
        @SuppressWarnings("unchecked")
        TableView<WhatIfRow> table = robot.lookup("#whatif-table").queryAs(TableView.class);
        assertEquals(WhatIfRow.of(current, best), table.getItems());
        assertEquals(Formats.ms(current.meanLatency()), table.getColumns().get(1).getCellData(0));
        assertEquals(Formats.ms(best.meanLatency()), table.getColumns().get(2).getCellData(0));
        assertNotEquals(Formats.ms(Evaluator.evaluate(original).meanLatency()), table.getColumns().get(1).getCellData(0));
        assertTrue(TestWindows.text(robot, "#whatif-factor-link-end-edge-bandwidth-value")
                .endsWith(Formats.bandwidth(BANDWIDTH.current(original) * factor)));
        assertEquals(original, window.explorer().document().getScenario(), "a what-if is no edit");

        robot.clickOn("#whatif-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(scaled, window.explorer().document().getScenario());
        assertEquals(0, slider.getValue(), 1e-12, "the sliders start again from the applied scenario");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(original, window.explorer().document().getScenario());
        waitForSearch();
    }

    @Test
    void aSweepRunsFromTheTabAndF6WithMarkersAtThePlanChanges(FxRobot robot) throws Exception {
        Scenario scenario = window.explorer().document().getScenario();
        SweepPanelModel sweeps = window.explorer().sweeps();
        robot.clickOn("#tab-whatif .tab-label");
        robot.clickOn("#tab-whatif-sweep .tab-label");
        robot.interact(() -> {
            sweeps.first().parameterProperty().set(BANDWIDTH);
            sweeps.first().fromProperty().set(1e5);
            sweeps.first().toProperty().set(1e10);
        });
        robot.doubleClickOn("#whatif-x-steps .text-field").eraseText(4).write("9").push(KeyCode.ENTER);
        robot.clickOn("#whatif-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> sweeps.resultProperty().get() != null);
        TestWindows.settle(window);
        List<SweepPoint> expected = new Sweep(scenario, BANDWIDTH, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(Sweep.values(1e5, 1e10, 9, true), x -> { }, () -> false);
        assertEquals(expected, sweeps.resultProperty().get().points());
        XYPlot plot = window.whatIf().sweepChart().plot();
        assertEquals(9, plot.getDataset().getItemCount(0));
        assertEquals(PlanSweepChart.BEST, plot.getDataset().getSeriesKey(1));
        int changes = Sweep.planChanges(expected).size();
        assertTrue(changes > 0);
        assertEquals(changes, plot.getDomainMarkers(Layer.FOREGROUND).size());
        assertTrue(TestWindows.text(robot, "#whatif-sweep-status").startsWith("9 points"));
        robot.clickOn("#whatif-log-y");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(plot.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis, "log y puts the curves on a log axis");
        assertEquals(9, plot.getDataset().getItemCount(0), "the same points");

        robot.clickOn("#tab-optimize .tab-label");
        robot.push(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#results-tabs").queryAs(TabPane.class);
        assertEquals("tab-whatif", tabs.getSelectionModel().getSelectedItem().getId());
        robot.clickOn("#whatif-cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(sweeps.runningProperty().get());
        TestWindows.settle(window);
    }
}
