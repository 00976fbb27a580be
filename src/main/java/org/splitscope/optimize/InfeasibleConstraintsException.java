package org.splitscope.optimize;

import java.util.List;
import java.util.stream.Collectors;

/**
 * No plan of the search space meets the constraints. The message says which constraint cannot
 * be met (alone, or only together with others) and what the space can achieve instead.
 */
public final class InfeasibleConstraintsException extends RuntimeException {
    private final transient List<UnmetConstraint> unmet;

    public InfeasibleConstraintsException(String summary, List<UnmetConstraint> unmet) {
        super(summary + (unmet.isEmpty() ? ""
                : " " + unmet.stream().map(UnmetConstraint::message).collect(Collectors.joining(" "))));
        this.unmet = List.copyOf(unmet);
    }

    public List<UnmetConstraint> unmet() {
        return unmet;
    }
}
