package org.splitscope.ui.view;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;

/**
 * The ControlsFX property sheet of the selected node or link (and the network's MTU). Rows are
 * rebuilt when the selection changes; their values follow the scenario (so undo shows at once).
 */
public final class PropertiesPane extends VBox {
    private final ScenarioDocument document;
    private final TopologyEditor editor;
    private final PropertySheet sheet = new PropertySheet();
    private final Label hint = new Label("Select a node or a link to edit it.");

    public PropertiesPane(ScenarioDocument document, TopologyEditor editor) {
        this.document = document;
        this.editor = editor;
        getStyleClass().add("properties-pane");
        sheet.setId("property-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        hint.getStyleClass().add("hint");
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(hint, sheet);
        editor.selectionProperty().addListener((o, a, s) -> show(s));
        // leaving the sheet ends the field's gesture: the next edit is a new undo step
        sheet.focusWithinProperty().addListener((o, was, now) -> {
            if (!now) {
                editor.endGesture();
            }
        });
        // the sheet's number fields commit when they lose focus; Enter commits too
        sheet.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.getTarget() instanceof TextField) {
                sheet.requestFocus();
            }
        });
        show(editor.selectionProperty().get());
    }

    private void show(Selection s) {
        hint.setVisible(s == null);
        hint.setManaged(s == null);
        sheet.getItems().setAll(SheetItems.of(document, editor, s));
    }
}
