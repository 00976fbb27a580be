package org.splitscope.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.zoo.SampleScenarios;

/**
 * The scenario the window opens on: {@code sample-scenarios/portend-three-tier.json}, bundled on
 * the classpath (the file the README points at), or built by the zoo if the bundle lacks it.
 */
public final class DefaultScenario {
    static final String RESOURCE = "/sample-scenarios/portend-three-tier.json";

    private DefaultScenario() {
    }

    public static Scenario load() {
        try (InputStream in = DefaultScenario.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Loaded<Scenario> loaded = ScenarioFiles.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
                if (loaded.isOk()) {
                    return loaded.value();
                }
            }
        } catch (IOException e) {
            // fall through to the builder: the same scenario, computed instead of read
        }
        return SampleScenarios.portendThreeTier();
    }
}
