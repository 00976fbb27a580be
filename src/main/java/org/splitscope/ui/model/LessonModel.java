package org.splitscope.ui.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import org.splitscope.explain.LessonProgress;
import org.splitscope.explain.LessonProgress.GoalState;
import org.splitscope.io.LessonFiles.StartedLesson;
import org.splitscope.model.Lesson;
import org.splitscope.perf.Metrics;

/**
 * The lesson a student is working on: its goals checked live against the evaluator's metrics of
 * the plan on screen, the hint, and the solution as one undoable edit. Commands: {@link #start},
 * {@link #showHint}, {@link #showSolution}, {@link #close}.
 */
public final class LessonModel {
    public static final String SOLUTION_EDIT = "Show the lesson's solution";
    /** Words of each chart's title that a lesson uses to point at it -> the chart's id. */
    private static final Map<String, String> CHART_WORDS = Map.of(
            "latency breakdown", "breakdown",
            "latency distribution", "cdf",
            "thresholds sweep", "sweep",
            "accuracy vs latency", "sweep",
            "cost by resource", "cost",
            "utilization", "utilization",
            "memory per node", "memory",
            "measured vs estimated", "measured");

    private final ScenarioDocument document;
    private final LiveMetrics metrics;
    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyListWrapper<GoalState> goals = new ReadOnlyListWrapper<>(this, "goals", FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final ReadOnlyBooleanWrapper hintShown = new ReadOnlyBooleanWrapper(this, "hintShown");
    private final ReadOnlyBooleanWrapper checkable = new ReadOnlyBooleanWrapper(this, "checkable");
    private final ReadOnlyStringWrapper pointedChart = new ReadOnlyStringWrapper(this, "pointedChart");

    public LessonModel(ScenarioDocument document, LiveMetrics metrics) {
        this.document = document;
        this.metrics = metrics;
        metrics.metricsProperty().addListener((o, a, m) -> check());
        metrics.staleProperty().addListener((o, a, s) -> check());
    }

    /** The lesson in progress, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<GoalState> goalsProperty() {
        return goals.getReadOnlyProperty();
    }

    /** Every goal is met by the plan on screen. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hintShownProperty() {
        return hintShown.getReadOnlyProperty();
    }

    /** False while the scenario on screen has problems: the goals cannot be judged then. */
    public ReadOnlyBooleanProperty checkableProperty() {
        return checkable.getReadOnlyProperty();
    }

    /**
     * The chart (its id, as {@code chart-ID} in the window) that the lesson's text on show points
     * at: the hint's once the hint is shown, else the task's; null when it names none. The window
     * brings it forward, so a lesson never hides what it asks the student to watch.
     */
    public ReadOnlyStringProperty pointedChartProperty() {
        return pointedChart.getReadOnlyProperty();
    }

    /**
     * The chart a lesson's text names first, by the words of the charts' titles; null for none.
     * Lessons are written in those words ("watch the utilization chart"), so no lesson field is needed.
     */
    public static String chartNamedIn(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        String first = null;
        int at = Integer.MAX_VALUE;
        for (Map.Entry<String, String> words : CHART_WORDS.entrySet()) {
            int i = lower.indexOf(words.getKey());
            if (i >= 0 && i < at) {
                at = i;
                first = words.getValue();
            }
        }
        return first;
    }

    /** Opens the lesson's scenario as a new, unsaved document (the caller has asked about unsaved changes). */
    public void start(StartedLesson started) {
        lesson.set(started.lesson());
        hintShown.set(false);
        document.replace(started.scenario(), null);
        check();
        point();
    }

    public void showHint() {
        hintShown.set(lesson.get() != null && !lesson.get().hint().isBlank());
        point();
    }

    /** Puts the solution's plan into the editor as one step that Undo takes back. */
    public void showSolution() {
        Lesson l = lesson.get();
        if (l != null && l.solution() != null) {
            document.endGesture();
            document.edit(SOLUTION_EDIT, s -> s.withPlan(l.solution()));
            document.endGesture();
        }
    }

    public void close() {
        lesson.set(null);
        check();
        point();
    }

    private void point() {
        Lesson l = lesson.get();
        String hinted = l != null && hintShown.get() ? chartNamedIn(l.hint()) : null;
        pointedChart.set(l == null ? null : hinted != null ? hinted : chartNamedIn(l.task()));
    }

    private void check() {
        Lesson l = lesson.get();
        Metrics m = metrics.getMetrics();
        boolean valid = m != null && !metrics.isStale();
        checkable.set(l != null && valid);
        List<GoalState> states = l == null || !valid ? List.of() : LessonProgress.of(l, m);
        goals.setAll(states);
        done.set(LessonProgress.done(states));
    }
}
