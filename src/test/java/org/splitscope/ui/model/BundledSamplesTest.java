package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.ui.model.BundledSamples.Sample;
import org.splitscope.zoo.SampleScenarios;

/** File > Open sample's list: every bundled scenario and lesson, each with a title and a one-line summary. */
class BundledSamplesTest {
    @Test
    void theListIsEveryScenarioOfTheFolderThenEveryLesson() throws Exception {
        try (var files = Files.list(Path.of("sample-scenarios"))) {
            List<String> folder = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
            assertEquals(folder, BundledSamples.SCENARIOS.stream().sorted().toList());
        }
        assertEquals("portend-three-tier.json", SampleScenarios.all().keySet().iterator().next());
        assertEquals("portend-three-tier", BundledSamples.SCENARIOS.get(0), "the default first");
        List<Sample> all = BundledSamples.all();
        assertEquals(BundledSamples.SCENARIOS, all.stream().filter(s -> !s.lesson()).map(Sample::name).toList());
        assertEquals(BundledLessons.NAMES, all.stream().filter(Sample::lesson).map(Sample::name).toList());
    }

    @Test
    void eachSampleHasItsTitleAndAOneLineSummaryFromItsDescription() throws Exception {
        for (Sample s : BundledSamples.all()) {
            assertFalse(s.title().isBlank(), s.name());
            assertFalse(s.summary().contains("\n"), s.name() + ": one line");
            assertTrue(s.summary().length() >= 20 && s.summary().length() <= 110, s.name() + ": " + s.summary());
            assertTrue(s.summary().matches(".*[.?!]"), s.name() + " ends a sentence: " + s.summary());
            if (!s.lesson()) {
                var scenario = ScenarioFiles.read(Path.of("sample-scenarios", s.name() + ".json")).value();
                assertEquals(scenario.name(), s.title());
                assertTrue(scenario.description().startsWith(s.summary() + " "), s.name());
                assertEquals(ScenarioFiles.toJson(scenario), ScenarioFiles.toJson(BundledSamples.scenario(s.name()).value()),
                        "the bundled copy is the file");
            } else {
                assertEquals(BundledLessons.title(s.name()), s.title());
            }
        }
    }

    @Test
    void theFirstSentenceEndsAtAStopFollowedBySpaceNotInsideAnAbbreviation() {
        assertEquals("PORTEND (Ebrahimi et al., 2023) splits a model.",
                BundledSamples.firstSentence("PORTEND (Ebrahimi et al., 2023) splits a model. It also exits early."));
        assertEquals("When is offloading worth it?", BundledSamples.firstSentence("When is offloading worth it? The toy."));
        assertEquals("No stop at all", BundledSamples.firstSentence("No stop at all"));
        assertEquals("Ends 2.5 GFLOP/s.", BundledSamples.firstSentence("Ends 2.5 GFLOP/s."));
        assertEquals("", BundledSamples.firstSentence(null));
    }

    @Test
    void aNameThatIsNotBundledIsAProblemNotAnException() {
        var loaded = BundledSamples.scenario("no-such-sample");
        assertFalse(loaded.isOk());
        assertTrue(loaded.problems().get(0).toString().contains("not bundled"), loaded.problems().toString());
    }
}
