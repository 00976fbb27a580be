package org.splitscope.ui.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.splitscope.io.LessonFiles;
import org.splitscope.io.LessonFiles.StartedLesson;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Lesson;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * The lessons shipped in {@code sample-scenarios/lessons/}, read from the classpath (a jar cannot
 * list a folder, so the names are kept here; a test checks they match the folder).
 */
public final class BundledLessons {
    public static final List<String> NAMES = List.of("offload-or-not", "early-exits", "pipelining");
    private static final String FOLDER = "/sample-scenarios/lessons/";

    private BundledLessons() {
    }

    public static Loaded<StartedLesson> load(String name) {
        Loaded<String> text = resource(name + LessonFiles.SUFFIX);
        if (!text.isOk()) {
            return Loaded.failed(text.problems(), List.of());
        }
        Loaded<Lesson> lesson = LessonFiles.read(text.value());
        if (!lesson.isOk()) {
            return Loaded.failed(lesson.problems(), lesson.warnings());
        }
        Loaded<String> scenarioText = resource(lesson.value().scenarioFile());
        if (!scenarioText.isOk()) {
            return Loaded.failed(scenarioText.problems(), List.of());
        }
        Loaded<Scenario> scenario = ScenarioFiles.read(scenarioText.value(), null);
        return scenario.isOk() ? Loaded.ok(new StartedLesson(lesson.value(), scenario.value()), scenario.warnings())
                : Loaded.failed(scenario.problems(), scenario.warnings());
    }

    /** The title of a bundled lesson, for menus; the name itself if the lesson cannot be read. */
    public static String title(String name) {
        Loaded<String> text = resource(name + LessonFiles.SUFFIX);
        Loaded<Lesson> lesson = text.isOk() ? LessonFiles.read(text.value()) : Loaded.failed(text.problems(), List.of());
        return lesson.isOk() ? lesson.value().title() : name;
    }

    private static Loaded<String> resource(String file) {
        try (InputStream in = BundledLessons.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                return Loaded.failed(List.of(new Problem(file, "is not bundled with SplitScope")), List.of());
            }
            return Loaded.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.of());
        } catch (IOException e) {
            return Loaded.failed(List.of(new Problem(file, "cannot be read: " + e.getMessage())), List.of());
        }
    }
}
