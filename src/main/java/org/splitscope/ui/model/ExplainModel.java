package org.splitscope.ui.model;

import java.util.List;

import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.collections.FXCollections;
import org.splitscope.explain.Explanation;
import org.splitscope.explain.Explanation.Section;
import org.splitscope.model.Problem;
import org.splitscope.perf.Metrics;

/**
 * The teaching view of the plan on screen ({@link Explanation}): the latency formula outcome by
 * outcome with this plan's numbers, where to cut, and why the bottleneck is where it is. It
 * follows every edit; while the scenario has problems it says so instead of explaining old numbers.
 */
public final class ExplainModel {
    private final LiveMetrics metrics;
    private final ReadOnlyListWrapper<Section> sections = new ReadOnlyListWrapper<>(this, "sections", FXCollections.observableArrayList());

    public ExplainModel(LiveMetrics metrics) {
        this.metrics = metrics;
        metrics.metricsProperty().addListener((o, a, m) -> update());
        metrics.staleProperty().addListener((o, a, s) -> update());
        update();
    }

    public ReadOnlyListProperty<Section> sectionsProperty() {
        return sections.getReadOnlyProperty();
    }

    private void update() {
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
