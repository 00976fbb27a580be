package org.splitscope.model;

import java.util.ArrayList;
import java.util.List;

/** Collects {@link Problem}s while a value is checked, so that every problem is reported at once. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(String path, String message) {
        list.add(new Problem(path, message));
    }

    public void addAll(List<Problem> more) {
        list.addAll(more);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> list() {
        return List.copyOf(list);
    }

    /** {@code true} when v is a finite number; otherwise records why not. */
    public boolean finite(double v, String path) {
        if (Double.isNaN(v)) {
            add(path, "must be a number, got NaN");
            return false;
        }
        if (Double.isInfinite(v)) {
            add(path, "must be finite, got " + (v > 0 ? "infinity" : "-infinity"));
            return false;
        }
        return true;
    }

    public void nonNegative(double v, String path) {
        if (finite(v, path) && v < 0) {
            add(path, "must be >= 0, got " + v);
        }
    }

    public void positive(double v, String path) {
        if (finite(v, path) && v <= 0) {
            add(path, "must be > 0, got " + v);
        }
    }

    public void unitInterval(double v, String path) {
        if (finite(v, path) && (v < 0 || v > 1)) {
            add(path, "must be between 0 and 1, got " + v);
        }
    }

    public void notBlank(String s, String path) {
        if (s == null || s.isBlank()) {
            add(path, "must not be empty");
        }
    }
}
