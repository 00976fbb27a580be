package org.splitscope.ui.view;

import java.io.File;
import java.io.IOException;
import java.util.List;

import javafx.beans.property.DoubleProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.splitscope.chart.ChartPalette;
import org.splitscope.chart.PlanRegionChart;
import org.splitscope.chart.PlanSweepChart;
import org.splitscope.chart.SweepMetric;
import org.splitscope.optimize.Objective;
import org.splitscope.ui.model.Quantity;
import org.splitscope.ui.model.SweepPanelModel;
import org.splitscope.whatif.SweepParameter;

/**
 * The what-if sweep: what to vary and over which range (optionally a second parameter for a map
 * of best plans), the objective of the re-optimization, Run with progress, Cancel, Export CSV,
 * and the chart of the last sweep: curves with plan-change markers, or the heat map of regions.
 */
final class WhatIfSweepView extends VBox {
    /** The chart's least height: below it the plot and its plan-change labels are unreadable. */
    static final double CHART_MIN_HEIGHT = 260;

    private final SweepPanelModel model;
    private final PlanSweepChart curves = new PlanSweepChart();
    private final PlanRegionChart map = new PlanRegionChart();
    private final ComboBox<SweepMetric> metric = new ComboBox<>(FXCollections.observableArrayList(SweepMetric.values()));
    private final CheckBox logY = new CheckBox("log y");

    WhatIfSweepView(SweepPanelModel model) {
        super(6);
        this.model = model;
        setId("whatif-sweep");
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        form.addRow(0, new Label("Vary"), range("whatif-x", model.first()));
        CheckBox two = new CheckBox("and");
        two.setId("whatif-two");
        two.selectedProperty().bindBidirectional(model.twoParametersProperty());
        HBox second = range("whatif-y", model.second());
        second.disableProperty().bind(two.selectedProperty().not());
        form.addRow(1, two, second);
        ComboBox<Objective> objective = new ComboBox<>(FXCollections.observableArrayList(Objective.values()));
        objective.setId("whatif-sweep-objective");
        objective.valueProperty().bindBidirectional(model.objectiveProperty());
        objective.setConverter(WhatIfPanel.objectiveNames());
        metric.setId("whatif-metric");
        metric.setValue(SweepMetric.LATENCY);
        logY.setId("whatif-log-y");
        form.addRow(2, new Label("Best plan for"), new HBox(6, objective, new Label("Plot"), metric, logY));
        form.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n).setMinWidth(Region.USE_PREF_SIZE));

        List<Node> controls = RunControls.of("whatif", "Run sweep", model::run, model::cancel, model.runningProperty(),
                model.progressProperty());
        Button export = new Button("Export CSV…");
        export.setId("whatif-export");
        export.disableProperty().bind(model.resultProperty().isNull().and(model.gridProperty().isNull()));
        export.setOnAction(e -> export());
        Label status = new Label();
        status.setId("whatif-sweep-status");
        status.textProperty().bind(model.statusProperty());
        Label error = ErrorLabel.of("whatif-sweep-error", model.errorProperty());
        Label unproven = new Label();
        unproven.setId("whatif-sweep-unproven");
        unproven.setWrapText(true);
        unproven.textProperty().bind(model.unprovenProperty());
        unproven.visibleProperty().bind(model.unprovenProperty().isNotEmpty());
        unproven.managedProperty().bind(unproven.visibleProperty());

        Label stale = new Label("The scenario changed after this sweep: the curves belong to the earlier scenario. Run again.");
        stale.setId("whatif-sweep-stale");
        stale.getStyleClass().add("optimize-stale");
        stale.visibleProperty().bind(model.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        ChartPane curvesPane = new ChartPane(curves);
        ChartPane mapPane = new ChartPane(map);
        curvesPane.visibleProperty().bind(model.gridProperty().isNull());
        mapPane.visibleProperty().bind(model.gridProperty().isNotNull());
        StackPane charts = new StackPane(curvesPane, mapPane);
        charts.setMinHeight(CHART_MIN_HEIGHT);
        VBox.setVgrow(charts, Priority.ALWAYS);
        HBox bar = new HBox(6);
        bar.getChildren().addAll(controls);
        bar.getChildren().addAll(export, status);
        getChildren().addAll(form, bar, error, unproven, stale, charts);

        model.resultProperty().addListener((o, a, r) -> showCurves());
        metric.valueProperty().addListener((o, a, m) -> showCurves());
        logY.selectedProperty().addListener((o, a, on) -> showCurves());
        model.gridProperty().addListener((o, a, g) -> map.showGrid(g));
    }

    private void showCurves() {
        curves.showSweep(model.resultProperty().get(), metric.getValue(), logY.isSelected());
    }

    private HBox range(String id, SweepPanelModel.Range r) {
        ComboBox<SweepParameter> parameter = new ComboBox<>();
        parameter.setId(id + "-parameter");
        parameter.setItems(model.choicesProperty());
        parameter.valueProperty().bindBidirectional(r.parameterProperty());
        Spinner<Integer> steps = new Spinner<>(2, 2000, r.stepsProperty().get());
        steps.setId(id + "-steps");
        steps.setEditable(true);
        QuantityField.readWhole(steps, Quantity.of("Steps", Quantity.Unit.NONE, 2, 2000).wholeNumbers());
        steps.setPrefWidth(80);
        r.stepsProperty().bind(steps.valueProperty());
        CheckBox log = new CheckBox("log");
        log.setId(id + "-log");
        log.selectedProperty().bindBidirectional(r.logProperty());
        QuantityField from = number(id + "-from", "From", r.fromProperty());
        r.fromProblemProperty().bind(from.errorProperty());
        QuantityField to = number(id + "-to", "To", r.toProperty());
        r.toProblemProperty().bind(to.errorProperty());
        return new HBox(6, parameter, new Label("from"), from, new Label("to"), to, new Label("steps"), steps, log);
    }

    /**
     * A bound of the range, in the parameter's own unit (b/s, s, FLOP/s, $/h, req/s, a share):
     * read whole when committed, a bad entry refused on the spot and the last good bound kept.
     */
    private static QuantityField number(String id, String name, DoubleProperty value) {
        QuantityField field = new QuantityField(
                Quantity.of(name + " (in the parameter's unit)", Quantity.Unit.NONE, 0, Double.MAX_VALUE), value.get());
        field.setId(id);
        field.setPrefColumnCount(12); // 1e12 FLOP/s reads as 13 digits
        field.valueProperty().addListener((o, a, v) -> value.set(v.doubleValue()));
        value.addListener((o, a, v) -> field.valueProperty().set(v.doubleValue()));
        return field;
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export sweep as CSV");
        chooser.setInitialFileName("sweep.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            model.exportCsv(f.toPath());
        } catch (IOException | RuntimeException e) {
            Dialogs.error(getScene().getWindow(), "Could not export the sweep", f + ": " + e.getMessage());
        }
    }

    PlanSweepChart curves() {
        return curves;
    }

    PlanRegionChart map() {
        return map;
    }

    void applyPalette(ChartPalette palette) {
        curves.applyPalette(palette);
        map.applyPalette(palette);
    }
}
