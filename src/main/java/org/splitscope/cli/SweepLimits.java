package org.splitscope.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.splitscope.model.Scenario;
import org.splitscope.optimize.FloorSweepSearch;
import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchStopped;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepPoint;

/**
 * {@code sweep --optimize}: what each point's search says beyond its plan. With {@code
 * --time-limit} every point's search has the limit to itself; a point whose search reaches it
 * keeps the best plan found so far, and the stop is remembered by the point's parameter values,
 * so that the output marks it instead of passing it off as the optimum. A point whose best plan
 * the search did not prove optimal (a narrowed space, say) says so itself ({@code SweepPoint.proven}).
 */
final class SweepLimits {
    private final TimeLimitOption option;
    private final Objective objective;
    private final List<SweepParameter> parameters;
    private final Map<List<Double>, SearchStopped> stopped = new ConcurrentHashMap<>();

    SweepLimits(TimeLimitOption option, Objective objective, List<SweepParameter> parameters) {
        this.option = option;
        this.objective = objective;
        this.parameters = List.copyOf(parameters);
    }

    /** The exact chain search at a point, as {@code Sweep.reoptimizing} does it, stopped at the limit with its best plan. */
    Function<Scenario, Sweep.Best> reoptimizing() {
        FloorSweepSearch search = new FloorSweepSearch(); // a sweep of the floor shares the floor-free work
        return s -> {
            try {
                var best = search.top(SearchRequest.of(s, objective), Progress.NONE, option.token()).get(0);
                return new Sweep.Best(best.plan(), best.provenance().exact());
            } catch (InfeasibleConstraintsException e) {
                return null;
            } catch (CancellationException e) {
                SearchStopped stop = e instanceof SearchStopped s2 ? s2 : new SearchStopped(List.of(), Double.NaN, Double.NaN);
                stopped.put(key(s), stop);
                return stop.best().isEmpty() ? null : new Sweep.Best(stop.best().get(0).plan(), false);
            }
        };
    }

    private List<Double> key(Scenario s) {
        return parameters.stream().map(p -> p.current(s)).toList();
    }

    /** The stop at the point with these parameter values; null where the search finished. */
    SearchStopped at(double... values) {
        List<Double> key = new ArrayList<>();
        for (double v : values) {
            key.add(v);
        }
        return stopped.get(key);
    }

    /**
     * Whether the point's best plan is not proven optimal although its search finished: a stopped
     * search's plan is not proven either, but its own mark and line say so, with the gap.
     */
    boolean unprovenFinished(SweepPoint p, double... values) {
        return p.unproven() && at(values) == null;
    }

    /** One line on the points whose best plan was not proven optimal, and where to read why; null when none. */
    static String unprovenSummary(long unproven, int points, boolean marked) {
        if (unproven == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "Not proven optimal%s: %d of %d points; optimize at such a value"
                + " lists the search's notes, which say why", marked ? " (marked ~)" : "", unproven, points);
    }

    /** What a point's row says after its search stopped: the gap of the plan shown, or that it found none. */
    static String mark(SearchStopped stop) {
        if (stop.best().isEmpty()) {
            return "no plan found within the time limit";
        }
        Double gap = stop.gap();
        return "stopped at the time limit: best found so far, " + (gap == null ? "no bound on the gap"
                : String.format(Locale.ROOT, "within %.3g %% of the optimum", 100 * gap));
    }

    /** One line on the points the limit stopped, or null when it stopped none. */
    String summary(int points) {
        if (stopped.isEmpty()) {
            return null;
        }
        long none = stopped.values().stream().filter(s -> s.best().isEmpty()).count();
        List<Double> found = stopped.values().stream().filter(s -> !s.best().isEmpty()).map(SearchStopped::gap).toList();
        Double worst = found.contains(null) ? null : found.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String gaps = stopped.size() == none ? "" : worst == null ? "; no bound on the gap is known for some of their plans"
                : String.format(Locale.ROOT, "; their plans are within %.3g %% of the optimum", 100 * worst);
        return String.format(Locale.ROOT, "Stopped at the time limit (%s per point): %d of %d points%s%s",
                option.limitText(), stopped.size(), points, none == 0 ? "" : ", " + none + " of them before any plan was found",
                gaps);
    }
}
