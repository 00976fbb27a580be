package org.splitscope.ui.view;

import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.AbstractPropertyEditor;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.PropertyEditor;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;

/**
 * The ControlsFX property sheet of the selected node or link (and the network's MTU). Rows are
 * rebuilt when the selection changes; their values follow the scenario (so undo shows at once). A
 * number typed that a field refuses is named above the sheet, and the scenario keeps its value.
 */
public final class PropertiesPane extends VBox {
    private final ScenarioDocument document;
    private final TopologyEditor editor;
    private final PropertySheet sheet = new PropertySheet();
    private final Label hint = new Label("Select a node or a link to edit it.");
    /** Why the last text typed into a number field was refused; empty when none was. */
    private final Label fieldError = new Label();
    private final DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();

    public PropertiesPane(ScenarioDocument document, TopologyEditor editor) {
        this.document = document;
        this.editor = editor;
        getStyleClass().add("properties-pane");
        sheet.setId("property-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        hint.getStyleClass().add("hint");
        fieldError.setId("property-error");
        fieldError.getStyleClass().add("field-error");
        fieldError.setWrapText(true);
        fieldError.managedProperty().bind(fieldError.textProperty().isNotEmpty());
        fieldError.visibleProperty().bind(fieldError.managedProperty());
        sheet.setPropertyEditorFactory(this::editorFor);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        getChildren().addAll(hint, fieldError, sheet);
        editor.selectionProperty().addListener((o, a, s) -> show(s));
        show(editor.selectionProperty().get());
    }

    /**
     * Fields that change the scenario only when committed (Enter or leaving the field), so that
     * each commit is one undo step: numbers through a {@link QuantityField}, names through a text
     * field; check boxes commit as they are clicked.
     */
    private PropertyEditor<?> editorFor(PropertySheet.Item item) {
        if (item instanceof SheetItem row && row.quantity() != null) {
            QuantityField field = new QuantityField(row.quantity(), (Number) row.getValue());
            field.setId("field-" + row.quantity().field().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT));
            field.errorProperty().addListener((o, a, why) -> {
                if (field.getScene() == null) {
                    return; // a field of the sheet just replaced (another selection), committed as it left
                }
                if (!why.isEmpty() || fieldError.getText().startsWith(row.quantity().field() + ":")) {
                    fieldError.setText(why);
                }
            });
            return new AbstractPropertyEditor<Number, QuantityField>(item, field) {
                @Override
                protected ObservableValue<Number> getObservableValue() {
                    return getEditor().valueProperty();
                }

                @Override
                public void setValue(Number v) {
                    getEditor().valueProperty().set(v);
                }
            };
        }
        if (item.getType() == String.class) {
            TextField field = new TextField((String) item.getValue());
            StringProperty committed = new SimpleStringProperty(field.getText());
            field.setOnAction(e -> committed.set(field.getText()));
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    committed.set(field.getText());
                }
            });
            committed.addListener((o, a, v) -> field.setText(v));
            return new AbstractPropertyEditor<String, TextField>(item, field) {
                @Override
                protected ObservableValue<String> getObservableValue() {
                    return committed;
                }

                @Override
                public void setValue(String v) {
                    committed.set(v);
                }
            };
        }
        return defaults.call(item);
    }

    private void show(Selection s) {
        hint.setVisible(s == null);
        hint.setManaged(s == null);
        fieldError.setText("");
        sheet.getItems().setAll(SheetItems.of(document, editor, s));
    }
}
