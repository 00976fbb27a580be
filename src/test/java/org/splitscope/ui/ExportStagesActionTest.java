package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.onnx.ExportManifest;
import org.splitscope.io.onnx.StageExport;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.ui.view.ExportStagesAction;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export stages as ONNX: a model imported in the window comes back out as one file per stage of the plan on screen. */
@ExtendWith(ApplicationExtension.class)
class ExportStagesActionTest {
    private MainWindow window;
    private javafx.stage.Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(javafx.stage.Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    @Test
    void theImportedModelsStagesAreWrittenWithTheirManifest(FxRobot robot) throws Exception {
        Path model = TestModelFiles.residual(dir);
        robot.interact(() -> window.files().importOnnx(model));
        TestWindows.acceptImport(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.explorer().work().isRunning()
                && window.explorer().document().getScenario().profile().name().contains("residual"));
        var doc = window.explorer().document();
        int units = doc.getScenario().profile().unitCount();
        String source = doc.getScenario().topology().source();
        String other = doc.getScenario().topology().nodes().stream().map(n -> n.id()).filter(id -> !id.equals(source)).findFirst().orElseThrow();
        robot.interact(() -> doc.edit(null, s -> s.withPlan(new Plan(List.of(new Stage(1, 2, source), new Stage(3, units, other))))));
        Path out = dir.resolve("stages");
        robot.interact(() -> new ExportStagesAction(window.explorer(), stage).export(model, out,
                org.splitscope.io.onnx.ImportOptions.of(org.splitscope.zoo.Granularity.BLOCKS).withInputShape("x", 1, 4, 8, 8)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#export-stages-dialog").tryQuery().isPresent()
                || robot.lookup("#error-dialog").tryQuery().isPresent());
        assertTrue(robot.lookup("#export-stages-dialog").tryQuery().isPresent(), "no error dialog");
        ExportManifest manifest = StageExport.readManifest(out);
        assertEquals(2, manifest.stages().size());
        for (ExportManifest.StageFile f : manifest.stages()) {
            assertTrue(Files.size(out.resolve(f.file())) > 0, f.file());
        }
        TestWindows.pressOk(robot, robot.lookup("#export-stages-dialog").queryAs(DialogPane.class));
    }
}
