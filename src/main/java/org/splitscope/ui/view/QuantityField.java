package org.splitscope.ui.view;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.util.StringConverter;
import org.splitscope.ui.model.Quantity;

/**
 * A text field for one {@link Quantity}. What is typed stays as typed until it is committed (Enter,
 * or leaving the field); then it is read whole: a good text becomes the value (shown back as the
 * same number), a bad one keeps the last good value, stays in the field, turns the border red and
 * says why in the tooltip and in {@link #errorProperty()}. Escape puts the value back. No
 * keystroke is ever dropped or changed.
 */
public final class QuantityField extends TextField {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final Quantity quantity;
    /** The last good value in the display unit: an Integer for whole-number fields, a Double otherwise, null for none. */
    private final ObjectProperty<Number> value = new SimpleObjectProperty<>(this, "value");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final Tooltip help;
    private final String helpText;

    public QuantityField(Quantity quantity, Number initial) {
        this.quantity = quantity;
        getStyleClass().add("quantity-field");
        helpText = quantity.field() + ": " + quantity.range()
                + (quantity.unit().symbol().isEmpty() ? "" : " (units: " + quantity.unit().accepted() + ")");
        help = new Tooltip(helpText);
        setTooltip(help);
        value.set(initial);
        setText(shown(initial));
        // a value set from outside (undo, another element) replaces whatever was in the field
        value.addListener((o, a, v) -> {
            setText(shown(v));
            clearError();
        });
        setOnAction(e -> commit());
        focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                setText(shown(value.get()));
                clearError();
            }
        });
    }

    public ObjectProperty<Number> valueProperty() {
        return value;
    }

    public Quantity quantity() {
        return quantity;
    }

    /** Why the text was refused, naming the field; empty while it is good. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reads the text: a good one becomes the value, a bad one is reported and changes nothing. */
    public void commit() {
        Quantity.Reading r = quantity.read(getText());
        if (!r.ok()) {
            error.set(r.error());
            pseudoClassStateChanged(INVALID, true);
            help.setText(r.error() + "\n" + quantity.range());
            return;
        }
        Number v = r.value() == null ? null : quantity.integer() ? (Number) (int) Math.round(r.value()) : r.value();
        clearError();
        value.set(v);
        setText(shown(value.get()));
    }

    private void clearError() {
        error.set("");
        pseudoClassStateChanged(INVALID, false);
        help.setText(helpText);
    }

    /**
     * Marks a plain text field whose text a form reads later (a limit of the Optimize panel, a
     * setting of the testbed) while it is typed: red border and the reason in the tooltip when the
     * text is not a {@link Quantity} the field takes. The text itself is left alone.
     */
    public static void markWhileTyping(TextField field, Quantity quantity) {
        mark(field, field, quantity);
    }

    /** Marks the field; the reason goes in the tooltip of {@code owner} (a spinner's editor shows its spinner's). */
    private static void mark(TextField field, Control owner, Quantity quantity) {
        String range = quantity.field() + ": " + quantity.range();
        Tooltip tip = new Tooltip(range);
        owner.setTooltip(tip);
        field.getStyleClass().add("quantity-field");
        Runnable check = () -> {
            Quantity.Reading r = quantity.read(field.getText());
            field.pseudoClassStateChanged(INVALID, !r.ok());
            tip.setText(r.ok() ? range : r.error() + "\n" + quantity.range());
        };
        field.textProperty().addListener((o, a, t) -> check.run());
        check.run();
    }

    /**
     * An editable spinner of whole numbers read as a {@link Quantity}: its own converter threw on
     * anything but digits, an exception the user met as a crash dialog. A text it cannot read is
     * marked while typed and leaves the value as it was.
     */
    public static void readWhole(Spinner<Integer> spinner, Quantity quantity) {
        mark(spinner.getEditor(), spinner, quantity);
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                Quantity.Reading r = quantity.read(text);
                return r.ok() && r.value() != null ? (Integer) (int) Math.round(r.value()) : factory.getValue();
            }
        });
    }

    private static String shown(Number v) {
        return v == null ? "" : v instanceof Integer i ? String.valueOf(i) : Quantity.format(v.doubleValue());
    }
}
