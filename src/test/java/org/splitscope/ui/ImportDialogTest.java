package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.OnnxFixtures;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.OnnxImporter;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Scenario;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Import ONNX model and a dropped .onnx file open the import dialog: the sizes the model
 * leaves open are asked for, the totals previewed, and only OK changes the scenario, as one
 * undoable edit. Before it, the window imported the classifier as a 1 x 3 x 1 x 1 image (2.6e5
 * FLOPs) without a word.
 */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    @AfterEach
    void settle() throws Exception {
        TestWindows.settle(window);
    }

    private DialogPane dialog(FxRobot robot) throws Exception {
        // found before its window shows, the dialog's fields cannot be clicked yet
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#import-dialog")
                .match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#import-dialog").match(NodeQueryUtils.isVisible()).queryAs(DialogPane.class);
    }

    private static Button ok(FxRobot robot) {
        return robot.lookup("#import-ok").queryAs(Button.class);
    }

    private static void awaitOkEnabled(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !ok(robot).isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double flops(ModelProfile p) {
        return p.units().stream().mapToDouble(Unit::flops).sum();
    }

    @Test
    void theClassifierIsImportedAtTheSizeOnScreenAndUndoneInOneStep(FxRobot robot) throws Exception {
        TestWindows.settle(window);
        Scenario before = window.explorer().document().getScenario();
        robot.interact(() -> window.files().importOnnx(OnnxFixtures.CLASSIFIER));
        dialog(robot);
        assertEquals("48", robot.lookup("#dim-x-2").queryAs(TextField.class).getText());
        assertEquals("192", robot.lookup("#dim-x-3").queryAs(TextField.class).getText());
        assertFalse(robot.lookup("#dim-x-1").queryAs(TextField.class).isEditable(), "3 channels: fixed by the model");
        awaitOkEnabled(robot);
        assertEquals("60", TestWindows.text(robot, "#import-units"));
        assertEquals("0.0362", TestWindows.text(robot, "#import-gflops"));
        assertSame(before, window.explorer().document().getScenario(), "nothing changes before OK");

        robot.clickOn("#import-ok");
        WaitForAsyncUtils.waitForFxEvents();
        ModelProfile imported = window.explorer().document().getScenario().profile();
        ModelProfile expected = OnnxImporter.importModel(OnnxFixtures.CLASSIFIER,
                ImportOptions.of(Granularity.BLOCKS).withInputShape("x", 1, 3, 48, 192)).orElseThrow().profile();
        assertEquals(expected, imported);
        assertEquals(3.618e7, flops(imported), 0.001e7, "not the 2.6e5 FLOPs of a 1 x 3 x 1 x 1 image");
        assertEquals(before.topology(), window.explorer().document().getScenario().topology());
        robot.interact(() -> window.explorer().document().undo());
        assertSame(before, window.explorer().document().getScenario());
    }

    @Test
    void aBadSizeIsNamedAndOkStaysDisabledUntilTheDetectorsPageSizeIsGiven(FxRobot robot) throws Exception {
        TestWindows.settle(window);
        Scenario before = window.explorer().document().getScenario();
        robot.interact(() -> window.files().openDropped(OnnxFixtures.DETECTOR));
        dialog(robot);
        assertEquals("", robot.lookup("#dim-x-2").queryAs(TextField.class).getText(), "no size is guessed");
        assertTrue(TestWindows.text(robot, "#dim-x-2-error").startsWith("Required"));
        assertTrue(ok(robot).isDisabled());

        type(robot, "#dim-x-2", "abc");
        Label error = robot.lookup("#dim-x-2-error").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("'abc' is not a number"), error.getText());
        assertEquals("abc", robot.lookup("#dim-x-2").queryAs(TextField.class).getText(), "kept as typed");
        type(robot, "#dim-x-3", "640");
        assertTrue(ok(robot).isDisabled(), "a field still cannot be read");
        assertEquals("–", TestWindows.text(robot, "#import-gflops"), "no totals for a size not on screen");

        type(robot, "#dim-x-2", "640");
        assertFalse(error.isVisible());
        robot.clickOn("#import-units-layers");
        awaitOkEnabled(robot);
        assertEquals("4.77", TestWindows.text(robot, "#import-gflops"));

        robot.interact(() -> ((Button) robot.lookup("#import-dialog").queryAs(DialogPane.class)
                .lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#import-dialog").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false));
        assertSame(before, window.explorer().document().getScenario(), "Cancel changes nothing");
        assertFalse(window.explorer().document().canUndoProperty().get(), "and records no edit");
    }
}
