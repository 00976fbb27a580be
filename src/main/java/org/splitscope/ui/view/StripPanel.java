package org.splitscope.ui.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.splitscope.ui.model.Explorer;

/** The model strip with its heading, the stages' node drop-downs and the exits' switches and sliders. */
public final class StripPanel extends VBox {
    public StripPanel(Explorer explorer) {
        getStyleClass().add("strip-panel");
        Label heading = new Label();
        heading.getStyleClass().add("panel-heading");
        heading.textProperty().bind(Bindings.createStringBinding(
                () -> "Model: " + explorer.document().getScenario().profile().name() + " · "
                        + explorer.document().getScenario().profile().unitCount() + " units · "
                        + "bars: " + explorer.strip().heightModeProperty().get().label()
                        + " · line: bytes crossing each cut · ▲ DNNSplit candidate cuts",
                explorer.document().scenarioProperty(), explorer.strip().heightModeProperty()));
        ModelStripView strip = new ModelStripView(explorer.strip(), explorer.planEditor());
        StageControls stages = new StageControls(explorer.strip(), explorer.planEditor(), explorer.document());
        ExitControls exits = new ExitControls(explorer.strip(), explorer.planEditor());
        HBox controls = new HBox(stages, exits);
        controls.getStyleClass().add("strip-controls");
        HBox.setHgrow(exits, Priority.ALWAYS);
        VBox.setVgrow(strip, Priority.ALWAYS);
        getChildren().addAll(heading, strip, controls);
    }
}
