package org.splitscope.ui.view;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.splitscope.io.Loaded;
import org.splitscope.io.MetricsFiles;
import org.splitscope.io.PlanFiles;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ModelInputs;
import org.splitscope.report.Report;
import org.splitscope.report.ReportFiles;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.testbed.TestbedRun;
import org.splitscope.ui.DefaultScenario;
import org.splitscope.ui.model.BundledSamples;
import org.splitscope.ui.model.Explorer;
import org.splitscope.ui.model.ImportForm;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepResult;
import org.splitscope.zoo.Granularity;
import org.splitscope.zoo.SampleScenarios;
import org.splitscope.zoo.ZooModel;

/**
 * New, Open (chooser, recent list, drag-and-drop), Import of an ONNX model, Save and Save As. Files are read in the
 * background; a file with problems opens an error dialog that names every problem, and the
 * scenario on screen stays as it was. Saving is atomic ({@link ScenarioFiles#write}). Whenever
 * unsaved changes would be lost, the user is asked first.
 */
public final class FileActions {
    private static final FileChooser.ExtensionFilter JSON = new FileChooser.ExtensionFilter("Scenario (*.json)", "*.json");
    private static final FileChooser.ExtensionFilter ONNX = new FileChooser.ExtensionFilter("ONNX model (*.onnx)", "*.onnx");

    private final Explorer explorer;
    private final ScenarioDocument document;
    private final Window owner;

    public FileActions(Explorer explorer, Window owner) {
        this.explorer = explorer;
        this.document = explorer.document();
        this.owner = owner;
    }

    /** Starts again from the bundled default scenario, not yet saved anywhere. */
    public void newScenario() {
        if (mayDiscardChanges()) {
            document.replace(DefaultScenario.load(), null);
        }
    }

    public void open() {
        if (!mayDiscardChanges()) {
            return;
        }
        File f = chooser("Open scenario").showOpenDialog(owner);
        if (f != null) {
            load(f.toPath());
        }
    }

    /**
     * File > Open sample: a bundled scenario opens unsaved under its own name (Save asks where);
     * a bundled lesson starts as Help > Lessons starts it.
     */
    public void openSample(BundledSamples.Sample sample, LessonActions lessons) {
        if (sample.lesson()) {
            lessons.startBundled(sample.name());
            return;
        }
        Loaded<Scenario> loaded = BundledSamples.scenario(sample.name());
        if (!loaded.isOk()) {
            Dialogs.problems(owner, "Could not open the sample " + sample.title(), loaded.problems());
        } else if (mayDiscardChanges()) {
            document.replace(loaded.value(), null);
        }
    }

    /** Opens a file (from the recent list or dropped on the window), asking about unsaved changes first. */
    public void openFile(Path file) {
        if (mayDiscardChanges()) {
            load(file);
        }
    }

    private void load(Path file) {
        String name = String.valueOf(file.getFileName());
        explorer.work().submit("Opening " + name, progress -> ScenarioFiles.read(file),
                loaded -> opened(file, loaded),
                error -> Dialogs.error(owner, "Could not open " + name, String.valueOf(error.getMessage())));
    }

    private void opened(Path file, Loaded<Scenario> loaded) {
        if (!loaded.isOk()) {
            if (!Files.exists(file)) {
                explorer.recent().remove(file);
            }
            Dialogs.problems(owner, "Could not open " + file.getFileName() + ": " + loaded.problems().size()
                    + (loaded.problems().size() == 1 ? " problem" : " problems"), loaded.problems());
            return;
        }
        document.replace(loaded.value(), file);
        explorer.recent().add(file);
        List<Problem> warnings = loaded.warnings();
        if (!warnings.isEmpty()) {
            Dialogs.problems(owner, "Opened " + file.getFileName() + " with warnings", warnings);
        }
    }

    /** Saves to the scenario's file, or asks where; false when nothing was saved. */
    public boolean save() {
        Path f = document.getFile();
        return f == null ? saveAs() : saveTo(f);
    }

    public boolean saveAs() {
        FileChooser chooser = chooser("Save scenario as");
        chooser.setInitialFileName(document.getFile() == null ? "scenario.json" : String.valueOf(document.getFile().getFileName()));
        File f = chooser.showSaveDialog(owner);
        return f != null && saveTo(f.toPath());
    }

