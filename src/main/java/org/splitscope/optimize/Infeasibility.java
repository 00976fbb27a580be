package org.splitscope.optimize;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Explains an empty search result: which constraint cannot be met, alone or only together with
 * others, and the best the search space achieves on it. It reruns the same search with one
 * constraint at a time, and with none to find the best achievable value, so the explanation is
 * as exact as the search.
 */
final class Infeasibility {
    /** One run of a search that may come back empty. */
    @FunctionalInterface
    interface Searcher {
        List<RankedPlan> run(SearchRequest request);
    }

    private Infeasibility() {
    }

    static InfeasibleConstraintsException explain(SearchRequest request, Searcher inner) {
        // the reruns' best plans answer other questions: stopped, they are no partial result of this one
        Searcher searcher = r -> SearchStopped.plain(() -> inner.run(r));
        if (request.objective() == Objective.LOADED_LATENCY) {
            // that objective brings "below saturation" into every request; the same plans are feasible for the mean,
            // which lets the reruns without constraints see the saturated plans
            request = request.withObjective(Objective.MEAN_LATENCY);
        }
        if (searcher.run(request.withConstraints(Constraints.NONE)).isEmpty()) {
            return new InfeasibleConstraintsException("The search space holds no plan: the pins, forbids, placement rule"
                    + " and routes exclude every one.", List.of());
        }
        Constraints c = request.constraints();
        Set<Constraint> active = c.active();
        List<UnmetConstraint> unmet = new ArrayList<>();
        for (Constraint k : active) {
            if (searcher.run(request.withConstraints(c.only(k))).isEmpty()) {
                unmet.add(new UnmetConstraint(k, true, alone(request, k, searcher)));
            }
        }
        if (!unmet.isEmpty()) {
            return new InfeasibleConstraintsException("No plan in the search space meets the constraints.", unmet);
        }
        List<String> names = active.stream().map(Constraint::label).toList();
        for (Constraint k : active) {
            unmet.add(new UnmetConstraint(k, false, "The " + k.label() + " can be met on its own."));
        }
        return new InfeasibleConstraintsException("No plan in the search space meets the constraints: each can be met"
                + " on its own, but not all together (" + String.join(", ", names) + ").", unmet);
    }

    private static String alone(SearchRequest request, Constraint k, Searcher searcher) {
        Constraints c = request.constraints();
        double rate = request.workload().arrivalRatePerSecond();
        return switch (k) {
            case ACCURACY_FLOOR -> "The accuracy floor " + percent(c.accuracyFloor()) + " cannot be met: the most accurate"
                    + " plan reaches " + percent(best(request, Objective.ACCURACY, searcher)) + ".";
            case LATENCY_SLO -> "The latency SLO of " + c.latencySloSeconds() + " s cannot be met: the fastest plan takes "
                    + best(request, Objective.MEAN_LATENCY, searcher) + " s on average"
                    + (rate > 0 ? " without queueing, more at " + rate + " requests/s." : ".");
            case BUDGET -> "The budget of " + c.budgetUsdPerRequest() + " USD per request cannot be met: the cheapest"
                    + " plan costs " + best(request, Objective.COST, searcher) + " USD.";
            case MEMORY -> "No plan fits in memory: every placement overflows some node.";
            case UTILIZATION -> "Every plan saturates a node or link at " + rate + " requests/s" + saturationReason(request);
        };
    }

    private static String saturationReason(SearchRequest request) {
        String why = SaturationBound.everyPlanSaturates(request);
        return why == null ? "." : ": " + why + ".";
    }

    /** An accuracy as the user entered the floor, in percent: 0.999 is "99.9 %", not a share. */
    static String percent(Double share) {
        return share == null ? "unknown"
                : new BigDecimal(share).movePointRight(2).round(new MathContext(4)).stripTrailingZeros().toPlainString() + " %";
    }

    private static double best(SearchRequest request, Objective objective, Searcher searcher) {
        return searcher.run(request.withObjective(objective).withConstraints(Constraints.NONE)).get(0).objectiveValue();
    }
}
