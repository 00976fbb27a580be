package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/** The Pareto front against every plan scored, on random small instances. */
class ParetoFrontProperties {

    @Property(tries = 200)
    void equalsTheFrontOfEveryPlanScored(@ForAll long seed) {
        SearchRequest request = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY));
        Assume.that(request != null);
        List<double[]> expected = reference(request);
        Statistics.label("front size").collect(expected.size() < 3 ? "< 3" : expected.size() < 10 ? "< 10" : ">= 10");
        if (expected.isEmpty()) {
            assertThrows(InfeasibleConstraintsException.class,
                    () -> new ParetoFront(request).points(Progress.NONE, CancellationToken.none()));
            return;
        }
        List<ParetoPoint> front = new ParetoFront(request).points(Progress.NONE, CancellationToken.none());
        Statistics.label("method").collect(front.get(0).provenance().method());
        List<double[]> actual = front.stream().map(p -> figures(p.metrics())).toList();
        assertEquals(expected.size(), actual.size(), "front sizes");
        for (double[] e : expected) {
            assertTrue(actual.stream().anyMatch(a -> same(a, e)), "missing point " + java.util.Arrays.toString(e));
        }
        for (ParetoPoint p : front) {
            assertTrue(request.constraints().metBy(p.metrics()));
            assertTrue(p.provenance().exact());
        }
    }

    /** Stopped between configurations, the front gives back the part it proved: the whole front above an accuracy. */
    @Property(tries = 150)
    void aStoppedFrontIsTheWholeFrontAboveTheAccuracyItReached(@ForAll long seed, @ForAll("searched") int searched) {
        SearchRequest request = RandomRequests.request(seed, List.of(Objective.MEAN_LATENCY));
        Assume.that(request != null);
        List<double[]> expected = reference(request);
        Assume.that(!expected.isEmpty());
        CancellationToken token = new CancellationToken();
        FrontStopped stop;
        try {
            new ParetoFront(request).points((done, total) -> {
                if (done >= searched) {
                    token.cancel();
                }
            }, token);
            Statistics.label("stopped").collect("finished first");
            return;
        } catch (FrontStopped e) {
            stop = e;
        } catch (java.util.concurrent.CancellationException e) {
            Statistics.label("stopped").collect("no part (a point above broke a constraint)");
            return;
        }
        Statistics.label("stopped").collect(stop.points().isEmpty() ? "empty part" : "with a part");
        double above = stop.completeAbove();
        List<double[]> part = expected.stream().filter(e -> Tolerance.less(above, e[2])).toList();
        List<double[]> actual = stop.points().stream().map(p -> figures(p.metrics())).toList();
        assertEquals(part.size(), actual.size(), "points above " + above);
        for (double[] e : part) {
            assertTrue(actual.stream().anyMatch(a -> same(a, e)), "missing point " + java.util.Arrays.toString(e));
        }
        for (ParetoPoint p : stop.points()) {
            assertTrue(request.constraints().metBy(p.metrics()));
            assertTrue(!p.provenance().exact(), "a part is not the front");
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> searched() {
        return net.jqwik.api.Arbitraries.integers().between(1, 3);
    }

    private static double[] figures(Metrics m) {
        return new double[] {m.meanLatency(), m.costUsdPerRequest(), m.accuracy() == null ? 0 : m.accuracy()};
    }

    private static boolean same(double[] a, double[] b) {
        return Tolerance.equal(a[0], b[0]) && Tolerance.equal(a[1], b[1]) && Tolerance.equal(a[2], b[2]);
    }

    /** (latency, cost, accuracy) of the feasible plans no other feasible plan dominates, duplicates once. */
    private static List<double[]> reference(SearchRequest request) {
        List<double[]> feasible = new ArrayList<>();
        AllPlans all = new AllPlans(request);
        for (int i = 0; i < all.configurations(); i++) {
            all.visit(i, plan -> {
                Metrics m = request.evaluator().evaluate(plan, request.workload());
                if (request.constraints().metBy(m)) {
                    feasible.add(figures(m));
                }
            });
        }
        List<double[]> front = new ArrayList<>();
        for (double[] q : feasible) {
            boolean dominated = feasible.stream().anyMatch(p -> noWorse(p, q) && !noWorse(q, p));
            if (!dominated && front.stream().noneMatch(f -> same(f, q))) {
                front.add(q);
            }
        }
        return front;
    }

    private static boolean noWorse(double[] p, double[] q) {
        return !Tolerance.less(q[0], p[0]) && !Tolerance.less(q[1], p[1]) && !Tolerance.less(p[2], q[2]);
    }
}
