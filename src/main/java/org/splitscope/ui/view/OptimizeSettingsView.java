package org.splitscope.ui.view;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.ExitRule;
import org.splitscope.optimize.Forbid;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Pin;
import org.splitscope.optimize.Placement;
import org.splitscope.ui.model.OptimizeForm;
import org.splitscope.ui.model.Quantity;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.SearchMethod;

/**
 * The Optimize panel's settings: method, objective, constraints, search space, and the pin and
 * forbid rules (a unit range pinned to a node; a range forbidden on a node or a tier). Every
 * control is bound to the {@link OptimizeForm}; adding and removing a rule calls its commands.
 */
final class OptimizeSettingsView extends VBox {
    private enum RuleKind {
        PIN("pin to node"), FORBID_NODE("forbid on node"), FORBID_TIER("forbid on tier");

        private final String label;

        RuleKind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A pin or forbid in the rule list. */
    private record Rule(Pin pin, Forbid forbid) {
        @Override
        public String toString() {
            if (pin != null) {
                return "units " + pin.firstUnit() + "–" + pin.lastUnit() + " pinned to " + pin.node();
            }
            return "units " + forbid.firstUnit() + "–" + forbid.lastUnit() + " forbidden on "
                    + (forbid.node() != null ? forbid.node() : "tier " + forbid.tier());
        }
    }

    private final OptimizeForm model;
    private final ScenarioDocument document;
    private final ListView<Rule> rules = new ListView<>();

