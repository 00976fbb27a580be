package org.splitscope.ui.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import org.controlsfx.control.StatusBar;
import org.splitscope.ui.model.BackgroundWork;
import org.splitscope.ui.model.LiveMetrics;

/** The status bar: what runs in the background, its progress and a Cancel button; otherwise the state of the metrics. */
public final class StatusView extends StatusBar {
    public StatusView(BackgroundWork work, LiveMetrics metrics) {
        setId("status-bar");
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-background");
        cancel.setOnAction(e -> work.cancel());
        cancel.visibleProperty().bind(work.runningProperty());
        getRightItems().add(cancel);
        progressProperty().bind(Bindings.when(work.runningProperty())
                .then(work.progressProperty()).otherwise(0.0));
        textProperty().bind(Bindings.when(work.runningProperty())
                .then(work.messageProperty())
                .otherwise(Bindings.when(metrics.staleProperty())
                        .then("The scenario has problems: the figures are the last valid ones, greyed")
                        .otherwise("Ready")));
    }
}
