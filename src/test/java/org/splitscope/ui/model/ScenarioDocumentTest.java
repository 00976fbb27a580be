package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.zoo.SampleScenarios;

/** The document's history, dirty mark and title, without JavaFX running. */
class ScenarioDocumentTest {
    private final Scenario teaching = SampleScenarios.teaching();
    private final ScenarioDocument doc = new ScenarioDocument(teaching);
    private final PlanEditor plan = new PlanEditor(doc);

    @Test
    void anEditIsUndoneAndRedoneToTheSameValues() {
        plan.moveCut(0, 3);
        Scenario moved = doc.getScenario();
        assertEquals(3, moved.plan().stages().get(0).lastUnit());
        assertTrue(doc.isDirty());
        doc.undo();
        assertSame(teaching, doc.getScenario());
        assertFalse(doc.isDirty(), "back at the opened scenario");
        doc.redo();
        assertSame(moved, doc.getScenario());
        assertFalse(doc.canRedoProperty().get());
    }

    @Test
    void oneDragIsOneUndoStepAndTheNextDragAnother() {
        plan.moveCut(0, 3);
        plan.moveCut(0, 2);
        plan.moveCut(0, 1);
        plan.endGesture();
        Scenario afterFirst = doc.getScenario();
        plan.moveCut(0, 2);
        plan.moveCut(0, 3);
        doc.undo();
        assertSame(afterFirst, doc.getScenario());
        doc.undo();
        assertSame(teaching, doc.getScenario());
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void aChangeThatChangesNothingRecordsNothing() {
        plan.moveCut(0, 4); // where it is already
        assertFalse(doc.canUndoProperty().get());
        assertFalse(doc.isDirty());
    }

    @Test
    void aNewEditClearsRedo() {
        plan.moveCut(0, 3);
        doc.undo();
        plan.moveCut(0, 2);
        assertFalse(doc.canRedoProperty().get());
    }

    @Test
    void titleNamesTheFileAndMarksUnsavedChanges() {
        String name = teaching.name();
        assertEquals(name + " — SplitScope", doc.titleProperty().get(), "not saved yet: the scenario's own name");
        plan.moveCut(0, 3);
        assertEquals("*" + name + " — SplitScope", doc.titleProperty().get());
        doc.markSaved(Path.of("/tmp/x/toy.json"));
        assertEquals("toy.json — SplitScope", doc.titleProperty().get());
        assertTrue(doc.canUndoProperty().get(), "saving keeps the history");
        doc.undo();
        assertEquals("*toy.json — SplitScope", doc.titleProperty().get());
    }

    @Test
    void aScenarioWithoutANameOrFileIsUntitled() {
        doc.replace(new Scenario(" ", teaching.profile(), teaching.topology(), teaching.plan(), teaching.workload()), null);
        assertEquals("Untitled — SplitScope", doc.titleProperty().get());
    }

    @Test
    void replacingStartsAFreshHistory() {
        plan.moveCut(0, 3);
        doc.replace(SampleScenarios.portendThreeTier(), Path.of("p.json"));
        assertFalse(doc.canUndoProperty().get());
        assertFalse(doc.isDirty());
        assertEquals(Path.of("p.json"), doc.getFile());
    }
}
