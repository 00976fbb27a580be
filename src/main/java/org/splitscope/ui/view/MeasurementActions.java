package org.splitscope.ui.view;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.splitscope.io.Loaded;
import org.splitscope.io.measure.MeasurementFormat;
import org.splitscope.io.measure.MeasurementMapping;
import org.splitscope.io.measure.UnmatchedLayers;
import org.splitscope.perf.Calibration;
import org.splitscope.ui.model.MeasurementsModel;

/**
 * File > Import measurements: a measurement file, its format, the device class it was taken on
 * and what becomes of layers that match no node; the coverage report before anything changes;
 * then one undoable edit. File > Measured vs estimated: per unit the FLOP estimate against the
 * measured time for a class, and a button that sets the class's nodes to the fitted rate.
 */
public final class MeasurementActions {
    private final MeasurementsModel model;
    private final Window owner;

    public MeasurementActions(MeasurementsModel model, Window owner) {
        this.model = model;
        this.owner = owner;
    }

    public void importMeasurements() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import measurements");
        File f = chooser.showOpenDialog(owner);
        if (f == null) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Import measurements");
        d.setHeaderText("Measured layer times from " + f.getName());
        ChoiceBox<MeasurementFormat> format = new ChoiceBox<>();
        format.getItems().setAll(MeasurementFormat.values());
        format.setConverter(words(MeasurementFormat.class));
        format.setValue(guess(f.getName()));
        ComboBox<String> deviceClass = new ComboBox<>();
        deviceClass.setEditable(true);
        deviceClass.getItems().setAll(model.deviceClasses());
        ChoiceBox<UnmatchedLayers> unmatched = new ChoiceBox<>();
        unmatched.getItems().setAll(UnmatchedLayers.values());
        unmatched.setConverter(words(UnmatchedLayers.class));
        unmatched.setValue(UnmatchedLayers.LEAVE);
        Path[] layerInfo = {null};
        Label infoName = new Label("none");
        Button info = new Button("Layer info…");
        info.disableProperty().bind(format.valueProperty().isNotEqualTo(MeasurementFormat.TRTEXEC));
        info.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle("trtexec --exportLayerInfo JSON");
            File l = c.showOpenDialog(owner);
            layerInfo[0] = l == null ? null : l.toPath();
            infoName.setText(l == null ? "none" : l.getName());
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Device class"), deviceClass);
        grid.addRow(2, new Label("TensorRT layer information"), info, infoName);
        grid.addRow(3, new Label("Layers that match no node"), unmatched);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().setId("import-measurements-dialog");
        if (d.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        String cls = deviceClass.getEditor().getText();
        Loaded<MeasurementMapping.Mapped> mapped = model.preview(f.toPath(), format.getValue(),
                format.getValue() == MeasurementFormat.TRTEXEC ? layerInfo[0] : null, cls, unmatched.getValue());
        if (!mapped.isOk()) {
            Dialogs.problems(owner, "Could not import " + f.getName(), mapped.problems());
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner);
        confirm.setTitle("SplitScope");
        confirm.setHeaderText("What the measurements cover");
        confirm.getDialogPane().setContent(report(String.join("\n", mapped.value().coverage().lines())));
        ButtonType apply = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(apply, ButtonType.CANCEL);
        if (confirm.showAndWait().orElse(ButtonType.CANCEL) == apply) {
            model.apply(mapped.value());
            showComparison(cls.strip());
        }
    }

    /** Asks the class, then shows the comparison. */
    public void measuredVsEstimated() {
        ChoiceBox<String> cls = new ChoiceBox<>();
        cls.getItems().setAll(model.deviceClasses());
        if (cls.getItems().isEmpty()) {
            return;
        }
        cls.setValue(cls.getItems().get(0));
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Measured vs estimated");
        d.setHeaderText("Which device class?");
        d.getDialogPane().setId("measured-class-dialog");
        d.getDialogPane().setContent(cls);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (d.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            showComparison(cls.getValue());
        }
    }

    private void showComparison(String deviceClass) {
        Calibration c = model.calibration(deviceClass);
        if (c == null) {
            Dialogs.error(owner, "Measured vs estimated", "No node of the topology has the device class '" + deviceClass
                    + "'; give it to a node (property sheet) to compare.");
            return;
        }
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("ms");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        XYChart.Series<String, Number> estimated = new XYChart.Series<>();
        estimated.setName("FLOP estimate on " + c.node());
        XYChart.Series<String, Number> measured = new XYChart.Series<>();
        measured.setName("measured on '" + deviceClass + "'");
        for (Calibration.UnitRow r : c.units()) {
            String unit = String.valueOf(r.unit());
            estimated.getData().add(new XYChart.Data<>(unit, r.estimatedSeconds() * 1e3));
            measured.getData().add(new XYChart.Data<>(unit, r.measuredSeconds() == null ? 0 : r.measuredSeconds() * 1e3));
        }
        chart.getData().add(estimated);
        chart.getData().add(measured);
        chart.setPrefSize(640, 320);
        StringBuilder text = new StringBuilder();
        for (Calibration.StageRow s : c.stages()) {
            text.append(String.format(Locale.ROOT, "Stage %d on %s (units %d-%d): estimated %.3f ms, with measured times %.3f ms%s%n",
                    s.stage(), s.node(), s.firstUnit(), s.lastUnit(), s.estimatedSeconds() * 1e3, s.measuredSeconds() * 1e3,
                    s.relativeError() == null ? "" : String.format(Locale.ROOT, ", error %+.1f%%", s.relativeError() * 100)));
        }
        text.append(c.fittedRate() == null ? "No unit has both a measured time and FLOPs: no rate can be fitted."
                : String.format(Locale.ROOT, "Fitted rate %.4g FLOP/s (least-squares fit through the origin of measured time "
                + "against FLOPs); the nodes of this class are set to %.4g FLOP/s.", c.fittedRate(), c.rate()));
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle("SplitScope");
        a.setHeaderText("Measured vs estimated: '" + deviceClass + "'");
        a.getDialogPane().setContent(new VBox(8, chart, report(text.toString())));
        a.getDialogPane().setId("measured-vs-estimated");
        ButtonType set = new ButtonType("Set node rate to fitted", ButtonBar.ButtonData.APPLY);
        a.getButtonTypes().setAll(set, ButtonType.CLOSE);
        a.getDialogPane().lookupButton(set).setDisable(c.fittedRate() == null);
        if (a.showAndWait().orElse(ButtonType.CLOSE) == set) {
            model.setRateToFitted(deviceClass);
        }
    }

    private static TextArea report(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(14, (int) text.lines().count() + 1));
        area.setStyle("-fx-font-family: monospace;");
        return area;
    }

    private static MeasurementFormat guess(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".txt") ? MeasurementFormat.TFLITE
                : name.contains("trace") || name.contains("ort") ? MeasurementFormat.CHROME_TRACE : MeasurementFormat.TRTEXEC;
    }

    private static <E extends Enum<E>> StringConverter<E> words(Class<E> type) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                if (e == null) {
                    return "";
                }
                return switch (e.name()) {
                    case "TRTEXEC" -> "TensorRT trtexec --exportProfile JSON";
                    case "TFLITE" -> "TFLite benchmark_model op profiling CSV";
                    case "CHROME_TRACE" -> "Chrome trace (ONNX Runtime, PyTorch)";
                    case "LEAVE" -> "Leave them out (listed)";
                    case "SPREAD" -> "Spread over their neighbours";
                    default -> e.name();
                };
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        };
    }
}
