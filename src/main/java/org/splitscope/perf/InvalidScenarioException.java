package org.splitscope.perf;

import java.util.List;
import java.util.stream.Collectors;

import org.splitscope.model.Problem;

/** Thrown instead of computing a number from invalid input; carries every problem found. */
public final class InvalidScenarioException extends RuntimeException {
    private final transient List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
