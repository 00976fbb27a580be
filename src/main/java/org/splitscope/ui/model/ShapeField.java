package org.splitscope.ui.model;

import java.math.BigDecimal;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One dimension of a model input in the import form: fixed by the model (shown, not editable) or
 * open, with the text the user typed. The text is read, never rewritten: what cannot be read as a
 * whole number from 1 to {@link #MAX} gets an error naming the field and the limit, and the field
 * has no value until it is fixed.
 */
public final class ShapeField {
    /** The largest dimension accepted: far above any image side or batch a request holds. */
    public static final long MAX = 16_384;

    private final String input;
    private final int index;
    private final String param;
    private final boolean fixed;
    private final String note;
    private final StringProperty text;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    ShapeField(String input, int index, String param, boolean fixed, String initial, String note) {
        this.input = input;
        this.index = index;
        this.param = param;
        this.fixed = fixed;
        this.note = note;
        this.text = new SimpleStringProperty(this, "text", initial);
        text.addListener((o, was, now) -> check());
        check();
    }

    /** "x, dimension 2 ('height')" for messages. */
    public String label() {
        return "'" + input + "' dimension " + index + (param.isEmpty() ? "" : " (" + param + ")");
    }

    public String input() {
        return input;
    }

    public int index() {
        return index;
    }

    /** The name the model gives the dimension, or "". */
    public String param() {
        return param;
    }

    /** Whether the model fixes the size (the field cannot be edited). */
    public boolean isFixed() {
        return fixed;
    }

    /** Where the value shown comes from, or what to enter when there is none. */
    public String note() {
        return note;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not a size, or "" when it is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The size typed, or 0 while the text is not one. */
    public long value() {
        return parse(text.get());
    }

    private void check() {
        error.set(problem(text.get()));
    }

    private String problem(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return "Required: the model leaves this size open";
        }
        BigDecimal d = decimal(t);
        if (d == null) {
            return "'" + t + "' is not a number; enter a whole number from 1 to " + MAX;
        }
        if (d.signum() <= 0) {
            return "Must be at least 1, got " + t;
        }
        if (d.stripTrailingZeros().scale() > 0) {
            return "Must be a whole number, got " + t;
        }
        if (d.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            return String.format(Locale.ROOT, "At most %d, got %s", MAX, t);
        }
        return "";
    }

    private long parse(String typed) {
        if (!problem(typed).isEmpty()) {
            return 0;
        }
        return decimal(typed.strip()).longValueExact();
    }

    /** Plain or scientific notation ("192", "1e3"); null for anything else, a comma or a unit included. */
    private static BigDecimal decimal(String t) {
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
