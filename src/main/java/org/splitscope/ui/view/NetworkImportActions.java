package org.splitscope.ui.view;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.splitscope.io.Loaded;
import org.splitscope.io.measure.NetworkFormat;
import org.splitscope.io.measure.NetworkImport;
import org.splitscope.ui.model.NetworkImportModel;

/**
 * File > Measurements > Import network measurements: the file's format and, for an iperf3 run,
 * the nodes its client and server ran on and a round trip measured apart; then every link that would change, before anything
 * does; then one undoable edit.
 */
public final class NetworkImportActions {
    private final NetworkImportModel model;
    private final Window owner;

    public NetworkImportActions(NetworkImportModel model, Window owner) {
        this.model = model;
        this.owner = owner;
    }

    public void importNetwork() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import network measurements");
        chooser.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("Scission CSV or iperf3 --json", "*.csv", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = chooser.showOpenDialog(owner);
        if (f != null) {
            importNetwork(f.toPath());
        }
    }

    /** The same, for a file already chosen. */
    public void importNetwork(Path file) {
        String name = String.valueOf(file.getFileName());
        ChoiceBox<NetworkFormat> format = new ChoiceBox<>();
        format.setId("network-format");
        format.getItems().setAll(NetworkFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(NetworkFormat f) {
                return f == null ? "" : f == NetworkFormat.CSV ? "Scission CSV (source, destination, ping_ms, bandwidth_mbps)"
                        : "iperf3 --json (one link)";
            }

            @Override
            public NetworkFormat fromString(String s) {
                return null;
            }
        });
        format.setValue(NetworkImportModel.guessFormat(name));
        ChoiceBox<String> from = nodes("network-from");
        ChoiceBox<String> to = nodes("network-to");
        if (to.getItems().size() > 1) {
            to.getSelectionModel().select(1);
        }
        from.disableProperty().bind(format.valueProperty().isNotEqualTo(NetworkFormat.IPERF3));
        to.disableProperty().bind(from.disableProperty());
        TextField roundTrip = new TextField();
        roundTrip.setId("network-round-trip");
        roundTrip.setPromptText("from the run, if it has one");
        QuantityField.markWhileTyping(roundTrip, NetworkImportModel.ROUND_TRIP);
        roundTrip.disableProperty().bind(from.disableProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("iperf3 client ran on"), from);
        grid.addRow(2, new Label("iperf3 server ran on"), to);
        grid.addRow(3, new Label("Round trip (ms), measured apart"), roundTrip);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Import network measurements");
        d.setHeaderText("Measured links from " + name);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("import-network-dialog");
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        Loaded<NetworkImport.Result> preview = model.preview(file, format.getValue(), from.getValue(), to.getValue(),
                roundTrip.getText());
        if (!preview.isOk()) {
            Dialogs.problems(owner, "Could not import " + name + "; nothing was changed", preview.problems());
            return;
        }
        TextArea changes = new TextArea(NetworkImportModel.summary(preview));
        changes.setId("network-changes");
        changes.setEditable(false);
        changes.setWrapText(true);
        changes.setPrefRowCount(Math.min(12, (int) changes.getText().lines().count() + 1));
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner);
        confirm.setTitle("SplitScope");
        confirm.setHeaderText("What the measurements change");
        confirm.getDialogPane().setContent(changes);
        confirm.getDialogPane().setId("network-preview");
        ButtonType apply = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(apply, ButtonType.CANCEL);
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) == apply) {
            model.apply(preview.value());
        }
    }

    private ChoiceBox<String> nodes(String id) {
        ChoiceBox<String> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(model.nodeIds());
        if (!box.getItems().isEmpty()) {
            box.setValue(box.getItems().get(0));
        }
        return box;
    }
}
