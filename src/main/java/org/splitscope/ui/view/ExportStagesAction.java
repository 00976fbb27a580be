package org.splitscope.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ExportManifest;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.StageExport;
import org.splitscope.io.onnx.StageExporter;
import org.splitscope.model.Scenario;
import org.splitscope.ui.model.Explorer;
import org.splitscope.zoo.Granularity;

/**
 * File > Export stages as ONNX: one sub-model per stage of the plan on screen, written with its
 * manifest to a folder, in the background. The scenario's profile must come from the chosen model;
 * the window imports by blocks, the command line may have used layers, so both are tried and the
 * first that matches the profile is used (a mismatch names the field).
 */
public final class ExportStagesAction {
    private final Explorer explorer;
    private final Window owner;

    public ExportStagesAction(Explorer explorer, Window owner) {
        this.explorer = explorer;
        this.owner = owner;
    }

    public void exportStages() {
        FileChooser model = new FileChooser();
        model.setTitle("The ONNX model this scenario's profile was imported from");
        model.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model (*.onnx)", "*.onnx"));
        File onnx = model.showOpenDialog(owner);
        if (onnx == null) {
            return;
        }
        DirectoryChooser folder = new DirectoryChooser();
        folder.setTitle("Folder for the stage files");
        File dir = folder.showDialog(owner);
        if (dir != null) {
            export(onnx.toPath(), dir.toPath());
        }
    }

    public void export(Path onnx, Path dir) {
        Scenario s = explorer.document().getScenario();
        explorer.work().submit("Exporting stages of " + onnx.getFileName(), progress -> {
            Loaded<StageExport> first = null;
            for (Granularity g : new Granularity[] {Granularity.BLOCKS, Granularity.LAYERS}) {
                Loaded<StageExport> e = StageExporter.export(onnx, ImportOptions.of(g), s.profile(), s.plan());
                if (e.isOk()) {
                    e.value().write(dir);
                    return e;
                }
                first = first == null ? e : first;
            }
            return first;
        }, done -> {
            if (!done.isOk()) {
                Dialogs.problems(owner, "Could not export the stages of " + onnx.getFileName(), done.problems());
                return;
            }
            Alert a = new Alert(Alert.AlertType.INFORMATION, String.format(Locale.ROOT,
                    "%d stage files and %s written to %s.", done.value().manifest().stages().size(),
                    ExportManifest.FILE_NAME, dir), ButtonType.OK);
            a.initOwner(owner);
            a.setTitle("SplitScope");
            a.setHeaderText("Exported the plan's stages as ONNX");
            a.getDialogPane().setId("export-stages-dialog");
            a.show();
        }, error -> Dialogs.error(owner, "Could not export the stages", String.valueOf(error.getMessage())));
    }
}
