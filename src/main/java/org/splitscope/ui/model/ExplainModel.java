package org.splitscope.ui.model;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import org.splitscope.explain.Explanation;
import org.splitscope.explain.Explanation.Section;
import org.splitscope.model.Problem;
import org.splitscope.perf.Metrics;

/**
 * The teaching view of the plan on screen ({@link Explanation}): the latency formula outcome by
 * outcome with this plan's numbers, where to cut, and why the bottleneck is where it is. It
 * follows every edit; while the scenario has problems it says so instead of explaining old numbers.
 * While the panel is hidden ({@link #activeProperty()}) nothing is worked out: on a 50-board
 * cluster an explanation takes a quarter of a second, and it is worked out again when shown.
 */
public final class ExplainModel {
    private final LiveMetrics metrics;
    private final ReadOnlyListWrapper<Section> sections = new ReadOnlyListWrapper<>(this, "sections", FXCollections.observableArrayList());
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private boolean behind; // an edit came while hidden: the sections are not this plan's

    public ExplainModel(LiveMetrics metrics) {
        this.metrics = metrics;
        metrics.metricsProperty().addListener((o, a, m) -> update());
        metrics.staleProperty().addListener((o, a, s) -> update());
        active.addListener((o, a, on) -> {
            if (on && behind) {
                update();
            }
        });
        update();
    }

    /** True while the panel is on screen (the window binds it to the tab); true unless bound. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyListProperty<Section> sectionsProperty() {
        return sections.getReadOnlyProperty();
    }

    private void update() {
        if (!active.get()) {
            behind = true;
            return;
        }
        behind = false;
        Metrics m = metrics.getMetrics();
        if (m == null || metrics.isStale()) {
            List<String> why = metrics.problemsProperty().stream().map(Problem::toString).toList();
            sections.setAll(List.of(new Section("Nothing to explain yet",
                    why.isEmpty() ? List.of("The scenario has no valid plan.") : why)));
            return;
        }
        sections.setAll(new Explanation(metrics.evaluatedProperty().get(), m).sections());
    }
}
