package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.chart.Formats;
import org.splitscope.perf.Metrics;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The drag-and-watch loop: cuts and thresholds moved with the mouse, figures that are the evaluator's. */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    private int firstCut() {
        return window.explorer().document().getScenario().plan().cuts().get(0);
    }

    @Test
    void draggingACutShowsTheEvaluatorsLatencyForTheNewPlan(FxRobot robot) {
        int before = firstCut();
        String latencyBefore = TestWindows.text(robot, "#expected-latency");
        robot.drag("#cut-marker-0", MouseButton.PRIMARY).moveBy(-60, 0).moveBy(-60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(firstCut() < before, "the cut moved left: " + firstCut());
        Metrics expected = TestWindows.evaluated(window);
        assertEquals(Formats.ms(expected.latency().mean()), TestWindows.text(robot, "#expected-latency"));
        assertEquals(Formats.ms(expected.latency().p95()), TestWindows.text(robot, "#p95-latency"));
        assertNotEquals(latencyBefore, TestWindows.text(robot, "#expected-latency"));
        assertEquals(expected, window.explorer().metrics().getMetrics());
    }

    @Test
    void draggingACutOnAStripWithBarsByFlopsSnapsToAUnitBoundary(FxRobot robot) {
        robot.interact(() -> window.explorer().strip().widthModeProperty().set(org.splitscope.ui.model.WidthMode.FLOPS));
        WaitForAsyncUtils.waitForFxEvents();
        int before = firstCut();
        robot.drag("#cut-marker-0", MouseButton.PRIMARY).moveBy(-60, 0).moveBy(-60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, firstCut());
        Metrics expected = TestWindows.evaluated(window);
        assertEquals(Formats.ms(expected.latency().mean()), TestWindows.text(robot, "#expected-latency"));
    }

    @Test
    void draggingAThresholdChangesAccuracyAndTheShareLeavingThere(FxRobot robot) {
        String accuracyBefore = TestWindows.text(robot, "#accuracy");
        String shareBefore = TestWindows.text(robot, "#exit-share-exit-s2");
        Slider slider = robot.lookup("#exit-threshold-exit-s2").queryAs(Slider.class);
        Node thumb = slider.lookup(".thumb");
        robot.drag(thumb, MouseButton.PRIMARY).moveBy(40, 0).moveBy(40, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(slider.getValue() > 0.1, "threshold raised: " + slider.getValue());
        Metrics expected = TestWindows.evaluated(window);
        assertEquals(Formats.percent(expected.accuracy()), TestWindows.text(robot, "#accuracy"));
        assertNotEquals(accuracyBefore, TestWindows.text(robot, "#accuracy"));
        String share = Formats.percent(expected.outcome("exit-s2").probability());
        assertEquals(share, TestWindows.text(robot, "#exit-share-exit-s2"));
        assertEquals(share + " leave here", TestWindows.text(robot, "#exit-share-text-exit-s2"));
        assertNotEquals(shareBefore, share);
    }

    @Test
    void clickingAnExitMarkerDisablesTheExit(FxRobot robot) {
        robot.clickOn("#exit-marker-exit-s2");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.explorer().document().getScenario().plan().exits().stream()
                .noneMatch(e -> e.exit().equals("exit-s2")));
        assertEquals("", TestWindows.text(robot, "#exit-share-exit-s2"));
        assertEquals(Formats.percent(TestWindows.evaluated(window).accuracy()), TestWindows.text(robot, "#accuracy"));
    }

    @Test
    void undoAndRedoRestoreExactlyThePreviousMetrics(FxRobot robot) {
        Metrics original = window.explorer().metrics().getMetrics();
        String shown = TestWindows.text(robot, "#expected-latency");
        robot.drag("#cut-marker-0", MouseButton.PRIMARY).moveBy(90, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Metrics dragged = window.explorer().metrics().getMetrics();
        assertNotEquals(original, dragged);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(original, window.explorer().metrics().getMetrics());
        assertEquals(shown, TestWindows.text(robot, "#expected-latency"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(dragged, window.explorer().metrics().getMetrics());
    }

    @Test
    void doubleClickAddsACutAndTheMarkersContextMenuRemovesIt(FxRobot robot) {
        int cuts = window.explorer().document().getScenario().plan().cuts().size();
        robot.moveTo("#cut-marker-0").moveBy(80, 0).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cuts + 1, window.explorer().document().getScenario().plan().cuts().size());
        TestWindows.contextMenu(robot, "#cut-marker-0");
        robot.clickOn("Remove this cut");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cuts, window.explorer().document().getScenario().plan().cuts().size());
        assertEquals(Formats.ms(TestWindows.evaluated(window).latency().mean()),
                TestWindows.text(robot, "#expected-latency"));
    }
}