    OptimizeSettingsView(OptimizeForm model, ScenarioDocument document) {
        this.model = model;
        this.document = document;
        getStyleClass().add("optimize-settings");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("optimize-grid");
        ComboBox<SearchMethod> method = combo("optimize-method", model.methods(), model.methodProperty());
        method.setConverter(converter(SearchMethod::label));
        ComboBox<Objective> objective = combo("optimize-objective", List.of(Objective.values()), model.objectiveProperty());
        objective.setConverter(converter(Objective::label));
        ComboBox<Placement> placement = combo("optimize-placement", List.of(Placement.values()), model.placementProperty());
        placement.setConverter(converter(p -> p.name().toLowerCase(java.util.Locale.ROOT)));
        ComboBox<ExitRule> exitRule = combo("optimize-exit-rule", List.of(ExitRule.values()), model.exitRuleProperty());
        exitRule.setConverter(converter(r -> r == ExitRule.FREE ? "after any unit" : "only at stage ends"));
        Spinner<Integer> stages = new Spinner<>(1, 8, model.maxStagesProperty().get());
        stages.setId("optimize-max-stages");
        model.maxStagesProperty().bind(stages.valueProperty());
        Spinner<Integer> count = new Spinner<>(1, 100, model.countProperty().get());
        count.setId("optimize-count");
        model.countProperty().bind(count.valueProperty());
        int row = 0;
        grid.addRow(row++, new Label("Method"), method);
        grid.addRow(row++, new Label("Objective"), objective);
        grid.addRow(row++, new Label("Accuracy floor (%)"),
                limit("optimize-accuracy-floor", model.accuracyFloorProperty(), OptimizeForm.ACCURACY_FLOOR));
        grid.addRow(row++, new Label("Latency SLO (ms)"),
                limit("optimize-latency-slo", model.latencySloProperty(), OptimizeForm.LATENCY_SLO));
        grid.addRow(row++, new Label("Budget ($/M requests)"),
                limit("optimize-budget", model.budgetProperty(), OptimizeForm.BUDGET));
        grid.addRow(row++, new Label("Must hold"), new VBox(4, check("optimize-memory", "memory fits", model.memoryMustFitProperty()),
                check("optimize-utilization", "utilization < 1", model.belowSaturationProperty())));
        grid.addRow(row++, new Label("Max stages"), stages);
        grid.addRow(row++, new Label("Placement"), placement);
        grid.addRow(row++, new Label("Threshold grid"), text("optimize-thresholds", model.thresholdsProperty(), "e.g. 0.2, 0.5, 0.8"));
        grid.addRow(row++, new Label("Exits"), exitRule);
        grid.addRow(row++, new Label("Thresholds"),
                check("optimize-shared-threshold", "one shared by every exit", model.sharedThresholdProperty()));
        grid.addRow(row++, new Label("At most K exits"),
                limit("optimize-max-exits", model.maxExitsProperty(), OptimizeForm.MAX_EXITS));
        grid.addRow(row++, new Label("Partial models"), check("optimize-partial", "allowed", model.partialModelsProperty()));
        grid.addRow(row++, new Label("Plans to list"), count);
        grid.addRow(row, new Label("Time limit (s)"),
                limit("optimize-time-limit", model.timeLimitProperty(), OptimizeForm.TIME_LIMIT));
        // the field names stay whole; the controls give way
        grid.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n).setMinWidth(Region.USE_PREF_SIZE));
        Label heading = new Label("Pins and forbids");
        heading.getStyleClass().add("panel-heading");
        getChildren().addAll(grid, heading, ruleEditor(), rules);
        rules.setId("optimize-rules");
        rules.getStyleClass().add("optimize-rules");
        model.pinsProperty().addListener((ListChangeListener<Pin>) c -> refreshRules());
        model.forbidsProperty().addListener((ListChangeListener<Forbid>) c -> refreshRules());
    }

    private Node ruleEditor() {
        int units = Math.max(1, document.getScenario().profile().unitCount());
        Spinner<Integer> first = new Spinner<>(1, units, 1);
        Spinner<Integer> last = new Spinner<>(1, units, 1);
        first.setId("optimize-rule-first");
        last.setId("optimize-rule-last");
        first.setEditable(true);
        last.setEditable(true);
        QuantityField.readWhole(first, Quantity.of("First unit", Quantity.Unit.NONE, 1, units).wholeNumbers());
        QuantityField.readWhole(last, Quantity.of("Last unit", Quantity.Unit.NONE, 1, units).wholeNumbers());
        first.getStyleClass().add("unit-spinner");
        last.getStyleClass().add("unit-spinner");
        ComboBox<RuleKind> kind = new ComboBox<>(FXCollections.observableArrayList(RuleKind.values()));
        kind.setId("optimize-rule-kind");
        kind.setValue(RuleKind.PIN);
        ComboBox<String> target = new ComboBox<>();
        target.setId("optimize-rule-target");
        Runnable fillTargets = () -> {
            Scenario s = document.getScenario();
            target.getItems().setAll(kind.getValue() == RuleKind.FORBID_TIER
                    ? s.topology().nodes().stream().map(n -> String.valueOf(n.tier())).distinct().sorted().toList()
                    : s.topology().nodes().stream().map(org.splitscope.model.Node::id).toList());
            target.getSelectionModel().selectFirst();
        };
        kind.valueProperty().addListener((o, a, k) -> fillTargets.run());
        document.scenarioProperty().addListener((o, a, s) -> {
            if (a == null || !a.topology().equals(s.topology())) {
                fillTargets.run();
            }
        });
        fillTargets.run();
        Button add = new Button("Add");
        add.setId("optimize-rule-add");
        add.disableProperty().bind(target.valueProperty().isNull());
        add.setOnAction(e -> {
            switch (kind.getValue()) {
                case PIN -> model.addPin(first.getValue(), last.getValue(), target.getValue());
                case FORBID_NODE -> model.forbidOnNode(first.getValue(), last.getValue(), target.getValue());
                case FORBID_TIER -> model.forbidOnTier(first.getValue(), last.getValue(), Integer.parseInt(target.getValue()));
            }
        });
        Button remove = new Button("Remove");
        remove.setId("optimize-rule-remove");
        remove.disableProperty().bind(rules.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            Rule r = rules.getSelectionModel().getSelectedItem();
            if (r.pin() != null) {
                model.removePin(r.pin());
            } else {
                model.removeForbid(r.forbid());
            }
        });
        HBox range = new HBox(4, new Label("Units"), first, new Label("to"), last);
        HBox rule = new HBox(4, kind, target, add, remove);
        range.getStyleClass().add("optimize-rule-editor");
        rule.getStyleClass().add("optimize-rule-editor");
        return new VBox(4, range, rule);
    }

    private void refreshRules() {
        rules.getItems().clear();
        model.pinsProperty().forEach(p -> rules.getItems().add(new Rule(p, null)));
        model.forbidsProperty().forEach(f -> rules.getItems().add(new Rule(null, f)));
    }

    private static <T> ComboBox<T> combo(String id, List<T> items, ObjectProperty<T> value) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(items));
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static TextField text(String id, StringProperty value, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.setPromptText(prompt);
        return field;
    }

    /** A limit's field: empty for none, marked while what is typed is not a value it takes. */
    private static TextField limit(String id, StringProperty value, Quantity quantity) {
        TextField field = text(id, value, "none");
        QuantityField.markWhileTyping(field, quantity);
        return field;
    }

    private static CheckBox check(String id, String text, BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
