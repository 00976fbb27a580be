package org.splitscope.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The guide is bundled, small, and names its screenshots where the snapshot script writes them. */
class UserGuideTest {
    @Test
    void theGuideIsBundledWithItsThreeParts() throws Exception {
        Path page = UserGuide.page();
        String html = Files.readString(page);
        for (String part : List.of("<h2>Gestures</h2>", "<h2>What each chart means</h2>", "<h2>Five minutes with the default scenario</h2>")) {
            assertTrue(html.contains(part), part);
        }
        assertTrue(Files.size(page) < 20_000, "a short guide");
    }

    @Test
    void itsScreenshotsAreTheSnapshotScriptsFilesBesideTheGuide() throws Exception {
        List<String> images = List.copyOf(UserGuide.images(Files.readString(UserGuide.page())));
        assertEquals(List.of("assets/screenshots/charts-1280x720.png", "assets/screenshots/optimize-1280x720.png",
                "assets/screenshots/lesson-1280x720.png"), images);
        for (String image : images) {
            assertTrue(UserGuide.class.getResource("/" + image) != null, image + " is bundled (pom.xml) beside the guide");
        }
        assertTrue(UserGuide.images("<img src=\"../../etc/passwd.png\"> <img src=\"../assets/screenshots/a b.png\">").isEmpty(),
                "only plain names under assets/screenshots are copied out of the jar");
    }
}
