package org.splitscope.io;

import java.nio.file.Path;
import java.util.List;

import org.splitscope.model.Lesson;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * Lesson files ({@code *.lesson.json}): the same strict reading as scenarios (every problem with
 * its path, unknown fields named with a suggestion, size limit), and the lesson's starting
 * scenario read from the file it names, next to the lesson.
 */
public final class LessonFiles {
    public static final String SUFFIX = ".lesson.json";

    private LessonFiles() {
    }

    /** A lesson with the scenario it starts from. */
    public record StartedLesson(Lesson lesson, Scenario scenario) {
    }

    public static Loaded<StartedLesson> read(Path file) {
        Loaded<String> text = JsonFiles.readText(file, InputFiles.MAX_TEXT_BYTES);
        if (!text.isOk()) {
            return Loaded.failed(text.problems(), text.warnings());
        }
        Loaded<Lesson> lesson = read(text.value());
        if (!lesson.isOk()) {
            return Loaded.failed(lesson.problems(), lesson.warnings());
        }
        Loaded<Path> real = InputFiles.inFolder(file.toAbsolutePath().getParent(), lesson.value().scenarioFile(),
                "the lesson's folder");
        if (!real.isOk()) {
            return Loaded.failed("scenarioFile", real.problems().get(0).message());
        }
        Path scenarioPath = real.value();
        Loaded<Scenario> scenario = ScenarioFiles.read(scenarioPath);
        if (!scenario.isOk()) {
            List<Problem> problems = scenario.problems().stream()
                    .map(p -> new Problem("scenarioFile (" + scenarioPath.getFileName() + "): " + p.path(), p.message())).toList();
            return Loaded.failed(problems, scenario.warnings());
        }
        return Loaded.ok(new StartedLesson(lesson.value(), scenario.value()), scenario.warnings());
    }

    /** The lesson alone, from its text (the caller resolves {@link Lesson#scenarioFile()}). */
    public static Loaded<Lesson> read(String json) {
        Loaded<Lesson> bound = JsonFiles.readVersioned(json, "lesson", Lesson.FORMAT_VERSION, Lesson.class);
        if (!bound.isOk()) {
            return bound;
        }
        List<Problem> semantic = bound.value().validate();
        return semantic.isEmpty() ? bound : Loaded.failed(semantic, List.of());
    }
}
