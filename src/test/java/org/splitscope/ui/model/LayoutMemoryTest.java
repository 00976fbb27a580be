package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.splitscope.ui.model.LayoutMemory.Region;

class LayoutMemoryTest {
    private static final List<Region> ALL = List.of(Region.STRIP, Region.EDITOR, Region.RESULTS);
    private static final List<Region> NO_STRIP = List.of(Region.EDITOR, Region.RESULTS);
    private final Preferences store = Preferences.userRoot().node("org/splitscope/ui-test-layout-memory");

    @AfterEach
    void forget() throws BackingStoreException {
        store.removeNode();
    }

    @Test
    void aNewUserGetsTheDefaultSharesInEachMode() {
        LayoutMemory layout = new LayoutMemory(store);
        assertArrayEquals(new double[] {0.22, 0.50}, layout.dividerPositions(false, ALL), 1e-9);
        double[] presentation = layout.dividerPositions(true, ALL);
        assertTrue(1 - presentation[1] > 0.5, "the tabs take over half in presentation mode");
        assertEquals(List.of(Region.STRIP, Region.EDITOR, Region.RESULTS), layout.shownRegions());
    }

    @Test
    void onlyADraggedDividerCountsAsTheUsersArrangement() {
        LayoutMemory layout = new LayoutMemory(store);
        layout.rememberEditorDivider(0.7);
        layout.stripShownProperty().set(false);
        assertFalse(layout.remembersDividers(false), "the editor's divider and a hidden strip are no main-split shares");
        layout.rememberDividers(false, NO_STRIP, new double[] {0.4});
        assertTrue(new LayoutMemory(store).remembersDividers(false), "and in the next run");
        assertFalse(layout.remembersDividers(true), "presentation mode keeps its own");
        layout.reset();
        assertFalse(layout.remembersDividers(false), "Reset layout");
    }

    @Test
    void movedDividersAreRememberedPerModeAndAcrossRuns() {
        LayoutMemory layout = new LayoutMemory(store);
        layout.rememberDividers(false, ALL, new double[] {0.1, 0.4});
        layout.rememberEditorDivider(0.7);
        LayoutMemory next = new LayoutMemory(store);
        assertArrayEquals(new double[] {0.1, 0.4}, next.dividerPositions(false, ALL), 1e-9);
        assertArrayEquals(new LayoutMemory(Preferences.userRoot().node("org/splitscope/ui-test-layout-memory/fresh"))
                .dividerPositions(true, ALL), next.dividerPositions(true, ALL), 1e-9, "presentation keeps its own");
        assertEquals(0.7, next.editorDivider(), 1e-9);
    }

    @Test
    void aHiddenRegionKeepsItsShareForWhenItComesBack() {
        LayoutMemory layout = new LayoutMemory(store);
        layout.stripShownProperty().set(false);
        assertEquals(NO_STRIP, layout.shownRegions());
        double[] twoRegions = layout.dividerPositions(false, NO_STRIP);
        assertEquals(0.28 / 0.78, twoRegions[0], 1e-9, "the editor and the results share the height as before");
        // the user moves the one divider left between the editor and the results
        layout.rememberDividers(false, NO_STRIP, new double[] {0.5});
        layout.stripShownProperty().set(true);
        double[] positions = layout.dividerPositions(false, ALL);
        assertEquals(0.22, positions[0], 1e-9, "the strip comes back with its share");
        assertEquals(positions[1] - positions[0], 1 - positions[1], 1e-9, "the editor and results split what is left evenly");
    }

    @Test
    void theTabsFillTheWindowUntilToldOtherwiseAndNotInTheNextRun() {
        LayoutMemory layout = new LayoutMemory(store);
        layout.summaryShownProperty().set(false);
        layout.tabsFillWindowProperty().set(true);
        assertEquals(List.of(Region.RESULTS), layout.shownRegions());
        LayoutMemory next = new LayoutMemory(store);
        assertFalse(next.tabsFillWindowProperty().get());
        assertFalse(next.summaryShownProperty().get(), "a hidden summary stays hidden");
        next.reset();
        assertTrue(new LayoutMemory(store).summaryShownProperty().get());
    }

    @Test
    void nonsenseInTheStoreGivesTheDefaults() {
        store.putDouble("desk.strip", Double.NaN);
        store.putDouble("desk.editor", -3);
        store.putDouble("divider.editor", 7);
        LayoutMemory layout = new LayoutMemory(store);
        assertArrayEquals(new double[] {0.22, 0.50}, layout.dividerPositions(false, ALL), 1e-9);
        assertEquals(LayoutMemory.EDITOR_SPLIT, layout.editorDivider(), 1e-9);
    }

    @Test
    void aStoreInMemoryStartsFromTheDefaultsAndKeepsNothingForTheNextWindow() {
        LayoutMemory snapshot = new LayoutMemory(new MemoryPreferences().node("layout"));
        assertArrayEquals(new double[] {0.22, 0.50}, snapshot.dividerPositions(false, ALL), 1e-9);
        snapshot.rememberDividers(false, ALL, new double[] {0.1, 0.4});
        snapshot.stripShownProperty().set(false);
        assertArrayEquals(new double[] {0.1, 0.4}, snapshot.dividerPositions(false, ALL), 1e-9);
        LayoutMemory next = new LayoutMemory(new MemoryPreferences().node("layout"));
        assertArrayEquals(new double[] {0.22, 0.50}, next.dividerPositions(false, ALL), 1e-9);
        assertTrue(next.stripShownProperty().get());
    }
}
