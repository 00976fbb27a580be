package org.splitscope.ui.view;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;
import org.splitscope.model.Scenario;
import org.splitscope.ui.model.Quantity;

/**
 * One row of the property sheet: reads a field of the scenario on screen (in the units people
 * type: Mb/s, ms, GFLOP/s) and writes it through an editor command. Its value follows the
 * scenario, so undo shows in the sheet at once.
 */
final class SheetItem implements PropertySheet.Item {
    private final String category;
    private final String name;
    private final String description;
    private final Class<?> type;
    private final Supplier<Object> getter;
    private final Consumer<Object> setter;
    private final ObservableValue<Object> value;
    private Quantity quantity;

    SheetItem(ObservableValue<Scenario> scenario, String category, String name, String description, Class<?> type,
              Supplier<Object> getter, Consumer<Object> setter) {
        this.category = category;
        this.name = name;
        this.description = description;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
        this.value = Bindings.createObjectBinding(getter::get, scenario);
    }

    /** A numeric row reads its text as this quantity (unit, range) in a {@link QuantityField}. */
    SheetItem reading(Quantity q) {
        this.quantity = q;
        return this;
    }

    /** What a numeric row accepts; {@code null} for text and check-box rows. */
    Quantity quantity() {
        return quantity;
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return getter.get();
    }

    @Override
    public void setValue(Object v) {
        if (v != null && !v.equals(getter.get())) {
            setter.accept(v);
        }
    }

    @Override
    public Optional<ObservableValue<?>> getObservableValue() {
        return Optional.of(value);
    }
}
