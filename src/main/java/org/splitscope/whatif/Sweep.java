package org.splitscope.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.splitscope.model.Plan;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.FloorSweepSearch;
import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.perf.Metrics;

/**
 * Varies one parameter over a range and evaluates the scenario's plan at every value, optionally
 * re-optimizing there too ("at what bandwidth does offloading win?"). Points are evaluated in
 * parallel on the common pool (both cores), report progress and stop when cancelled.
 */
public final class Sweep {
    /** Most values one sweep evaluates (each may re-optimize); listed in the README's limits. */
    public static final int MAX_POINTS = 10_000;

    private final Scenario scenario;
    private final SweepParameter parameter;
    private final Function<Scenario, Best> reoptimize; // null: only the current plan

    /**
     * The best plan at a point and whether its search proved it optimal; {@code plan} is null where
     * no plan meets the scenario's goals.
     */
    public record Best(Plan plan, boolean proven) {
        /** A plan the caller knows to be optimal (a stand-in optimizer, say), or none. */
        public static Best proven(Plan plan) {
            return new Best(plan, true);
        }
    }

    public Sweep(Scenario scenario, SweepParameter parameter, Function<Scenario, Best> reoptimize) {
        List<String> problems = parameter.check(scenario);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.scenario = scenario;
        this.parameter = parameter;
        this.reoptimize = reoptimize;
    }

    /** {@code steps} values from {@code from} to {@code to}, evenly or geometrically spaced. */
    public static double[] values(double from, double to, int steps, boolean logarithmic) {
        if (steps < 1 || !Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("a sweep needs finite bounds and at least one step");
        }
        if (steps > MAX_POINTS) {
            // checked before the values are allocated: 2^31 steps would not fit in memory
            throw new IllegalArgumentException("a sweep has at most " + MAX_POINTS + " values, got " + steps);
        }
        if (logarithmic && (from <= 0 || to <= 0)) {
            throw new IllegalArgumentException("a logarithmic sweep needs bounds > 0, got " + org.splitscope.model.FieldRange.number(from)
                    + " and " + org.splitscope.model.FieldRange.number(to));
        }
        double[] v = new double[steps];
        // weighted means and logarithms: to - from and to / from overflow over the whole double range
        double logFrom = logarithmic ? Math.log(from) : 0;
        double logTo = logarithmic ? Math.log(to) : 0;
        for (int i = 0; i < steps; i++) {
            double f = steps == 1 ? 0 : (double) i / (steps - 1);
            v[i] = logarithmic ? Math.exp(logFrom + f * (logTo - logFrom)) : from * (1 - f) + to * f;
        }
        v[0] = from;
        v[steps - 1] = steps == 1 ? from : to;
        return v;
    }

    /**
     * @param progress receives the share of points done, from any thread
     * @throws CancellationException when {@code cancelled} turns true before the end
     */
    public List<SweepPoint> run(double[] values, DoubleConsumer progress, BooleanSupplier cancelled) {
        AtomicInteger done = new AtomicInteger();
        SweepPoint[] points = new SweepPoint[values.length];
        IntStream.range(0, values.length).parallel().forEach(i -> {
            if (cancelled.getAsBoolean()) {
                return;
            }
            points[i] = point(values[i]);
            progress.accept((double) done.incrementAndGet() / values.length);
        });
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("sweep cancelled");
        }
        return List.of(points);
    }

    private SweepPoint point(double value) {
        Scenario s = parameter.apply(scenario, value);
        List<Problem> problems = s.validate();
        if (!problems.isEmpty()) {
            return new SweepPoint(value, null, null, null, problems);
        }
        try {
            Evaluator evaluator = new Evaluator(s.profile(), s.topology());
            Metrics current = evaluator.evaluate(s.plan(), s.workload());
            if (reoptimize == null) {
                return new SweepPoint(value, current, null, null, List.of());
            }
            Best best = reoptimize.apply(s);
            Plan plan = best == null ? null : best.plan();
            return new SweepPoint(value, current, plan, plan == null ? null : evaluator.evaluate(plan, s.workload()),
                    List.of(), best == null || best.proven());
        } catch (InvalidScenarioException e) {
            return new SweepPoint(value, null, null, null, e.problems());
        }
    }

    /**
     * Re-optimization by the exact chain search for an objective under the scenario's own goals:
     * the best plan at each point and whether the search proved it optimal, or null where no plan
     * meets the goals there.
     */
    public static Function<Scenario, Best> reoptimizing(Objective objective) {
        FloorSweepSearch search = new FloorSweepSearch(); // a sweep of the floor shares the floor-free work
        return s -> {
            try {
                var best = search.top(SearchRequest.of(s, objective), Progress.NONE, CancellationToken.none()).get(0);
                return new Best(best.plan(), best.provenance().exact());
            } catch (InfeasibleConstraintsException e) {
                return null;
            }
        };
    }

    /** Indices of points where the optimal plan's cuts or placement differ from the point before. */
    public static List<Integer> planChanges(List<SweepPoint> points) {
        List<Integer> changes = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            Plan a = points.get(i - 1).optimalPlan();
            Plan b = points.get(i).optimalPlan();
            if (a != null && b != null && !a.stages().equals(b.stages())) {
                changes.add(i);
            }
        }
        return changes;
    }
}
