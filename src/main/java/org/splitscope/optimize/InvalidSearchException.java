package org.splitscope.optimize;

import java.util.List;
import java.util.stream.Collectors;

import org.splitscope.model.Problem;

/** A request that cannot be searched (for example a pin that contradicts a forbid); carries every problem. */
public final class InvalidSearchException extends IllegalArgumentException {
    private final transient List<Problem> problems;

    public InvalidSearchException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
