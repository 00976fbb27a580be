package org.splitscope.ui.view;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.splitscope.ui.model.ImportForm;
import org.splitscope.ui.model.ShapeField;
import org.splitscope.zoo.Granularity;

/**
 * The dialog File > Import ONNX model, File > Profile ONNX model and a dropped .onnx file open:
 * a field per dimension of each input (those the model fixes shown, not editable), each with
 * where its value comes from and, in red, why it cannot be used; the units; and the preview of
 * the totals the import gives. The OK button stays disabled until that preview is on screen.
 */
final class ImportDialog {
    private static final double NOTE_WIDTH = 330;

    private ImportDialog() {
    }

    /**
     * Shows the dialog without waiting (the window stays responsive to the background preview).
     *
     * @param action   the OK button's text ("Import", "Profile")
     * @param accepted called on OK with the form, whose import is {@link ImportForm#accepted()}
     */
    static Dialog<ButtonType> show(Window owner, ImportForm form, String header, String action,
                                   Consumer<ImportForm> accepted) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("SplitScope");
        dialog.setHeaderText(header);
        dialog.setResizable(true);
        ButtonType ok = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().setId("import-dialog");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("import-ok");
        okButton.disableProperty().bind(form.acceptableProperty().not());
        dialog.getDialogPane().setContent(content(form));
        refitOnChange(dialog, form);
        dialog.setOnHidden(e -> {
            form.close();
            if (dialog.getResult() == ok && form.acceptableProperty().get()) {
                accepted.accept(form);
            }
        });
        dialog.show();
        return dialog;
    }

    /** Errors and the status add lines: the dialog grows to show them rather than push its buttons out of sight. */
    private static void refitOnChange(Dialog<?> dialog, ImportForm form) {
        InvalidationListener refit = o -> Platform.runLater(() -> {
            Window w = dialog.getDialogPane().getScene() == null ? null : dialog.getDialogPane().getScene().getWindow();
            if (w != null && w.isShowing()) {
                w.sizeToScene();
            }
        });
        form.statusProperty().addListener(refit);
        form.errorProperty().addListener(refit);
        form.shapeErrorProperty().addListener(refit);
        for (String input : form.inputNames()) {
            form.fields(input).forEach(f -> f.errorProperty().addListener(refit));
        }
    }

    private static Node content(ImportForm form) {
        VBox box = new VBox(10);
        box.setPadding(new Insets(8, 14, 4, 14));
        Label intro = new Label("A profile is for one request of a given size. Give every size the model leaves open; "
                + "the totals below are what the import will contain.");
        wrap(intro);
        intro.getStyleClass().add("hint");
        box.getChildren().add(intro);
        for (String input : form.inputNames()) {
            box.getChildren().add(inputGrid(input, form));
        }
        box.getChildren().add(ErrorLabel.of("import-shape-error", form.shapeErrorProperty()));
        box.getChildren().addAll(units(form), preview(form));
        box.setPrefWidth(640);
        return box;
    }

    private static Node inputGrid(String input, ImportForm form) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints notes = new ColumnConstraints();
        notes.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), notes);
        Label title = new Label("Input '" + input + "'");
        title.getStyleClass().add("import-input-title");
        title.setStyle("-fx-font-weight: bold;");
        grid.add(title, 0, 0, 3, 1);
        int row = 1;
        for (ShapeField f : form.fields(input)) {
            // the model's name for a dimension can be long ("p2o.DynamicDimension.1"): a line of its own
            Label param = new Label(f.isFixed() ? "fixed" : f.param().isEmpty() ? "open" : f.param());
            param.getStyleClass().add("hint");
            VBox name = new VBox(0, new Label("Dimension " + f.index()), param);
            TextField text = new TextField();
            text.setId("dim-" + input + "-" + f.index());
            text.setPrefColumnCount(6);
            text.textProperty().bindBidirectional(f.textProperty());
            text.setEditable(!f.isFixed());
            text.setFocusTraversable(!f.isFixed());
            if (f.isFixed()) {
                text.getStyleClass().add("import-fixed");
                text.setStyle("-fx-opacity: 0.75;");
            }
            Label note = new Label(f.note());
            wrap(note);
            note.getStyleClass().add("hint");
            note.setPrefWidth(NOTE_WIDTH);
            note.setMaxWidth(NOTE_WIDTH);
            note.setVisible(!f.note().isEmpty());
            note.setManaged(note.isVisible());
            Label error = ErrorLabel.of("dim-" + input + "-" + f.index() + "-error", f.errorProperty());
            error.setPrefWidth(NOTE_WIDTH);
            error.setMaxWidth(NOTE_WIDTH);
            grid.add(name, 0, row);
            grid.add(text, 1, row);
            grid.add(new VBox(2, note, error), 2, row);
            row++;
        }
        return grid;
    }

    private static Node units(ImportForm form) {
        ToggleGroup group = new ToggleGroup();
        RadioButton blocks = new RadioButton("Blocks between single-tensor cuts");
        blocks.setId("import-units-blocks");
        blocks.setUserData(Granularity.BLOCKS);
        RadioButton layers = new RadioButton("Layers (one unit per node)");
        layers.setId("import-units-layers");
        layers.setUserData(Granularity.LAYERS);
        blocks.setToggleGroup(group);
        layers.setToggleGroup(group);
        group.selectToggle(form.unitsProperty().get() == Granularity.LAYERS ? layers : blocks);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                form.unitsProperty().set((Granularity) now.getUserData());
            }
        });
        Label title = new Label("Units");
        title.setStyle("-fx-font-weight: bold;");
        return new VBox(4, title, new HBox(16, blocks, layers));
    }

    private static Node preview(ImportForm form) {
        Label title = new Label("Preview");
        title.setStyle("-fx-font-weight: bold;");
        ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
        spinner.setId("import-progress");
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(form.runningProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label status = new Label();
        status.setId("import-status");
        wrap(status);
        status.textProperty().bind(form.statusProperty());
        HBox line = new HBox(6, spinner, status);

        GridPane totals = new GridPane();
        totals.setHgap(18);
        totals.setVgap(2);
        totals.setId("import-totals");
        String[] heads = {"Units", "GFLOPs", "Parameters", "Largest cut"};
        String[] ids = {"import-units", "import-gflops", "import-params", "import-cut"};
        for (int i = 0; i < heads.length; i++) {
            Label head = new Label(heads[i]);
            head.getStyleClass().add("hint");
            int k = i;
            Label value = new Label();
            value.setId(ids[i]);
            value.setStyle("-fx-font-size: 1.25em;");
            value.textProperty().bind(Bindings.createStringBinding(() -> figure(form.totalsProperty().get(), k),
                    form.totalsProperty()));
            totals.add(head, i, 0);
            totals.add(value, i, 1);
        }
        Label error = ErrorLabel.of("import-error", form.errorProperty());
        return new VBox(4, title, line, totals, error);
    }

    private static String figure(ImportForm.Totals t, int which) {
        if (t == null) {
            return "–";
        }
        return switch (which) {
            case 0 -> Integer.toString(t.units());
            case 1 -> String.format(Locale.ROOT, "%.3g", t.flops() / 1e9);
            case 2 -> String.format(Locale.ROOT, "%.3g MB", t.paramBytes() / 1e6);
            default -> t.units() < 2 ? "none" : String.format(Locale.ROOT, "%.3g MB", t.largestCutBytes() / 1e6);
        };
    }

    /**
     * Wraps the label's text instead of cutting it off with "…": a dialog sizes its content by the
     * height of unwrapped text unless a wrapping label insists on its preferred height.
     */
    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }
}
