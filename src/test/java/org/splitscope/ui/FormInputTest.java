package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.ui.model.SweepPanelModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The number fields of the Optimize, what-if sweep and testbed panels: what is typed is read whole, or marked. */
@ExtendWith(ApplicationExtension.class)
class FormInputTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    private static boolean marked(TextField f) {
        return f.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid"));
    }

    private static void type(FxRobot robot, TextField field, String text) {
        robot.interact(field::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void optimizerLimitsAreMarkedWhileUnreadableAndTakeUnits(FxRobot robot) {
        robot.clickOn("#tab-optimize .tab-label");
        TextField slo = robot.lookup("#optimize-latency-slo").queryAs(TextField.class);
        type(robot, slo, "2,5");
        assertEquals("2,5", slo.getText(), "the text is left as typed");
        assertTrue(marked(slo));
        assertTrue(slo.getTooltip().getText().startsWith("Latency SLO (ms): "), slo.getTooltip().getText());
        type(robot, slo, "0.25 s");
        assertFalse(marked(slo));
        assertEquals(0.25, window.explorer().optimize().form().settings(new java.util.ArrayList<>()).constraints()
                .latencySloSeconds());
        TextField floor = robot.lookup("#optimize-accuracy-floor").queryAs(TextField.class);
        type(robot, floor, "120");
        assertTrue(marked(floor));
        assertTrue(floor.getTooltip().getText().contains("at most 100 %"), floor.getTooltip().getText());
    }

    @Test
    void theTimeLimitIsMarkedWhileUnreadableAndTakesUnits(FxRobot robot) {
        robot.clickOn("#tab-optimize .tab-label");
        TextField limit = robot.lookup("#optimize-time-limit").queryAs(TextField.class);
        assertEquals("", limit.getText(), "no limit unless one is typed");
        type(robot, limit, "30 sec");
        assertEquals("30 sec", limit.getText(), "the text is left as typed");
        assertTrue(marked(limit));
        assertTrue(limit.getTooltip().getText().startsWith("Time limit (s): 'sec' is not a unit this field takes"),
                limit.getTooltip().getText());
        type(robot, limit, "2 min");
        assertFalse(marked(limit));
        assertEquals(java.time.Duration.ofMinutes(2), window.explorer().optimize().form().settings(new java.util.ArrayList<>())
                .timeLimit());
    }

    @Test
    void aSweepBoundIsReadWholeAndARefusedOneKeepsTheLast(FxRobot robot) {
        robot.clickOn("#tab-whatif .tab-label");
        robot.clickOn("#tab-whatif-sweep .tab-label");
        SweepPanelModel.Range range = window.explorer().sweeps().first();
        TextField from = robot.lookup("#whatif-x-from").queryAs(TextField.class);
        type(robot, from, "1e6");
        assertEquals(1e6, range.fromProperty().get(), "1e6, not 16");
        assertEquals("1000000", from.getText());
        type(robot, from, "-5");
        assertEquals(1e6, range.fromProperty().get(), "-5 is refused and the last bound kept");
        assertTrue(marked(from));
        assertEquals("-5", from.getText());
        // Run does not sweep from a bound other than the one the field shows: it says which field to fix
        robot.clickOn("#whatif-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.explorer().sweeps().runningProperty().get());
        String error = window.explorer().sweeps().errorProperty().get();
        assertTrue(error.startsWith("first parameter: From (in the parameter's unit): -5"), error);
        robot.interact(from::requestFocus);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", range.fromProblemProperty().get(), "Escape puts the bound back in the field");
    }

    @Test
    void anUnreadableStepCountIsRefusedWithoutACrash(FxRobot robot) {
        java.util.List<Throwable> uncaught = new java.util.ArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)));
        robot.clickOn("#tab-whatif .tab-label");
        robot.clickOn("#tab-whatif-sweep .tab-label");
        SweepPanelModel.Range range = window.explorer().sweeps().first();
        int before = range.stepsProperty().get();
        TextField steps = robot.lookup("#whatif-x-steps").queryAs(javafx.scene.control.Spinner.class).getEditor();
        type(robot, steps, "abc");
        assertTrue(uncaught.isEmpty(), () -> "uncaught: " + uncaught);
        assertEquals(before, range.stepsProperty().get());
        assertTrue(marked(steps));
        type(robot, steps, "1e2");
        assertEquals(100, range.stepsProperty().get());
        assertFalse(marked(steps));
    }

    @Test
    void testbedCountsAreMarkedWhileUnreadable(FxRobot robot) {
        robot.clickOn("#tab-testbed .tab-label");
        TextField requests = robot.lookup("#testbed-requests").queryAs(TextField.class);
        type(robot, requests, "2.5");
        assertTrue(marked(requests));
        type(robot, requests, "1e2");
        assertFalse(marked(requests));
        TextField rate = robot.lookup("#testbed-rate").queryAs(TextField.class);
        type(robot, rate, "5 req/s");
        assertFalse(marked(rate));
        type(robot, rate, "-1");
        assertTrue(marked(rate));
    }
}
