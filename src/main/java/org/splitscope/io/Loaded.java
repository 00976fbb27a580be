package org.splitscope.io;

import java.util.List;
import java.util.stream.Collectors;
import org.splitscope.model.Problem;

/**
 * The result of reading a file: the value, or every problem that kept it from being read. Either
 * way it may carry warnings, things that are allowed but probably not meant.
 */
public record Loaded<T>(T value, List<Problem> problems, List<Problem> warnings) {
    public Loaded {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        if ((value == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a result holds either a value or at least one problem");
        }
    }

    public static <T> Loaded<T> ok(T value, List<Problem> warnings) {
        return new Loaded<>(value, List.of(), warnings);
    }

    public static <T> Loaded<T> failed(List<Problem> problems, List<Problem> warnings) {
        return new Loaded<>(null, problems, warnings);
    }

    public static <T> Loaded<T> failed(String path, String message) {
        return failed(List.of(new Problem(path, message)), List.of());
    }

    public boolean isOk() {
        return value != null;
    }

    /** The value, or an {@link IllegalStateException} that lists every problem. */
    public T orElseThrow() {
        if (value == null) {
            throw new IllegalStateException(problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("\n", "cannot read the file:\n", "")));
        }
        return value;
    }
}
