package org.splitscope.ui.view;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.splitscope.explain.LessonProgress.GoalState;
import org.splitscope.model.Lesson;
import org.splitscope.ui.model.LessonModel;

/** The lesson in progress: story, task, goals ticked live, hint, solution and the takeaway once done. */
public final class LessonPanel extends ScrollPane {
    private final LessonModel model;
    private final Label title = wrapped("lesson-title");
    private final Label introduction = wrapped("lesson-introduction");
    private final Label task = wrapped("lesson-task");
    private final VBox goals = new VBox();
    private final Label hint = wrapped("lesson-hint");
    private final Label takeaway = wrapped("lesson-takeaway");
    private final Label placeholder = wrapped("hint");

    public LessonPanel(LessonModel model) {
        this.model = model;
        getStyleClass().add("lesson-panel");
        setId("lesson-panel");
        setFitToWidth(true);
        placeholder.setText("No lesson open. Help > Lessons starts one: each sets up a scenario and a task to do in the window.");

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
        VBox body = new VBox(title, introduction, taskHeading, task, goalsHeading, goals, new HBox(6, showHint, solution, close),
                hint, takeaway);
        body.getStyleClass().add("lesson-body");
        body.visibleProperty().bind(model.lessonProperty().isNotNull());
        body.managedProperty().bind(body.visibleProperty());
        placeholder.visibleProperty().bind(model.lessonProperty().isNull());
        placeholder.managedProperty().bind(placeholder.visibleProperty());
        solution.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.lessonProperty().get() == null || model.lessonProperty().get().solution() == null, model.lessonProperty()));
        setContent(new VBox(placeholder, body));

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

    private static Label wrapped(String styleClass) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        return l;
    }
}
