package org.splitscope.ui.model;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Calibration;

/**
 * What the Charts tab's Measured vs estimated chart shows: the device class of the selected node,
 * or without one of the node the plan's first stage runs on, and its {@link Calibration}; a line
 * in the user's words where there is nothing to compare.
 */
public final class MeasuredChartModel {
    /** @param calibration {@code null} when {@code message} says why there is none */
    public record Shown(Calibration calibration, String message) {
    }

    private final ScenarioDocument document;
    private final TopologyEditor editor;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();

    public MeasuredChartModel(ScenarioDocument document, TopologyEditor editor) {
        this.document = document;
        this.editor = editor;
        document.scenarioProperty().addListener(o -> update());
        editor.selectionProperty().addListener(o -> update());
        update();
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    private void update() {
        shown.set(of(document.getScenario(), editor.selectionProperty().get()));
    }

    static Shown of(Scenario s, Selection selection) {
        if (!s.validate().isEmpty()) {
            return new Shown(null, "the scenario has problems: nothing to compare");
        }
        String nodeId = selection != null && selection.kind() == Selection.Kind.NODE ? selection.id()
                : s.plan().stages().isEmpty() ? null : s.plan().stages().get(0).node();
        Node node = nodeId == null ? null : s.topology().node(nodeId);
        if (node == null) {
            return new Shown(null, "select a node to compare its device class's measured times");
        }
        String cls = node.deviceClass();
        Calibration c = Calibration.of(s.profile(), s.topology(), s.plan(), cls);
        boolean measured = c != null && c.units().stream().anyMatch(u -> u.measuredSeconds() != null);
        if (measured) {
            return new Shown(c, "");
        }
        // range latencies are measured too, but per range, not per unit: say so rather than "no measured times"
        int ranges = s.profile().rangeLatencies().stream().filter(t -> t.deviceClass().equals(cls))
                .mapToInt(t -> t.ranges().size()).sum();
        return new Shown(null, (ranges > 0 ? "'" + cls + "' has measured latencies for " + ranges + " unit ranges"
                + " (the model uses them) but no per-unit times to compare" : "no measured times for '" + cls + "'")
                + " (node " + node.id() + "): File > Measurements > Import measurements…");
    }
}
