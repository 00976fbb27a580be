package org.splitscope.ui.view;

import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.splitscope.explain.LessonProgress.GoalState;
import org.splitscope.model.Lesson;
import org.splitscope.ui.model.LessonModel;

/**
 * The lesson in progress: story, task, goals ticked live, hint, solution and the takeaway once
 * done; docked at the window's right edge while a lesson is open ({@link #docked}).
 */
public final class LessonPanel extends ScrollPane {
    /** A chart the lesson points at, outlined for a moment when it is brought forward. */
    public static final PseudoClass POINTED = PseudoClass.getPseudoClass("pointed");
    private final LessonModel model;
    private final Label title = wrapped("lesson-title");
    private final Label introduction = wrapped("lesson-introduction");
    private final Label task = wrapped("lesson-task");
    private final VBox goals = new VBox();
    private final Label hint = wrapped("lesson-hint");
    private final Label takeaway = wrapped("lesson-takeaway");

    public LessonPanel(LessonModel model) {
        this.model = model;
        getStyleClass().add("lesson-panel");
        setId("lesson-panel");
        setFitToWidth(true);

        Label taskHeading = new Label("Your task");
        taskHeading.getStyleClass().add("panel-heading");
        Label goalsHeading = new Label("Goals");
        goalsHeading.getStyleClass().add("panel-heading");
        goals.setId("lesson-goals");
        Button showHint = new Button("Hint");
        showHint.setId("lesson-hint-button");
        showHint.setOnAction(e -> model.showHint());
        Button solution = new Button("Show a solution");
        solution.setId("lesson-solution-button");
        solution.setOnAction(e -> model.showSolution());
        Button close = new Button("Close lesson");
        close.setOnAction(e -> model.close());
        hint.visibleProperty().bind(model.hintShownProperty());
        hint.managedProperty().bind(hint.visibleProperty());
        takeaway.visibleProperty().bind(model.doneProperty());
        takeaway.managedProperty().bind(takeaway.visibleProperty());
        VBox body = new VBox(title, introduction, taskHeading, task, goalsHeading, goals, new FlowPane(6, 6, showHint, solution, close),
                hint, takeaway);
        body.getStyleClass().add("lesson-body");
        solution.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.lessonProperty().get() == null || model.lessonProperty().get().solution() == null, model.lessonProperty()));
        setContent(body);

        model.lessonProperty().addListener((o, a, l) -> show(l));
        model.goalsProperty().addListener((ListChangeListener<GoalState>) c -> showGoals());
        model.checkableProperty().addListener((o, a, b) -> showGoals());
        show(model.lessonProperty().get());
    }

    private void show(Lesson l) {
        title.setText(l == null ? "" : l.title());
        introduction.setText(l == null ? "" : l.introduction());
        task.setText(l == null ? "" : l.task());
        hint.setText(l == null ? "" : "Hint: " + l.hint());
        takeaway.setText(l == null ? "" : "Done! " + l.takeaway());
        showGoals();
    }

    private void showGoals() {
        goals.getChildren().clear();
        if (model.lessonProperty().get() != null && !model.checkableProperty().get()) {
            Label wait = wrapped("goal");
            wait.setText("The scenario on screen has problems (see Problems): fix them to check the goals.");
            goals.getChildren().add(wait);
        }
        for (GoalState g : model.goalsProperty()) {
            Label line = wrapped("goal");
            line.getStyleClass().add(g.met() ? "goal-met" : "goal-unmet");
            line.setText((g.met() ? "\u2713 " : "\u25CB ") + g.line());
            goals.getChildren().add(line);
        }
    }

    /**
     * The lesson panel for the window's right edge, beside everything else and never over it: it
     * is there while a lesson is open and gone when it closes. Whenever the lesson's text on show
     * points at a chart, {@code bringForward} gets that chart's node id (the window selects its
     * tab and scrolls to it), so what the lesson asks the student to watch is in sight.
     */
    public static LessonPanel docked(LessonModel model, Consumer<String> bringForward) {
        LessonPanel panel = new LessonPanel(model);
        panel.getStyleClass().add("lesson-docked");
        panel.setPrefWidth(280);
        panel.setMinWidth(220);
        panel.visibleProperty().bind(model.lessonProperty().isNotNull());
        panel.managedProperty().bind(panel.visibleProperty());
        model.pointedChartProperty().addListener((o, was, chart) -> {
            if (chart != null) {
                bringForward.accept("chart-" + chart);
            }
        });
        return panel;
    }

    /**
     * Scrolls {@code scroll} so that its descendant with this id is in view and marks it for a
     * moment; false when there is no such node.
     */
    public static boolean reveal(ScrollPane scroll, String nodeId) {
        Node target = scroll.getContent() == null ? null : scroll.getContent().lookup("#" + nodeId);
        if (target == null) {
            return false;
        }
        scroll.applyCss();
        scroll.layout();
        Bounds inContent = scroll.getContent().sceneToLocal(target.localToScene(target.getBoundsInLocal()));
        double hidden = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden > 0) {
            scroll.setVvalue(Math.min(1, Math.max(0, inContent.getMinY() / hidden)));
        }
        target.pseudoClassStateChanged(POINTED, true);
        PauseTransition fade = new PauseTransition(Duration.seconds(3));
        fade.setOnFinished(e -> target.pseudoClassStateChanged(POINTED, false));
        fade.play();
        return true;
    }

    private static Label wrapped(String styleClass) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        return l;
    }
}