    /** Writes the scenario atomically; a failure is shown and leaves the old file as it was. */
    public boolean saveTo(Path file) {
        try {
            ScenarioFiles.write(document.getScenario(), file);
        } catch (Exception e) {
            Dialogs.error(owner, "Could not save " + file.getFileName(), String.valueOf(e.getMessage()));
            return false;
        }
        document.markSaved(file);
        explorer.recent().add(file);
        return true;
    }

    /** Asks about unsaved changes; true when the caller may go on (saved, discarded or none). */
    public boolean mayDiscardChanges() {
        if (!document.isDirty()) {
            return true;
        }
        Path f = document.getFile();
        return switch (Dialogs.askUnsaved(owner, f == null ? "the new scenario" : String.valueOf(f.getFileName()))) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** Opens a scenario file dropped anywhere on the window. */
    public void acceptDrops(Scene scene) {
        scene.setOnDragOver(e -> {
            if (droppedFile(e) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            Path f = droppedFile(e);
            e.setDropCompleted(f != null);
            e.consume();
            if (f != null) {
                // asking about unsaved changes inside the drop handler would block the drag source
                Platform.runLater(() -> openDropped(f));
            }
        });
    }

    /** A dropped .onnx file opens the import dialog; any other file is opened as a scenario. */
    public void openDropped(Path f) {
        if (f.toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            importOnnx(f);
        } else {
            openFile(f);
        }
    }

    private static Path droppedFile(DragEvent e) {
        if (!e.getDragboard().hasFiles() || e.getDragboard().getFiles().size() != 1) {
            return null;
        }
        File f = e.getDragboard().getFiles().get(0);
        String name = f.getName().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".onnx") ? f.toPath() : null;
    }

    /** Saves the current plan's metrics as JSON (what {@code evaluate --json} prints). */
    public void exportMetrics() {
        FileChooser chooser = chooser("Export metrics as JSON");
        chooser.setInitialFileName("metrics.json");
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            exportMetricsTo(f.toPath());
        }
    }

    /** @return whether the file was written; invalid scenarios have no metrics to export */
    public boolean exportMetricsTo(Path file) {
        if (!explorer.metrics().problemsProperty().isEmpty()) {
            Dialogs.error(owner, "Nothing to export", "The scenario has problems, so it has no metrics; fix them first.");
            return false;
        }
        try {
            MetricsFiles.write(explorer.metrics().getMetrics(), file);
            return true;
        } catch (IOException e) {
            Dialogs.error(owner, "Could not export " + file.getFileName(), String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** Saves a report of the current plan, PDF or HTML by the chosen file's extension. */
    public void exportReport() {
        FileChooser chooser = chooser("Export report");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("PDF report (*.pdf)", "*.pdf"),
                new FileChooser.ExtensionFilter("HTML report (*.html)", "*.html", "*.htm"));
        chooser.setInitialFileName("report.pdf");
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            exportReportTo(f.toPath(), () -> { });
        }
    }

    /**
     * Assembles the report (evaluation and the exact search, with the what-if sweep or grid shown if it belongs to
     * this scenario and the last testbed run if any) and writes it
     * in the background.
     *
     * @param done called on the UI thread once the file is written
     * @return whether the export started; invalid scenarios have no metrics to report
     */
    public boolean exportReportTo(Path file, Runnable done) {
        if (!explorer.metrics().problemsProperty().isEmpty()) {
            Dialogs.error(owner, "Nothing to report", "The scenario has problems, so it has no metrics; fix them first.");
            return false;
        }
        try {
            ReportFiles.formatOf(file);
        } catch (IllegalArgumentException e) {
            Dialogs.error(owner, "Could not export " + file.getFileName(), e.getMessage());
            return false;
        }
        Scenario s = document.getScenario();
        TestbedRun testbed = explorer.testbed().lastRunProperty().get();
        boolean current = !explorer.sweeps().staleProperty().get();
        SweepResult sweep = current ? explorer.sweeps().resultProperty().get() : null;
        SweepGrid.Result grid = current ? explorer.sweeps().gridProperty().get() : null;
        explorer.work().submit("Writing report " + file.getFileName(), progress -> {
            ReportFiles.write(Report.assemble(s, sweep, CancellationToken.none()).withTestbed(testbed).withGrid(grid), file);
            return file;
        }, written -> done.run(),
                error -> Dialogs.error(owner, "Could not export " + file.getFileName(), String.valueOf(error.getMessage())));
        return true;
    }

    /** Saves the current plan as a plan file (what {@code export-plan} writes). */
    public void exportPlan() {
        FileChooser chooser = chooser("Export plan as JSON");
        chooser.setInitialFileName("plan.json");
        File f = chooser.showSaveDialog(owner);
        if (f != null) {
            exportPlanTo(f.toPath());
        }
    }

    /** @return whether the file was written */
    public boolean exportPlanTo(Path file) {
        try {
            PlanFiles.write(document.getScenario().plan(), file);
            return true;
        } catch (IOException e) {
            Dialogs.error(owner, "Could not export " + file.getFileName(), String.valueOf(e.getMessage()));
            return false;
        }
    }

    /** Imports an ONNX model chosen in a dialog into the current scenario. */
    public void importModel() {
        FileChooser chooser = chooser("Import ONNX model");
        chooser.getExtensionFilters().setAll(ONNX);
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            importOnnx(f.toPath());
        }
    }

