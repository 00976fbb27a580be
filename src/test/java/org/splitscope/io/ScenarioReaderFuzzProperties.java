package org.splitscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the JSON readers (scenario, profile, plan, lesson) with mutations of real files and
 * with noise: whatever the text, the answer is a {@link Loaded} whose problems are in words,
 * never an exception or a hang. Bounded in tries so that the normal test run stays quick.
 */
class ScenarioReaderFuzzProperties {
    private static final Path FOLDER = Path.of("sample-scenarios");

    private static String teaching() {
        try {
            return Files.readString(FOLDER.resolve("teaching.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> mutatedScenarios() {
        return HostileText.mutationsOf(teaching());
    }

    @Provide
    Arbitrary<String> jsonNoise() {
        return HostileText.noise("{}[]\":,0123456789.eE+-ntrufalsNI \\u\n\u0000");
    }

    @Property(tries = 400)
    void aMutatedScenarioIsReadOrRefusedInWords(@ForAll("mutatedScenarios") String text) {
        HostileText.readInWords(() -> ScenarioFiles.read(text, FOLDER));
    }

    @Property(tries = 300)
    void jsonNoiseIsRefusedInWordsByEveryJsonReader(@ForAll("jsonNoise") String text) {
        HostileText.readInWords(() -> ScenarioFiles.read(text, FOLDER));
        HostileText.readInWords(() -> ProfileFiles.read(text));
        HostileText.readInWords(() -> PlanFiles.read(text));
        HostileText.readInWords(() -> LessonFiles.read(text));
    }
}
