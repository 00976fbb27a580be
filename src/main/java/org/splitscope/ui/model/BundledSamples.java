package org.splitscope.ui.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitscope.io.LessonFiles.StartedLesson;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * What File > Open sample offers: the scenarios shipped in {@code sample-scenarios/} (the default
 * first) and the lessons of {@link BundledLessons}, each with a title and a one-line summary. The
 * summary is the first sentence of the scenario's description (for a lesson, of its scenario's),
 * so a sample's file says everything about it. A jar cannot list a folder, so the scenario names
 * are kept here; a test checks they match the folder.
 */
public final class BundledSamples {
    public static final List<String> SCENARIOS = List.of("portend-three-tier", "seifer-edge-cluster",
            "mopar-serverless", "teaching", "portend-resnet110-exits");
    private static final String FOLDER = "/sample-scenarios/";
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.*?[.?!])(?=\\s|$)", Pattern.DOTALL);

    /** One entry of the menu: a scenario or a lesson, by its file name without extension. */
    public record Sample(String name, boolean lesson, String title, String summary) {
    }

    private BundledSamples() {
    }

    /** Every bundled scenario, then every bundled lesson; one that cannot be read is listed by name with why. */
    public static List<Sample> all() {
        List<Sample> all = new ArrayList<>();
        for (String name : SCENARIOS) {
            Loaded<Scenario> s = scenario(name);
            all.add(s.isOk() ? new Sample(name, false, s.value().name(), firstSentence(s.value().description()))
                    : new Sample(name, false, name, s.problems().get(0).toString()));
        }
        for (String name : BundledLessons.NAMES) {
            Loaded<StartedLesson> l = BundledLessons.load(name);
            all.add(l.isOk() ? new Sample(name, true, l.value().lesson().title(),
                    firstSentence(l.value().scenario().description()))
                    : new Sample(name, true, name, l.problems().get(0).toString()));
        }
        return all;
    }

    /** A bundled scenario, read as File > Open reads a file. */
    public static Loaded<Scenario> scenario(String name) {
        try (InputStream in = BundledSamples.class.getResourceAsStream(FOLDER + name + ".json")) {
            if (in == null) {
                return Loaded.failed(List.of(new Problem(name + ".json", "is not bundled with SplitScope")), List.of());
            }
            return ScenarioFiles.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return Loaded.failed(List.of(new Problem(name + ".json", "cannot be read: " + e.getMessage())), List.of());
        }
    }

    /** Up to the first full stop, question or exclamation mark followed by a space or the end. */
    static String firstSentence(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = FIRST_SENTENCE.matcher(t);
        return m.find() ? m.group(1) : t;
    }
}