    /**
     * Reads the model's inputs in the background and opens the import dialog, where the user gives
     * the sizes the model leaves open and sees the totals; OK puts that profile into the current
     * scenario, whole model on the source, as one undoable edit. A file that is not a model opens a
     * dialog naming each problem, and the scenario stays as it was.
     */
    public void importOnnx(Path file) {
        askShape(explorer, owner, file, "Import " + file.getFileName(), "Import", form -> {
            ModelProfile profile = form.accepted().profile();
            document.edit("import", s -> withModel(s, profile));
            document.endGesture();
        });
    }

    /** Reads a model's inputs in the background, then opens the import dialog on them (also used by Profile). */
    static void askShape(Explorer explorer, Window owner, Path file, String header, String action,
                         Consumer<ImportForm> accepted) {
        String name = String.valueOf(file.getFileName());
        explorer.work().submit("Reading " + name,
                progress -> ModelInputs.read(file, ImportOptions.DEFAULT_MAX_BYTES),
                loaded -> {
                    if (!loaded.isOk()) {
                        Dialogs.problems(owner, "Could not import " + name, ImportForm.inUserWords(loaded.problems()));
                        return;
                    }
                    ImportDialog.show(owner, new ImportForm(loaded.value(), explorer.work()), header, action, accepted);
                },
                error -> Dialogs.error(owner, "Could not import " + name, "SplitScope could not read the model "
                        + "(an internal error); nothing was changed."));
    }

    /**
     * Builds a built-in model in the background (with its exits and SYNTHETIC exit statistics
     * where it has a published accuracy, units only otherwise) and puts it into the current
     * scenario, whole model on the source, as one undoable edit.
     */
    public void useBuiltInModel(ZooModel model, Granularity granularity) {
        explorer.work().submit("Building " + model.title(),
                progress -> model.hasPublishedAccuracy()
                        ? model.profileWithSyntheticExits(granularity, ExitCriterion.MAX_PROB, SampleScenarios.SEED,
                                SampleScenarios.SYNTHETIC_SAMPLES)
                        : model.profile(granularity),
                profile -> {
                    document.edit("built-in model", s -> withModel(s, profile));
                    document.endGesture();
                },
                error -> Dialogs.error(owner, "Could not build " + model.title(), String.valueOf(error.getMessage())));
    }

    /** The scenario with another model: its topology and workload kept, the whole model on the source. */
    public static Scenario withModel(Scenario s, ModelProfile profile) {
        Plan whole = new Plan(List.of(new Stage(1, profile.unitCount(), s.topology().source())));
        return new Scenario(s.formatVersion(), s.name(), s.description(), null, profile, s.topology(), whole,
                s.workload());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(JSON);
        Path f = document.getFile();
        if (f != null && f.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(f.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }
}
