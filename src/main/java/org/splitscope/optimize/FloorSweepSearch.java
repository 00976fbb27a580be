package org.splitscope.optimize;

import java.util.List;

import org.splitscope.model.Workload;

/**
 * The exact chain search asked at many accuracy floors of one request (a floor sweep, a
 * staircase of accuracy against latency): each answer is the one {@link ExactChainSearch} gives
 * at that floor, but the exit program's work that does not depend on the floor is done once.
 * Every floor walks the same Lagrangian hull and prunes by forward bounds at the same
 * multipliers, so the scalar solves and bound passes of one floor serve the others, and what is
 * left per floor (the labels that close its gap) runs side by side with the other floors. On
 * PORTEND's ResNet-110 eleven floors take half the time of eleven searches. Requests that differ
 * in more than the floor (or that the exit program does not answer) are searched on their own.
 */
public final class FloorSweepSearch {
    private SearchRequest shared;
    private ExitDp program;

    /**
     * The best plan at the request's floor, as {@code new ExactChainSearch(request).top(1, ...)}
     * gives it. Floors may be asked from several threads: the shared scalar solves and passes are
     * made one at a time, each floor's labels side by side.
     */
    public List<RankedPlan> top(SearchRequest request, Progress progress, CancellationToken token) {
        if (request.constraints().accuracyFloor() != null && ExactChainSearch.exitProgramAnswers(request)
                && claims(request)) {
            return new ExactChainSearch(request, true, this::program).top(1, progress, token);
        }
        return new ExactChainSearch(request).top(1, progress, token); // not a floor of the first: on its own
    }

    /** Whether the request is a floor of the first one asked (which sets what the others must share). */
    private synchronized boolean claims(SearchRequest request) {
        if (shared == null) {
            shared = request;
        }
        return sameButFloor(shared, request);
    }

    private synchronized ExitDp program(SearchRequest r, ChainCosts costs, StageRules rules) {
        if (program == null) {
            program = new ExitDp(r, costs, rules, 1);
            return program;
        }
        return program.atFloor(r);
    }

    /** Whether the exit program of a answers b too: the same model, network, objective, space and limits but the floor. */
    private static boolean sameButFloor(SearchRequest a, SearchRequest b) {
        return same(a.evaluator().profile(), b.evaluator().profile()) && same(a.evaluator().topology(), b.evaluator().topology())
                && a.objective() == b.objective() && a.space().equals(b.space())
                && a.constraints().withAccuracyFloor(null).equals(b.constraints().withAccuracyFloor(null))
                && withoutFloor(a.workload()).equals(withoutFloor(b.workload()));
    }

    /** Equal values: the same object as a rule (a sweep changes only the workload), else compared in full. */
    private static boolean same(Object a, Object b) {
        return a == b || a.equals(b);
    }

    private static Workload withoutFloor(Workload w) {
        return new Workload(w.arrivalRatePerSecond(), w.latencySloSeconds(), null, w.budgetUsdPerRequest());
    }
}
