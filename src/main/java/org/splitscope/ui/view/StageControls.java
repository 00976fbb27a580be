package org.splitscope.ui.view;

import java.util.List;
import java.util.stream.Stream;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.splitscope.model.Node;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.StripData;
import org.splitscope.ui.model.StripModel;

/** One row per stage: its units and a drop-down of the node it runs on. */
final class StageControls extends VBox {
    private final PlanEditor editor;
    private final ScenarioDocument document;

    StageControls(StripModel model, PlanEditor editor, ScenarioDocument document) {
        this.editor = editor;
        this.document = document;
        getStyleClass().add("stage-controls");
        model.dataProperty().addListener((o, a, d) -> show(d));
        show(model.getData());
    }

    private void show(StripData d) {
        List<String> nodes = document.getScenario().topology().nodes().stream().map(Node::id).toList();
        while (getChildren().size() > d.stages().size()) {
            getChildren().remove(getChildren().size() - 1);
        }
        while (getChildren().size() < d.stages().size()) {
            getChildren().add(new Row(getChildren().size()));
        }
        for (int k = 0; k < d.stages().size(); k++) {
            ((Row) getChildren().get(k)).show(d.stages().get(k), nodes);
        }
    }

    private final class Row extends HBox {
        private final Label units = new Label();
        private final ComboBox<String> node = new ComboBox<>();
        private boolean updating;

        Row(int k) {
            getStyleClass().add("stage-row");
            setAlignment(Pos.CENTER_LEFT);
            node.setId("stage-node-" + k);
            units.getStyleClass().add("stage-units");
            node.valueProperty().addListener((o, a, v) -> {
                if (!updating && v != null) {
                    editor.assignStage(k, v);
                }
            });
            getChildren().addAll(units, node);
        }

        void show(StripData.StageRow s, List<String> nodes) {
            updating = true;
            units.setText("Stage " + (s.index() + 1) + ": units " + s.firstUnit() + "–" + s.lastUnit() + " on");
            // a stage left on a deleted node still names it (the problems list says it is gone): a
            // value missing from the items shows blank or another node's name in the closed chooser
            List<String> choices = nodes.contains(s.node()) ? nodes
                    : Stream.concat(nodes.stream(), Stream.of(s.node())).toList();
            if (!node.getItems().equals(choices)) {
                node.setValue(null);
                node.getItems().setAll(choices);
            }
            node.setValue(s.node());
            updating = false;
        }
    }
}
