package org.splitscope.ui.model;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import org.splitscope.chart.Formats;
import org.splitscope.model.Scenario;
import org.splitscope.whatif.SweepParameter;

/**
 * One what-if factor: the parameter it scales and the factor (1 = as in the scenario). The slider
 * shows it on a log scale; the value it gives is {@code current(document) * factor}.
 */
public final class WhatIfFactor {
    private final SweepParameter parameter;
    private final ObservableValue<Scenario> document;
    private final DoubleProperty factor = new SimpleDoubleProperty(this, "factor", 1);

    WhatIfFactor(SweepParameter parameter, ObservableValue<Scenario> document) {
        this.parameter = parameter;
        this.document = document;
    }

    public SweepParameter parameter() {
        return parameter;
    }

    public DoubleProperty factorProperty() {
        return factor;
    }

    public double factor() {
        return factor.get();
    }

    /** The parameter's value in the what-if: the document's value times the factor. */
    public double value() {
        return parameter.current(document.getValue()) * factor.get();
    }

    /** The factor and the value it gives, in the window's units, e.g. {@code ×0.5 = 50.0 Mb/s}. */
    public String text() {
        return "×" + Formats.number(factor.get()) + " = " + valueText(parameter, value());
    }

    /** What the slider scales, in words, e.g. {@code end-edge bandwidth}. */
    public String label() {
        return switch (parameter.kind()) {
            case LINK_BANDWIDTH -> "link " + parameter.id() + " bandwidth";
            case LINK_LATENCY -> "link " + parameter.id() + " latency";
            case NODE_COMPUTE -> parameter.id() + " compute rate";
            case NODE_PRICE -> parameter.id() + " price";
            case ARRIVAL_RATE -> "arrival rate";
            case ACCURACY_FLOOR -> "accuracy floor";
        };
    }

    /** A parameter's value in the window's units. */
    public static String valueText(SweepParameter p, double v) {
        return Formats.parameter(p, v);
    }
}
