package org.splitscope.ui.view;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.splitscope.explain.Explanation.Section;
import org.splitscope.ui.model.ExplainModel;

/** The explanation of the plan on screen as titled blocks of monospaced formulas. */
public final class ExplainPanel extends ScrollPane {
    private final VBox body = new VBox();

    public ExplainPanel(ExplainModel model) {
        getStyleClass().add("explain-panel");
        setId("explain-panel");
        setFitToWidth(true);
        body.getStyleClass().add("explain-body");
        setContent(body);
        model.sectionsProperty().addListener((ListChangeListener<Section>) c -> show(model));
        show(model);
    }

    private void show(ExplainModel model) {
        body.getChildren().clear();
        for (Section s : model.sectionsProperty()) {
            Label title = new Label(s.title());
            title.getStyleClass().add("panel-heading");
            Label text = new Label(String.join("\n", s.lines()));
            text.setWrapText(true);
            text.getStyleClass().add("explain-text");
            body.getChildren().addAll(title, text);
        }
    }
}
