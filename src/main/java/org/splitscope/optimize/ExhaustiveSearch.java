package org.splitscope.optimize;

import java.util.List;

import org.splitscope.model.Plan;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/**
 * The best plans of a search space found by scoring every one of them with the evaluator:
 * every exit configuration, every set of cuts with 1..maxStages stages, and every placement the
 * rules allow. It is the reference the faster searches are tested against, and the fallback for
 * objectives they cannot solve exactly.
 *
 * <p>Running time: C x P evaluations for C exit configurations ({@link ExitConfigurations}) and
 * P placements, P &lt;= sum_{k &lt;= K} binom(N-1, k-1) V^k for N units, V nodes and K stages;
 * each evaluation is linear in stages, exits and route hops (plus O(S x E) per configuration
 * for S samples). Cancellable between any two evaluations, when it throws {@link SearchStopped}
 * with the best plans scored so far (it keeps no bound); progress counts configurations.
 */
public final class ExhaustiveSearch {
    public static final String METHOD = "exhaustive search";

    private final SearchRequest request;

    /** @throws InvalidSearchException listing every problem of the request */
    public ExhaustiveSearch(SearchRequest request) {
        var problems = request.validate();
        if (!problems.isEmpty()) {
            throw new InvalidSearchException(problems);
        }
        this.request = request;
    }

    /**
     * The best {@code count} plans, best first.
     *
     * @throws InfeasibleConstraintsException when no plan meets the constraints, saying which
     * @throws SearchStopped when the token is cancelled, with the best plans scored so far
     */
    public List<RankedPlan> top(int count, Progress progress, CancellationToken token) {
        List<RankedPlan> found = new Run(request, count, progress, token).search();
        if (found.isEmpty()) {
            throw Infeasibility.explain(request, r -> new Run(r, 1, Progress.NONE, token).search());
        }
        return found;
    }

    private static final class Run {
        private final SearchRequest request;
        private final Evaluator evaluator;
        private final TopPlans top;
        private final Progress progress;
        private final CancellationToken token;
        private long evaluated;

        Run(SearchRequest request, int count, Progress progress, CancellationToken token) {
            this.request = request;
            this.evaluator = request.evaluator();
            this.top = new TopPlans(count);
            this.progress = progress;
            this.token = token;
        }

        List<RankedPlan> search() {
            AllPlans all = new AllPlans(request);
            for (int i = 0; i < all.configurations(); i++) {
                all.visit(i, this::score);
                progress.update(i + 1, all.configurations());
            }
            return top.ranked(request.objective(), new Provenance(METHOD, true, evaluated, List.of()));
        }

        private void score(Plan plan) {
            if (token.isCancelled()) {
                throw SearchStopped.of(top.ranked(request.objective(), new Provenance(METHOD, false, evaluated, List.of())),
                        top.incumbent(), Double.NaN, METHOD, evaluated, List.of());
            }
            Metrics m = evaluator.evaluate(plan, request.workload());
            evaluated++;
            if (request.constraints().metBy(m)) {
                top.offer(Ranking.key(request.objective(), m, plan.stages().size()), plan, m);
            }
        }
    }
}
