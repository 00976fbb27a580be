package org.splitscope.optimize;

import java.util.List;

/** What the properties compare: a search's best plans, or null where it proves that none meets the constraints. */
final class SearchResults {
    private SearchResults() {
    }

    /** The best {@code count} plans by scoring every plan, or null. */
    static List<RankedPlan> exhaustive(SearchRequest request, int count) {
        try {
            return new ExhaustiveSearch(request).top(count, Progress.NONE, CancellationToken.none());
        } catch (InfeasibleConstraintsException e) {
            return null;
        }
    }

    /** The best {@code count} plans of the exact chain search, or null. */
    static List<RankedPlan> exact(SearchRequest request, int count) {
        try {
            return new ExactChainSearch(request).top(count, Progress.NONE, CancellationToken.none());
        } catch (InfeasibleConstraintsException e) {
            return null;
        }
    }
}
