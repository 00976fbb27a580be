package org.splitscope.ui.view;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
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
    private final ListView<WhatIfFactor> sliders = new ListView<>();
    private final TableView<WhatIfRow> table = new TableView<>();
    private final Label stages = new Label();
    private final Label problems = new Label();
    private Font nameFont; // the font nameWidth was measured in; null: measure again
    private double nameWidth;

    WhatIfScaleView(WhatIfModel model) {
        this.model = model;
        setId("whatif-scale");
        sliders.setId("whatif-sliders");
        sliders.getStyleClass().add("whatif-sliders");
        sliders.setItems(model.factorsProperty());
        sliders.setCellFactory(l -> new FactorCell());
        sliders.setFocusTraversable(false);
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
        hint.setMinHeight(Region.USE_PREF_SIZE); // the slider list gives way, not the hint's words
        Label bestFor = new Label("Best plan for");
        // labels and buttons keep their words; the objective chooser gives way
        for (javafx.scene.control.Labeled l : List.of(bestFor, reset, apply)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        objective.setMinWidth(60);
        VBox left = new VBox(6, new FlowPane(6, 6, bestFor, objective, reset, apply), hint, sliders);
        VBox.setVgrow(sliders, Priority.ALWAYS);
        getItems().addAll(left, results());
        setDividerPositions(0.5);
        model.factorsProperty().addListener((ListChangeListener<WhatIfFactor>) c -> namesChanged());
        model.currentProperty().addListener((o, a, b) -> refresh());
        model.bestProperty().addListener((o, a, b) -> refresh());
        model.problemsProperty().addListener((ListChangeListener<String>) c -> refresh());
        refresh();
    }

    private VBox results() {
        Label status = new Label();
        status.setId("whatif-status");
        status.setWrapText(true);
        // the verdict names each exit that differs: it takes the lines it needs, the table the rest
        status.setMinHeight(Region.USE_PREF_SIZE);
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

    /** The slider's id: {@code whatif-factor-} and the parameter in lower case, e.g. {@code whatif-factor-link-end-edge-bandwidth}. */
    static String sliderId(WhatIfFactor f) {
        return "whatif-factor-" + f.parameter().toString().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT);
    }

    /** The names' column is as wide as the longest name in the label's font, so that the sliders line up as in a grid. */
    private double nameWidth(Font font) {
        if (!font.equals(nameFont)) {
            Text probe = new Text();
            probe.setFont(font);
            double widest = 0;
            for (WhatIfFactor f : model.factorsProperty()) {
                probe.setText(f.label());
                widest = Math.max(widest, probe.getLayoutBounds().getWidth());
            }
            nameFont = font;
            nameWidth = Math.ceil(widest) + 2;
        }
        return nameWidth;
    }

    private void namesChanged() {
        nameFont = null;
        sliders.refresh();
    }

    /**
     * One factor's row: name, log slider and the value it gives. A 50-board cluster has 2,550
     * factors; the list makes rows only for the factors on screen and moves them along as it scrolls.
     */
    private final class FactorCell extends ListCell<WhatIfFactor> {
        private final Label name = new Label();
        private final Slider slider = new Slider(Math.log10(WhatIfModel.MIN_FACTOR), Math.log10(WhatIfModel.MAX_FACTOR), 0);
        private final Label value = new Label();
        private final HBox row = new HBox(8, name, slider, value);
        private final ChangeListener<Number> follow = (o, a, v) -> show();
        private WhatIfFactor factor;

        FactorCell() {
            slider.setMajorTickUnit(1);
            slider.setShowTickMarks(true);
            // the row fits the list's width: the slider gives way (to 60 px), never the name or the value
            slider.setPrefWidth(200);
            slider.setMinWidth(60);
            slider.setMaxWidth(300);
            HBox.setHgrow(slider, javafx.scene.layout.Priority.SOMETIMES);
            value.setMinWidth(Region.USE_PREF_SIZE);
            setPrefWidth(0);
            row.setAlignment(Pos.CENTER_LEFT);
            slider.valueProperty().addListener((o, a, v) -> {
                if (factor != null && Math.abs(Math.log10(factor.factor()) - v.doubleValue()) > 1e-12) {
                    factor.factorProperty().set(Math.pow(10, v.doubleValue()));
                }
            });
            name.fontProperty().addListener((o, a, font) -> name.setMinWidth(nameWidth(font)));
            setText(null);
        }

        @Override
        protected void updateItem(WhatIfFactor f, boolean empty) {
            super.updateItem(f, empty);
            if (factor != null) {
                factor.factorProperty().removeListener(follow);
            }
            factor = empty ? null : f;
            if (factor == null) {
                slider.setId(null);
                value.setId(null);
                setGraphic(null);
                return;
            }
            String id = sliderId(factor);
            slider.setId(id);
            value.setId(id + "-value");
            name.setText(factor.label());
            name.setMinWidth(nameWidth(name.getFont()));
            factor.factorProperty().addListener(follow);
            show();
            setGraphic(row);
        }

        private void show() {
            double log = Math.log10(factor.factor());
            if (Double.isFinite(log) && Math.abs(slider.getValue() - log) > 1e-12) {
                slider.setValue(log);
            }
            value.setText(factor.text());
        }
    }

    private void refresh() {
        // the value a factor gives moves with the document too
        sliders.refresh();
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
