package org.splitscope.optimize;

import java.util.List;

/**
 * How a plan was found.
 *
 * @param method         the algorithm, e.g. "exact chain dynamic program" or "exhaustive search"
 * @param exact          whether the result is proven optimal over the search space (a heuristic
 *                       result says false)
 * @param plansEvaluated how many plans the evaluator scored during the search
 * @param notes          what the search did that a user may want to know (pruning applied, a
 *                       fallback taken)
 */
public record Provenance(String method, boolean exact, long plansEvaluated, List<String> notes) {
    public Provenance {
        notes = List.copyOf(notes);
    }
}
