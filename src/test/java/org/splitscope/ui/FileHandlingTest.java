package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening and saving: problems named in a dialog, the scenario on screen kept, round trips exact. */
@ExtendWith(ApplicationExtension.class)
class FileHandlingTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    private DialogPane waitForDialog(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        return robot.lookup(id).queryAs(DialogPane.class);
    }

    @Test
    void aMalformedFileOpensAnErrorNamingTheProblemAndKeepsTheScenario(FxRobot robot) throws Exception {
        Scenario before = window.explorer().document().getScenario();
        Path bad = dir.resolve("bad.json");
        String teaching = Files.readString(Path.of("sample-scenarios", "teaching.json"));
        Files.writeString(bad, teaching.replaceFirst("\"bandwidthBps\" : [0-9.E]+", "\"bandwidthBps\" : -10"));
        robot.interact(() -> window.files().openFile(bad));
        DialogPane dialog = waitForDialog(robot, "#error-dialog");
        assertTrue(dialog.getHeaderText().contains("bad.json"), dialog.getHeaderText());
        assertTrue(dialog.getContentText().contains("topology.links[0].bandwidthBps: must be > 0"),
                dialog.getContentText());
        assertSame(before, window.explorer().document().getScenario());
        assertEquals(null, window.explorer().document().getFile());
        TestWindows.pressOk(robot, dialog);
    }

    @Test
    void importingAnOnnxModelReplacesTheModelAsOneUndoableEdit(FxRobot robot) throws Exception {
        Scenario before = window.explorer().document().getScenario();
        Path model = org.splitscope.OnnxFixtures.CLASSIFIER;
        robot.interact(() -> window.files().importOnnx(model));
        TestWindows.acceptImport(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.explorer().document().getScenario() != before);
        WaitForAsyncUtils.waitForFxEvents();
        Scenario after = window.explorer().document().getScenario();
        assertEquals(60, after.profile().unitCount(), "the classifier in blocks");
        assertEquals(before.topology(), after.topology());
        assertEquals(org.splitscope.perf.Evaluator.evaluate(after), window.explorer().metrics().getMetrics());
        robot.interact(() -> window.explorer().document().undo());
        assertSame(before, window.explorer().document().getScenario());
    }

    @Test
    void aBuiltInModelReplacesTheModelAsOneUndoableEdit(FxRobot robot) throws Exception {
        Scenario before = window.explorer().document().getScenario();
        org.splitscope.zoo.ZooModel resnet = org.splitscope.zoo.ModelZoo.byId("resnet-50");
        robot.interact(() -> window.files().useBuiltInModel(resnet, org.splitscope.zoo.Granularity.LAYERS));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> window.explorer().document().getScenario() != before);
        WaitForAsyncUtils.waitForFxEvents();
        Scenario after = window.explorer().document().getScenario();
        assertEquals(resnet.profile(org.splitscope.zoo.Granularity.LAYERS).units(), after.profile().units());
        assertEquals(3, after.profile().exits().size(), "with its exits and their synthetic statistics");
        assertEquals(before.topology(), after.topology());
        assertEquals(Evaluator.evaluate(after), window.explorer().metrics().getMetrics());
        robot.interact(() -> window.explorer().document().undo());
        assertSame(before, window.explorer().document().getScenario());
    }

    @Test
    void aFileThatIsNotOnnxCannotBeImportedAndNothingChanges(FxRobot robot) throws Exception {
        Scenario before = window.explorer().document().getScenario();
        Path bad = dir.resolve("model.onnx");
        Files.writeString(bad, "not a model");
        robot.interact(() -> window.files().importOnnx(bad));
        DialogPane dialog = waitForDialog(robot, "#error-dialog");
        assertTrue(dialog.getHeaderText().contains("model.onnx"), dialog.getHeaderText());
        assertSame(before, window.explorer().document().getScenario());
        TestWindows.pressOk(robot, dialog);
    }

    @Test
    void exportedMetricsAreTheEvaluatorsFigures(FxRobot robot) throws Exception {
        Path out = dir.resolve("metrics.json");
        robot.interact(() -> assertTrue(window.files().exportMetricsTo(out)));
        var json = org.splitscope.io.Json.mapper().readTree(out.toFile());
        var expected = org.splitscope.perf.Evaluator.evaluate(window.explorer().document().getScenario());
        assertEquals(expected.meanLatency(), json.at("/latency/mean").asDouble(), 0);
        assertEquals(expected.bottleneck(), json.get("bottleneck").asText());
    }

    @Test
    void notJsonAtAllIsAnErrorToo(FxRobot robot) throws Exception {
        Path bad = dir.resolve("notes.json");
        Files.writeString(bad, "this is not { json");
        robot.interact(() -> window.files().openFile(bad));
        DialogPane dialog = waitForDialog(robot, "#error-dialog");
        assertFalse(dialog.getContentText().isBlank());
        TestWindows.pressOk(robot, dialog);
    }

    @Test
    void savedAndReopenedIsTheSameScenario(FxRobot robot) throws Exception {
        robot.interact(() -> window.explorer().planEditor().moveCut(0, 12));
        assertTrue(window.explorer().document().isDirty());
        Path file = dir.resolve("mine.json");
        robot.interact(() -> assertTrue(window.files().saveTo(file)));
        assertFalse(window.explorer().document().isDirty());
        assertEquals("mine.json — SplitScope", ((Stage) window.scene().getWindow()).getTitle());
        Scenario saved = window.explorer().document().getScenario();

        robot.interact(() -> window.files().openFile(file));
        TestWindows.settle(window);
        Scenario reopened = window.explorer().document().getScenario();
        assertNotSame(saved, reopened);
        assertEquals(ScenarioFiles.toJson(saved), ScenarioFiles.toJson(reopened));
        assertEquals(Evaluator.evaluate(saved), window.explorer().metrics().getMetrics());
        assertEquals(file, window.explorer().document().getFile());
        assertEquals(file.toAbsolutePath(), window.explorer().recent().filesProperty().get(0));
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindowOpen(FxRobot robot) throws Exception {
        robot.interact(() -> window.explorer().planEditor().moveCut(0, 12));
        Stage stage = (Stage) window.scene().getWindow();
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitForDialog(robot, "#unsaved-dialog");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing());
    }

    @Test
    void openingWithUnsavedChangesAsksAndCancelKeepsEverything(FxRobot robot) throws Exception {
        robot.interact(() -> window.explorer().planEditor().moveCut(0, 12));
        Scenario edited = window.explorer().document().getScenario();
        Path other = Path.of("sample-scenarios", "teaching.json");
        Platform.runLater(() -> window.files().openFile(other));
        waitForDialog(robot, "#unsaved-dialog");
        robot.clickOn("Cancel");
        TestWindows.settle(window);
        assertSame(edited, window.explorer().document().getScenario());
        assertTrue(window.explorer().document().isDirty());
    }
}
