package org.splitscope.model;

import java.util.List;

/**
 * A teaching lesson: a scenario to start from (a file next to the lesson), what it is about, the
 * task the student does in the window and the goals that say when it is done.
 *
 * @param scenarioFile the starting scenario, relative to the lesson file
 * @param takeaway     what the student should have learned, shown once every goal is met
 * @param solution     a plan that meets every goal, for the teacher (and the tests)
 */
public record Lesson(String title,
                     String scenarioFile,
                     String introduction,
                     String task,
                     List<LessonGoal> goals,
                     @OptionalField String hint,
                     @OptionalField String takeaway,
                     @OptionalField Plan solution) {
    public static final int FORMAT_VERSION = 1;

    public Lesson {
        goals = goals == null ? List.of() : List.copyOf(goals);
        hint = hint == null ? "" : hint;
        takeaway = takeaway == null ? "" : takeaway;
    }

    public List<Problem> validate() {
        Problems p = new Problems();
        p.notBlank(title, "title");
        p.notBlank(scenarioFile, "scenarioFile");
        p.notBlank(introduction, "introduction");
        p.notBlank(task, "task");
        if (goals.isEmpty()) {
            p.add("goals", "a lesson needs at least one goal, or the student cannot tell when it is done");
        }
        for (int i = 0; i < goals.size(); i++) {
            goals.get(i).validate("goals[" + i + "]", p);
        }
        return p.list();
    }
}
