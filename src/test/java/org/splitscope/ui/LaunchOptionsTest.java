package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void snapshotInEitherSpellingAndAScenario() {
        assertEquals(new LaunchOptions(Path.of("a.png"), null), LaunchOptions.parse(List.of("--snapshot", "a.png")));
        assertEquals(new LaunchOptions(Path.of("a.png"), Path.of("s.json")),
                LaunchOptions.parse(List.of("--snapshot=a.png", "s.json")));
        assertNull(LaunchOptions.parse(List.of()).snapshot());
    }

    @Test
    void mistakesAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--snapshot")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--dark")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("a.json", "b.json")));
    }

    @Test
    void onlyNoArgumentsOrASnapshotAreTheExplorers() {
        assertTrue(LaunchOptions.isExplorer(new String[0]));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--snapshot", "x.png"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--snapshot=x.png"}));
        assertFalse(LaunchOptions.isExplorer(new String[] {"evaluate", "x.json"}));
        assertFalse(LaunchOptions.isExplorer(new String[] {"--help"}));
    }

    @Test
    void theDefaultScenarioIsTheBundledFile() {
        assertEquals(org.splitscope.zoo.SampleScenarios.portendThreeTier().name(), DefaultScenario.load().name());
    }
}
