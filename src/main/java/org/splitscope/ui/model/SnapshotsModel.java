package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.model.Snapshot;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.Comparison;

/**
 * Side by side: snapshots of the scenario the user pinned (saved with it), and the comparison of
 * any two of them or of one with the state on screen. Commands: {@link #pin}, {@link #remove},
 * {@link #restore}; the two sides are writable choices. Pinning, removing and restoring are undoable
 * edits of the document. A snapshot that no longer evaluates (its plan names a unit the current
 * model lacks, say) shows its problems instead of figures.
 */
public final class SnapshotsModel {
    /** The choice that stands for the state on screen. */
    public static final String CURRENT = "Current state";

    private final ScenarioDocument document;
    private final LiveMetrics live;
    private final ReadOnlyListWrapper<String> choices = new ReadOnlyListWrapper<>(this, "choices", FXCollections.observableArrayList());
    private final ObjectProperty<String> left = new SimpleObjectProperty<>(this, "left");
    private final ObjectProperty<String> right = new SimpleObjectProperty<>(this, "right", CURRENT);
    private final ReadOnlyListWrapper<Comparison.Row> rows = new ReadOnlyListWrapper<>(this, "rows", FXCollections.observableArrayList());
    private final ReadOnlyObjectWrapper<Metrics> leftMetrics = new ReadOnlyObjectWrapper<>(this, "leftMetrics");
    private final ReadOnlyObjectWrapper<Metrics> rightMetrics = new ReadOnlyObjectWrapper<>(this, "rightMetrics");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    /** Snapshot figures for the profile they were computed with: a cut drag re-evaluates only the current side. */
    private final Map<Snapshot, Object> cache = new HashMap<>();
    private Object cachedFor;

    public SnapshotsModel(ScenarioDocument document, LiveMetrics live) {
        this.document = document;
        this.live = live;
        document.scenarioProperty().addListener((o, a, s) -> refresh());
        live.metricsProperty().addListener((o, a, m) -> compare());
        left.addListener((o, a, b) -> compare());
        right.addListener((o, a, b) -> compare());
        refresh();
    }

    /** A side's state as a header names it: the snapshot's name, "on screen", or that none is chosen. */
    public static String title(String choice) {
        return choice == null ? "none chosen" : choice.equals(CURRENT) ? "on screen" : choice;
    }

    public ReadOnlyListProperty<String> choicesProperty() {
        return choices.getReadOnlyProperty();
    }

    public ObjectProperty<String> leftProperty() {
        return left;
    }

    public ObjectProperty<String> rightProperty() {
        return right;
    }

    public ReadOnlyListProperty<Comparison.Row> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Metrics> leftMetricsProperty() {
        return leftMetrics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Metrics> rightMetricsProperty() {
        return rightMetrics.getReadOnlyProperty();
    }

    /** Why a side has no figures; empty when both have. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** Pins the state on screen under a name (made unique), and compares it with the state on screen. */
    public String pin(String name) {
        Scenario s = document.getScenario();
        String base = name == null || name.isBlank() ? "Snapshot " + (s.snapshots().size() + 1) : name.strip();
        String unique = base;
        for (int i = 2; names(s).contains(unique) || unique.equals(CURRENT); i++) {
            unique = base + " (" + i + ")";
        }
        String pinned = unique;
        document.endGesture();
        document.edit("Pin snapshot", sc -> {
            List<Snapshot> all = new ArrayList<>(sc.snapshots());
            all.add(Snapshot.of(pinned, sc));
            return sc.withSnapshots(all);
        });
        document.endGesture();
        left.set(pinned);
        right.set(CURRENT);
        return pinned;
    }

    public void remove(String name) {
        document.endGesture();
        document.edit("Remove snapshot", sc -> sc.withSnapshots(sc.snapshots().stream().filter(x -> !x.name().equals(name)).toList()));
        document.endGesture();
    }

    /** Puts a snapshot's topology, plan and workload back on screen as one undoable step. */
    public void restore(String name) {
        Snapshot snap = find(document.getScenario(), name);
        if (snap != null) {
            document.endGesture();
            document.edit("Restore snapshot", snap::restore);
            document.endGesture();
        }
    }

    private void refresh() {
        List<String> now = new ArrayList<>(names(document.getScenario()));
        now.add(0, CURRENT);
        if (!now.equals(choices)) {
            choices.setAll(now);
        }
        if (left.get() != null && !choices.contains(left.get())) {
            left.set(null);
        }
        if (right.get() != null && !choices.contains(right.get())) {
            right.set(CURRENT);
        }
        compare();
    }

    private void compare() {
        List<String> why = new ArrayList<>();
        Metrics a = metrics(left.get(), why);
        Metrics b = metrics(right.get(), why);
        leftMetrics.set(a);
        rightMetrics.set(b);
        problems.set(String.join("\n", why));
        if (a == null || b == null) {
            rows.clear();
        } else {
            rows.setAll(Comparison.of(a, b));
        }
    }

    private Metrics metrics(String choice, List<String> why) {
        if (choice == null) {
            return null;
        }
        if (choice.equals(CURRENT)) {
            if (live.isStale() || live.getMetrics() == null) {
                why.add(CURRENT + ": the scenario on screen has problems (see Problems)");
                return null;
            }
            return live.getMetrics();
        }
        Scenario current = document.getScenario();
        Snapshot snap = find(current, choice);
        if (snap == null) {
            return null;
        }
        if (cachedFor != current.profile()) {
            cache.clear();
            cachedFor = current.profile();
        }
        Object known = cache.computeIfAbsent(snap, x -> evaluate(x.restore(current)));
        if (known instanceof String problem) {
            why.add(choice + ": " + problem);
            return null;
        }
        return (Metrics) known;
    }

    /** The snapshot's metrics, or the first reason it has none. */
    private static Object evaluate(Scenario s) {
        List<Problem> problems = s.validate();
        if (!problems.isEmpty()) {
            return problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        }
        try {
            return Evaluator.evaluate(s);
        } catch (InvalidScenarioException e) {
            return e.problems().get(0).toString();
        }
    }

    private static List<String> names(Scenario s) {
        return s.snapshots().stream().map(Snapshot::name).toList();
    }

    private static Snapshot find(Scenario s, String name) {
        return s.snapshots().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    }
}
