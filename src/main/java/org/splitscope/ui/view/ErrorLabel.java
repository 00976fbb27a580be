package org.splitscope.ui.view;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A panel's error message: shown, and taking room, only while there is one; wrapped over the
 * lines it needs (the table below gives way).
 */
final class ErrorLabel {
    private ErrorLabel() {
    }

    static Label of(String id, ObservableStringValue text) {
        Label error = new Label();
        error.setId(id);
        error.getStyleClass().add("optimize-error");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(text);
        error.visibleProperty().bind(Bindings.isNotEmpty(text));
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }
}
