package org.splitscope.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.OnnxProfiler;
import org.splitscope.io.onnx.ProfileOptions;
import org.splitscope.io.onnx.ProfiledModel;
import org.splitscope.io.onnx.TimingReport;
import org.splitscope.model.ModelProfile;
import org.splitscope.ui.model.Explorer;
import org.splitscope.ui.model.ImportForm;

/**
 * File > Profile ONNX model on this machine: asks the input size and units in the import dialog
 * (which previews the totals), imports the model with them, times it in ONNX Runtime (warm-up,
 * then 20 runs) in the background with progress and Cancel, and puts the profile with its
 * measured unit times into the scenario as one undoable edit. The times belong to a device class
 * named after this CPU, which the dialog afterwards names, so the user can give it to a node.
 */
public final class ProfileActions {
    static final ProfileOptions TIMING = new ProfileOptions(3, 20, 1);

    private final Explorer explorer;
    private final Window owner;

    public ProfileActions(Explorer explorer, Window owner) {
        this.explorer = explorer;
        this.owner = owner;
    }

    public void profileModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Profile ONNX model on this machine");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model (*.onnx)", "*.onnx"));
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            profile(f.toPath());
        }
    }

    /** Opens the import dialog on the model; OK profiles it with the input size and units set there. */
    public void profile(Path file) {
        FileActions.askShape(explorer, owner, file, "Profile " + file.getFileName() + " on this machine", "Profile",
                form -> profile(file, form.options()));
    }

    /** Times the model in the background with these input sizes and units. */
    public void profile(Path file, ImportOptions options) {
        String name = String.valueOf(file.getFileName());
        explorer.work().submit("Profiling " + name,
                progress -> OnnxProfiler.profile(file, options, TIMING,
                        done -> progress.update(done, String.format(Locale.ROOT, "Profiling %s: %.0f %% of the runs", name, done * 100)),
                        progress::cancelled),
                loaded -> done(name, loaded),
                error -> Dialogs.error(owner, "Could not profile " + name, "SplitScope could not time the model "
                        + "(an internal error); the scenario is unchanged."));
    }

    private void done(String name, Loaded<ProfiledModel> loaded) {
        if (!loaded.isOk()) {
            Dialogs.problems(owner, "Could not profile " + name, ImportForm.inUserWords(loaded.problems()));
            return;
        }
        ModelProfile profile = loaded.value().imported().profile();
        explorer.document().endGesture();
        explorer.document().edit("profile", s -> FileActions.withModel(s, profile));
        explorer.document().endGesture();
        TimingReport t = loaded.value().timing();
        Alert a = new Alert(Alert.AlertType.INFORMATION, String.format(Locale.ROOT,
                "%d units timed over %d runs; median run %.2f ms (without the profiler).%nThe measured times belong to the device class '%s':"
                        + " give that class to a node (property sheet) to use them there; other nodes use FLOPs.",
                profile.unitCount(), t.runs(), t.unprofiledRunSeconds() * 1e3, t.deviceClass()), ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("SplitScope");
        a.setHeaderText("Profiled " + name + " on this machine");
        a.getDialogPane().setId("profile-dialog");
        a.show();
    }
}
