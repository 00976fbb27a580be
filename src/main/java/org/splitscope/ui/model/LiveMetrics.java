package org.splitscope.ui.model;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.perf.Metrics;

/**
 * The metrics of the scenario on screen, recomputed by the evaluator on every change. While the
 * scenario is invalid the problems say why and {@link #metricsProperty()} keeps the last valid
 * metrics, marked {@linkplain #staleProperty() stale}: a view greys them and never shows a number
 * computed from invalid input. One evaluator is kept per (profile, topology), so that dragging a
 * cut or a threshold only evaluates a plan.
 */
public final class LiveMetrics {
    private final ReadOnlyObjectWrapper<Metrics> metrics = new ReadOnlyObjectWrapper<>(this, "metrics");
    private final ReadOnlyObjectWrapper<Scenario> evaluated = new ReadOnlyObjectWrapper<>(this, "evaluated");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyListWrapper<Problem> problems =
            new ReadOnlyListWrapper<>(this, "problems", FXCollections.observableArrayList());
    private Evaluator evaluator;

    public LiveMetrics(ObservableValue<Scenario> scenario) {
        scenario.addListener((o, before, now) -> update(now));
        update(scenario.getValue());
    }

    /** The metrics of the last valid scenario; {@code null} until one was valid. */
    public ReadOnlyObjectProperty<Metrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public Metrics getMetrics() {
        return metrics.get();
    }

    /** The scenario {@link #getMetrics()} belongs to. */
    public ReadOnlyObjectProperty<Scenario> evaluatedProperty() {
        return evaluated.getReadOnlyProperty();
    }

    /** True while the scenario on screen is invalid and the metrics belong to an earlier one. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public boolean isStale() {
        return stale.get();
    }

    /** Why the scenario on screen cannot be evaluated; empty when it can. */
    public ReadOnlyListProperty<Problem> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    private void update(Scenario s) {
        try {
            Metrics m = evaluatorFor(s).evaluate(s.plan(), s.workload());
            problems.clear();
            stale.set(false);
            evaluated.set(s);
            metrics.set(m);
        } catch (InvalidScenarioException e) {
            problems.setAll(e.problems());
            stale.set(metrics.get() != null);
        }
    }

    private Evaluator evaluatorFor(Scenario s) {
        if (s.profile() == null) {
            throw new InvalidScenarioException(List.of(new Problem("profile", "missing")));
        }
        Evaluator e = evaluator;
        // the profile is shared by every edit of a document, so identity is the cheap common case
        if (e == null || !(e.profile() == s.profile() || e.profile().equals(s.profile()))
                || !e.topology().equals(s.topology())) {
            e = new Evaluator(s.profile(), s.topology());
            evaluator = e;
        }
        return e;
    }

    /** The evaluator of the scenario on screen (for sweeps); {@code null} when it is invalid. */
    public Evaluator evaluatorOrNull() {
        return stale.get() || metrics.get() == null ? null : evaluator;
    }
}
