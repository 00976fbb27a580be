package org.splitscope.ui.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.splitscope.model.Scenario;

/**
 * The scenario being explored, the file it belongs to and its history. The scenario is a
 * read-only property that changes only through {@link #edit} (which every editor command calls,
 * so every command is undoable), {@link #undo}, {@link #redo} and {@link #replace} (New, Open).
 */
public final class ScenarioDocument {
    private static final String APP = "SplitScope";

    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>(this, "scenario");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final UndoHistory<Scenario> history = new UndoHistory<>();
    private Scenario saved;

    public ScenarioDocument(Scenario initial) {
        replace(initial, null);
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public Scenario getScenario() {
        return scenario.get();
    }

    /** The file the scenario was opened from or saved to; {@code null} for a new one. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    /** Whether the scenario differs from what was last opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /**
     * The window title: an unsaved-changes mark, the file name (or, for a scenario not yet saved,
     * such as the default or a sample, the scenario's own name), the application.
     */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /**
     * Applies one change as an undoable step. Consecutive changes with the same non-null
     * {@code gestureKey} form one step until {@link #endGesture()}. A change that gives back an
     * equal scenario records nothing.
     */
    public void edit(String gestureKey, UnaryOperator<Scenario> change) {
        Scenario before = scenario.get();
        Scenario after = change.apply(before);
        if (after == null || after.equals(before)) {
            return;
        }
        history.record(before, gestureKey);
        set(after);
    }

    /** Ends the current gesture (mouse released, field left): the next edit is a new step. */
    public void endGesture() {
        history.endGesture();
    }

    public void undo() {
        if (history.canUndo()) {
            set(history.undo(scenario.get()));
        }
    }

    public void redo() {
        if (history.canRedo()) {
            set(history.redo(scenario.get()));
        }
    }

    /** A scenario just opened (or new, with no file): the history starts afresh. */
    public void replace(Scenario newScenario, Path newFile) {
        history.clear();
        saved = Objects.requireNonNull(newScenario);
        file.set(newFile);
        set(newScenario);
    }

    /** The scenario now on screen was written to a file. */
    public void markSaved(Path savedTo) {
        saved = scenario.get();
        file.set(savedTo);
        refreshState();
    }

    private void set(Scenario s) {
        scenario.set(s);
        refreshState();
    }

    private void refreshState() {
        dirty.set(!scenario.get().equals(saved));
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        Path f = file.get();
        String own = scenario.get().name();
        String name = f != null ? String.valueOf(f.getFileName()) : own == null || own.isBlank() ? "Untitled" : own.strip();
        title.set((dirty.get() ? "*" : "") + name + " — " + APP);
    }
}
