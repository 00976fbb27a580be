package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private final Preferences store = Preferences.userRoot().node("org/splitscope/ui-test-recent");

    @AfterEach
    void forget() throws BackingStoreException {
        store.removeNode();
    }

    @Test
    void newestFirstWithoutRepeatsUpToTheLimitAndRemembered() {
        RecentFiles recent = new RecentFiles(store);
        for (int i = 0; i < RecentFiles.LIMIT + 2; i++) {
            recent.add(Path.of("/s/" + i + ".json"));
        }
        recent.add(Path.of("/s/5.json"));
        List<Path> files = List.copyOf(recent.filesProperty());
        assertEquals(RecentFiles.LIMIT, files.size());
        assertEquals(Path.of("/s/5.json"), files.get(0));
        assertEquals(Path.of("/s/9.json"), files.get(1));
        assertEquals(files, List.copyOf(new RecentFiles(store).filesProperty()));
    }
}
