package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.Scenario;
import org.splitscope.ui.view.ProfileActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Profile ONNX model: measured unit times arrive in the scenario as one undoable edit, and the dialog names their class. */
@ExtendWith(ApplicationExtension.class)
class ProfileActionTest {
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    @Test
    void aProfiledModelCarriesThisMachinesTimesAndUndoes(FxRobot robot) throws Exception {
        Path model = TestModelFiles.residual(dir);
        TestWindows.settle(window);
        Scenario before = window.explorer().document().getScenario();
        robot.interact(() -> new ProfileActions(window.explorer(), stage).profile(model));
        TestWindows.acceptImport(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#profile-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#profile-dialog").queryAs(DialogPane.class);
        var profile = window.explorer().document().getScenario().profile();
        assertNotEquals(before.profile(), profile);
        String deviceClass = profile.unit(1).latencySeconds().keySet().iterator().next();
        assertTrue(profile.units().stream().allMatch(u -> u.latencySeconds().containsKey(deviceClass)), "every unit timed");
        assertTrue(dialog.getContentText().contains("'" + deviceClass + "'"), dialog.getContentText());
        // The profile edit starts the threshold sweep, so work may still run; the profiling job must not.
        assertFalse(window.explorer().work().messageProperty().get().contains("Profiling"));
        TestWindows.pressOk(robot, dialog);
        robot.interact(() -> window.explorer().document().undo());
        assertEquals(before, window.explorer().document().getScenario());
        TestWindows.settle(window);
    }

    @Test
    void theProfiledRunUsesTheSizeSetInTheDialog(FxRobot robot) throws Exception {
        TestWindows.settle(window);
        robot.interact(() -> new ProfileActions(window.explorer(), stage).profile(org.splitscope.OnnxFixtures.CLASSIFIER));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#dim-x-3").tryQuery().isPresent());
        // the change disables OK at once (on the FX thread), until the preview of 48 x 96 is on screen
        robot.interact(() -> robot.lookup("#dim-x-3").queryAs(javafx.scene.control.TextField.class).setText("96"));
        TestWindows.acceptImport(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#profile-dialog").tryQuery().isPresent());
        var profile = window.explorer().document().getScenario().profile();
        var expected = org.splitscope.io.onnx.OnnxImporter.importModel(org.splitscope.OnnxFixtures.CLASSIFIER,
                org.splitscope.io.onnx.ImportOptions.of(org.splitscope.zoo.Granularity.BLOCKS)
                        .withInputShape("x", 1, 3, 48, 96)).orElseThrow().profile();
        assertEquals(expected.units().stream().mapToDouble(u -> u.flops()).sum(),
                profile.units().stream().mapToDouble(u -> u.flops()).sum(), "FLOPs of a 48 x 96 crop, as set");
        assertEquals(3 * 48 * 96 * 4.0, profile.inputBytes());
        TestWindows.pressOk(robot, robot.lookup("#profile-dialog").queryAs(DialogPane.class));
        TestWindows.settle(window);
    }
}
