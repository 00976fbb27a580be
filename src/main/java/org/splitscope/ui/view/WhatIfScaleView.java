package org.splitscope.ui.view;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.splitscope.io.SweepCsv;
import org.splitscope.model.Plan;
import org.splitscope.optimize.Objective;
import org.splitscope.ui.model.WhatIfFactor;
import org.splitscope.ui.model.WhatIfModel;
import org.splitscope.ui.model.WhatIfRow;

/**
 * The what-if sliders: one log slider per link bandwidth and latency and per node compute rate
 * and price (label: the factor and the value it gives), and beside them the current plan's and
 * the best plan's metrics on the scaled scenario with their difference, the best plan's stages,
 * "Apply to scenario", "Reset" and "Apply best plan". Everything shown comes from the {@link WhatIfModel}.
 */
final class WhatIfScaleView extends SplitPane {
    private final WhatIfModel model;
    private final GridPane sliders = new GridPane();
    private final TableView<WhatIfRow> table = new TableView<>();
    private final Label stages = new Label();
    private final Label problems = new Label();
    private final java.util.Map<WhatIfFactor, Label> values = new java.util.HashMap<>();

    WhatIfScaleView(WhatIfModel model) {
        this.model = model;
        setId("whatif-scale");
        sliders.setHgap(8);
        sliders.setVgap(4);
        sliders.setId("whatif-sliders");
        ComboBox<Objective> objective = new ComboBox<>(FXCollections.observableArrayList(Objective.values()));
        objective.setId("whatif-objective");
        objective.valueProperty().bindBidirectional(model.objectiveProperty());
        objective.setConverter(WhatIfPanel.objectiveNames());
        Button reset = new Button("Reset");
        reset.setId("whatif-reset");
        reset.setOnAction(e -> model.reset());
        Button apply = new Button("Apply to scenario");
        apply.setId("whatif-apply");
        apply.setOnAction(e -> model.applyToScenario());
        apply.disableProperty().bind(model.currentProperty().isNull());
        Label hint = new Label("The sliders scale a copy of the scenario; Apply makes it the scenario (Undo takes it back).");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label bestFor = new Label("Best plan for");
        // labels and buttons keep their words; the objective chooser gives way
        for (javafx.scene.control.Labeled l : List.of(bestFor, reset, apply)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        objective.setMinWidth(60);
        VBox left = new VBox(6, new FlowPane(6, 6, bestFor, objective, reset, apply), hint, sliders);
        ScrollPane scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);
        getItems().addAll(scroll, results());
        setDividerPositions(0.5);
        model.factorsProperty().addListener((ListChangeListener<WhatIfFactor>) c -> fillSliders());
        fillSliders();
        model.currentProperty().addListener((o, a, b) -> refresh());
        model.bestProperty().addListener((o, a, b) -> refresh());
        model.problemsProperty().addListener((ListChangeListener<String>) c -> refresh());
        refresh();
    }

    private VBox results() {
        Label status = new Label();
        status.setId("whatif-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        problems.setId("whatif-problems");
        problems.getStyleClass().add("optimize-error");
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.managedProperty().bind(problems.visibleProperty());
        table.setId("whatif-table");
        WholeHeaders.keep(table);
        table.getColumns().add(column("Metric", WhatIfRow::metric));
        table.getColumns().add(column("Current plan", WhatIfRow::current));
        table.getColumns().add(column("Best plan", WhatIfRow::best));
        table.getColumns().add(column("Best − current", WhatIfRow::difference));
        stages.setId("whatif-best-stages");
        stages.setWrapText(true);
        Button applyPlan = new Button("Apply best plan");
        applyPlan.setId("whatif-apply-plan");
        applyPlan.setOnAction(e -> model.applyBestPlan());
        applyPlan.disableProperty().bind(model.bestPlanProperty().isNull());
        VBox box = new VBox(4, status, problems, table, stages, applyPlan);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static TableColumn<WhatIfRow, String> column(String title, java.util.function.Function<WhatIfRow, String> text) {
        TableColumn<WhatIfRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private void fillSliders() {
        sliders.getChildren().clear();
        values.clear();
        int row = 0;
        for (WhatIfFactor f : model.factorsProperty()) {
            Slider slider = new Slider(Math.log10(WhatIfModel.MIN_FACTOR), Math.log10(WhatIfModel.MAX_FACTOR), 0);
            String id = "whatif-factor-" + f.parameter().toString().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
            slider.setId(id);
            slider.setMajorTickUnit(1);
            slider.setShowTickMarks(true);
            slider.setPrefWidth(200);
            Label value = new Label(f.text());
            value.setId(id + "-value");
            values.put(f, value);
            slider.valueProperty().addListener((o, a, v) -> {
                double factor = Math.pow(10, v.doubleValue());
                if (Math.abs(Math.log10(f.factor()) - v.doubleValue()) > 1e-12) {
                    f.factorProperty().set(factor);
                }
            });
            f.factorProperty().addListener((o, a, v) -> {
                double log = Math.log10(v.doubleValue());
                if (Double.isFinite(log) && Math.abs(slider.getValue() - log) > 1e-12) {
                    slider.setValue(log);
                }
                value.setText(f.text());
            });
            sliders.addRow(row++, new Label(f.label()), slider, value);
        }
    }

    private void refresh() {
        // the value a factor gives moves with the document too
        values.forEach((f, label) -> label.setText(f.text()));
        problems.setText(String.join("\n", model.problemsProperty()));
        problems.setVisible(!model.problemsProperty().isEmpty());
        table.getItems().setAll(model.currentProperty().get() == null ? java.util.List.of()
                : WhatIfRow.of(model.currentProperty().get(), model.bestProperty().get()));
        Plan best = model.bestPlanProperty().get();
        stages.setText(best == null ? "" : "Best plan: " + SweepCsv.stages(best) + (best.exits().isEmpty() ? ""
                : "; exits " + best.exits().stream().map(x -> x.exit() + "@" + x.threshold()).collect(Collectors.joining(", "))));
    }

    TableView<WhatIfRow> table() {
        return table;
    }
}
