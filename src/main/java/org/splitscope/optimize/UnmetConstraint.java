package org.splitscope.optimize;

/**
 * Why a search found no plan: one constraint and what the search space can achieve on it.
 *
 * @param aloneImpossible true when no plan meets this constraint even with every other one dropped
 * @param message         a sentence for the user
 */
public record UnmetConstraint(Constraint constraint, boolean aloneImpossible, String message) {
}
