package org.splitscope.ui.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.splitscope.ui.model.Explorer;

/** The model strip with its heading, the stages' node drop-downs and the exits' switches and sliders. */
public final class StripPanel extends VBox {
    /** About three exit rows: what the exit pane keeps when the window is short of height. */
    static final double MIN_EXIT_ROWS_HEIGHT = 54;

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
        HBox controls = new HBox(stages, scrolling(exits));
        controls.getStyleClass().add("strip-controls");
        HBox.setHgrow(controls.getChildren().get(1), Priority.ALWAYS);
        VBox.setVgrow(strip, Priority.ALWAYS);
        // after the strip, the exit rows give up height: 54 of them must not push the tabs out of the window
        VBox.setVgrow(controls, Priority.SOMETIMES);
        getChildren().addAll(heading, strip, controls);
    }

    /**
     * The exit rows in a pane that scrolls when the window has no room for all of them; its least
     * height is a few rows, so a model with an exit after every unit leaves the strip region (whose
     * least height the window keeps) as low as one with a few exits.
     */
    static ScrollPane scrolling(ExitControls exits) {
        ScrollPane scroll = new ScrollPane(exits);
        scroll.setId("exit-scroll");
        scroll.getStyleClass().addAll("exit-scroll", "edge-to-edge");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinViewportHeight(MIN_EXIT_ROWS_HEIGHT);
        return scroll;
    }
}
