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

    /** Records a problem unless v is finite and within the field's plausible range. */
    public void inRange(double v, FieldRange range, String path) {
        if (!finite(v, path)) {
            return;
        }
        // a wrong sign keeps its short message; the range is for values of the right sign
        if (range.min() > 0 && !range.zeroAllowed() && v <= 0) {
            positive(v, path);
        } else if (v < 0) {
            nonNegative(v, path);
        } else if (!range.contains(v)) {
            add(path, "must be " + range.describe() + ", got " + FieldRange.number(v));
        }
    }

    /** Records a problem unless a whole number lies in [min, max]. */
    public void inRange(long v, long min, long max, String path) {
        if (v < min || v > max) {
            add(path, "must be a whole number from " + min + " to " + max + ", got " + v);
        }
    }

    /** Records a problem when a list is longer than its limit; {@code what} names its items. */
    public boolean atMost(long count, long limit, String what, String path) {
        if (count > limit) {
            add(path, "has " + count + " " + what + "; SplitScope accepts at most " + limit);
            return false;
        }
        return true;
    }

    public void notBlank(String s, String path) {
        if (s == null || s.isBlank()) {
            add(path, "must not be empty");
        }
    }
}
