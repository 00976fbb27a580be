package org.splitscope.ui.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Undo and redo over immutable values: a stack of earlier values is all an undo needs. Edits
 * that carry the same gesture key in a row are one step, so that one undo takes back the whole
 * gesture; only the events of one continuous drag carry a key (a committed field, a click, a key
 * press are steps of their own).
 */
final class UndoHistory<T> {
    /** Enough for an afternoon of dragging; each entry shares almost everything with its neighbours. */
    static final int LIMIT = 500;

    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();
    private String gesture;

    /** Records the value an edit is about to replace. */
    void record(T before, String gestureKey) {
        redo.clear();
        if (gestureKey != null && Objects.equals(gestureKey, gesture)) {
            return;
        }
        gesture = gestureKey;
        undo.push(before);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
    }

    /** The next edit starts a new step even if it has the same key. */
    void endGesture() {
        gesture = null;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The value to go back to from {@code current}. */
    T undo(T current) {
        gesture = null;
        redo.push(current);
        return undo.pop();
    }

    T redo(T current) {
        gesture = null;
        undo.push(current);
        return redo.pop();
    }

    void clear() {
        undo.clear();
        redo.clear();
        gesture = null;
    }
}
