package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.chart.Formats;
import org.splitscope.model.Plan;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.ui.model.OptimizeModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Optimize panel in the window: F5 runs the exact search, Apply and a Pareto click edit the plan undoably. */
@ExtendWith(ApplicationExtension.class)
class OptimizePanelTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    private OptimizeModel model() {
        return window.explorer().optimize();
    }

    private Plan plan() {
        return window.explorer().document().getScenario().plan();
    }

    private void runAndWait(FxRobot robot) throws Exception {
        robot.clickOn("#tab-optimize .tab-label");
        robot.clickOn("#optimize-run");
        waitForTheRun();
    }

    private void waitForTheRun() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !model().runningProperty().get());
        TestWindows.settle(window);
    }

    @Test
    void f5RanksThePlansOfTheExactSearchWithTheEvaluatorsFigures(FxRobot robot) throws Exception {
        robot.clickOn("#expected-latency");
        robot.push(KeyCode.F5);
        waitForTheRun();
        TabPane tabs = robot.lookup("#results-tabs").queryAs(TabPane.class);
        assertEquals("tab-optimize", tabs.getSelectionModel().getSelectedItem().getId());
        SearchRequest request = SearchRequest.of(window.explorer().document().getScenario(), Objective.MEAN_LATENCY);
        List<RankedPlan> expected = new ExactChainSearch(request).top(OptimizeModel.DEFAULT_COUNT, Progress.NONE,
                CancellationToken.none());
        @SuppressWarnings("unchecked")
        TableView<RankedPlan> table = robot.lookup("#optimize-table").queryAs(TableView.class);
        assertEquals(expected.size(), table.getItems().size());
        assertEquals(expected.get(0).plan(), table.getItems().get(0).plan());
        assertEquals(Formats.ms(expected.get(0).metrics().meanLatency()),
                table.getColumns().stream().filter(c -> c.getText().equals("Mean")).findFirst().orElseThrow().getCellData(0));
        String why = TestWindows.text(robot, "#optimize-why");
        assertTrue(why.contains("Its bottleneck is") && why.contains(expected.get(0).metrics().bottleneck()), why);
        assertFalse(robot.lookup("#optimize-error").query().isVisible());
    }

    @Test
    void applyPutsThePlanIntoTheEditorAndUndoRestoresIt(FxRobot robot) throws Exception {
        Plan before = plan();
        String latencyBefore = TestWindows.text(robot, "#expected-latency");
        runAndWait(robot);
        RankedPlan best = model().resultsProperty().get(0);
        robot.clickOn("#optimize-table .table-row-cell");
        robot.clickOn("#optimize-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(best.plan(), plan());
        assertEquals(Formats.ms(best.metrics().meanLatency()), TestWindows.text(robot, "#expected-latency"));
        assertFalse(robot.lookup("#optimize-stale").query().isVisible(), "applying a plan leaves the results valid");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, plan());
        assertEquals(latencyBefore, TestWindows.text(robot, "#expected-latency"));

        RankedPlan second = model().resultsProperty().get(1);
        robot.doubleClickOn(robot.lookup("#optimize-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class),
                MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(second.plan(), plan());
    }

    @Test
    void cancelStopsALongRunAndKeepsTheBestPlanFoundSoFar(FxRobot robot) throws Exception {
        String fine = IntStream.rangeClosed(1, 60).mapToObj(i -> String.valueOf(i / 61.0)).collect(Collectors.joining(", "));
        robot.clickOn("#tab-optimize .tab-label");
        robot.interact(() -> model().form().thresholdsProperty().set(fine));
        robot.clickOn("#optimize-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model().runningProperty().get(), "a 60-value grid takes longer than a click");
        robot.clickOn("#optimize-cancel");
        // the search answers at its next check, long before it would have finished
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model().runningProperty().get());
        TestWindows.settle(window);
        String proof = TestWindows.text(robot, "#optimize-proof");
        assertTrue(robot.lookup("#optimize-proof").query().isVisible());
        assertTrue(proof.startsWith(OptimizeModel.STOPPED), proof);
        assertFalse(robot.lookup("#optimize-error").query().isVisible(), "a stop is no error");
        if (model().resultsProperty().isEmpty()) {
            assertTrue(proof.endsWith("before the search found a plan."), proof);
            assertEquals("Cancelled", TestWindows.text(robot, "#optimize-status"));
        } else {
            assertTrue(proof.contains("; best found so far, "), proof);
            assertTrue(TestWindows.text(robot, "#optimize-status").startsWith("Stopped: "));
            TableView<?> table = robot.lookup("#optimize-table").queryAs(TableView.class);
            assertEquals(model().resultsProperty().size(), table.getItems().size());
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.explorer().work().isRunning());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theObjectiveChooserOffersTheMeanLatencyUnderLoad(FxRobot robot) throws Exception {
        robot.clickOn("#tab-optimize .tab-label");
        ComboBox<Objective> objective = robot.lookup("#optimize-objective").queryAs(ComboBox.class);
        assertTrue(objective.getItems().contains(Objective.LOADED_LATENCY));
        robot.clickOn("#optimize-objective");
        robot.clickOn("mean latency under load");
        assertEquals(Objective.LOADED_LATENCY, model().form().objectiveProperty().get());
        assertEquals("mean latency under load", objective.getConverter().toString(objective.getValue()));
    }

    @Test
    void anUnreachableAccuracyFloorIsNamed(FxRobot robot) throws Exception {
        robot.clickOn("#tab-optimize .tab-label");
        robot.doubleClickOn("#optimize-accuracy-floor").eraseText(4).write("99.9");
        robot.clickOn("#optimize-run");
        waitForTheRun();
        assertTrue(robot.lookup("#optimize-error").query().isVisible());
        String error = TestWindows.text(robot, "#optimize-error");
        assertTrue(error.contains("The accuracy floor 99.9 % cannot be met"), error);
        assertTrue(model().resultsProperty().isEmpty());
        assertEquals("No plan meets the goals, so there is no front (see the message)", window.optimize().paretoChart().note(),
                "not 'Run the search', as before a run");
    }

    @Test
    void aPinThatContradictsAForbidIsNamed(FxRobot robot) throws Exception {
        robot.clickOn("#tab-optimize .tab-label");
        addRule(robot, 1, 5, 0, "end");
        addRule(robot, 3, 8, 2, "0");
        assertEquals(1, model().form().pinsProperty().size());
        assertEquals(1, model().form().forbidsProperty().size());
        robot.clickOn("#optimize-run");
        waitForTheRun();
        String error = TestWindows.text(robot, "#optimize-error");
        assertTrue(error.startsWith("Pin 1: pins units 1..5 to 'end' but forbid 1 forbids units 3..8 on tier 0"), error);
        assertTrue(error.contains("contradicts"), error);
    }

    @SuppressWarnings("unchecked")
    private void addRule(FxRobot robot, int first, int last, int kind, String target) {
        robot.interact(() -> {
            robot.lookup("#optimize-settings").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1);
            robot.lookup("#optimize-rule-first").queryAs(Spinner.class).getValueFactory().setValue(first);
            robot.lookup("#optimize-rule-last").queryAs(Spinner.class).getValueFactory().setValue(last);
            ComboBox<Object> k = robot.lookup("#optimize-rule-kind").queryAs(ComboBox.class);
            k.setValue(k.getItems().get(kind));
            robot.lookup("#optimize-rule-target").queryAs(ComboBox.class).setValue(target);
        });
        robot.clickOn("#optimize-rule-add");
    }

    @Test
    void clickingAParetoPointAppliesThatPlan(FxRobot robot) throws Exception {
        runAndWait(robot);
        List<ParetoPoint> front = model().frontProperty();
        assertTrue(front.size() > 1, "the default scenario has a front of several plans");
        ChartViewer viewer = (ChartViewer) robot.lookup("#chart-pareto").queryAs(javafx.scene.layout.StackPane.class)
                .getChildren().get(0);
        Plan before = plan();
        // the front point farthest from every other marker, so that the click lands on it alone
        List<XYItemEntity> markers = viewer.getRenderingInfo().getEntityCollection().getEntities().stream()
                .filter(o -> o instanceof XYItemEntity).map(o -> (XYItemEntity) o).toList();
        assertTrue(markers.stream().anyMatch(e -> e.getSeriesIndex() == 1), "the current plan is marked");
        XYItemEntity target = null;
        double far = -1;
        for (XYItemEntity e : markers) {
            if (e.getSeriesIndex() != 0) {
                continue;
            }
            Rectangle2D b = e.getArea().getBounds2D();
            double nearest = markers.stream().filter(o -> o != e).map(o -> o.getArea().getBounds2D())
                    .mapToDouble(o -> Math.hypot(o.getCenterX() - b.getCenterX(), o.getCenterY() - b.getCenterY()))
                    .min().orElse(Double.MAX_VALUE);
            if (nearest > far) {
                far = nearest;
                target = e;
            }
        }
        assertTrue(far > 10, "some front point stands apart from the others: " + far);
        assertNotNull(target);
        ParetoPoint expected = front.get(target.getItem());
        assertNotEquals(before, expected.plan());
        Rectangle2D b = target.getArea().getBounds2D();
        Point2D screen = viewer.getCanvas().localToScreen(b.getCenterX(), b.getCenterY());
        robot.clickOn(screen, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected.plan(), plan());
        assertEquals(Formats.ms(expected.metrics().meanLatency()), TestWindows.text(robot, "#expected-latency"));
        robot.interact(() -> window.explorer().document().undo());
        assertEquals(before, plan());
    }
}
