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
 * manifest to a folder, in the background. The scenario's profile must come from the chosen model
 * at the input size given in the import dialog (the stage files' tensors have that size); the units
 * chosen there are tried first, then the other kind, and the first that matches the profile is used
 * (a mismatch names the field).
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
        FileActions.askShape(explorer, owner, onnx.toPath(), "Export the stages of " + onnx.getName()
                + ": the input size the profile was imported with", "Choose folder…", form -> {
                    DirectoryChooser folder = new DirectoryChooser();
                    folder.setTitle("Folder for the stage files");
                    File dir = folder.showDialog(owner);
                    if (dir != null) {
                        export(onnx.toPath(), dir.toPath(), form.options());
                    }
                });
    }

    /** Exports with these input shapes, the options' units first and then the other kind. */
    public void export(Path onnx, Path dir, ImportOptions options) {
        Scenario s = explorer.document().getScenario();
        Granularity other = options.units() == Granularity.BLOCKS ? Granularity.LAYERS : Granularity.BLOCKS;
        explorer.work().submit("Exporting stages of " + onnx.getFileName(), progress -> {
            Loaded<StageExport> first = null;
            for (Granularity g : new Granularity[] {options.units(), other}) {
                ImportOptions tried = new ImportOptions(g, options.inputShapes(), options.maxBytes());
                Loaded<StageExport> e = StageExporter.export(onnx, tried, s.profile(), s.plan());
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
