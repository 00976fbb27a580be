package org.splitscope.optimize;

import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/**
 * Bounds on the best mean latency (or cost) at an accuracy floor from the exit program's
 * Lagrangian: for every lambda >= 0, min over plans of (objective - lambda x accuracy) + lambda x
 * floor is a lower bound on the constrained optimum. The walk moves along the lower convex hull
 * of (accuracy, objective) between the unconstrained best (below the floor) and a feasible plan,
 * solving one scalar program per hull edge, until the edge across the floor is found. Its
 * feasible end is an upper bound; when the two meet, that plan is the proven optimum, otherwise
 * the gap is what the label program has to close. Every point is re-evaluated by the evaluator.
 */
final class FloorHull {
    private static final int MAX_STEPS = 60;

    /** A plan on the hull with the evaluator's figures. */
    record Point(ExitDp.Found found, double objective, double accuracy) {
    }

    /** The best feasible plan found (null when even the most accurate plan is below the floor). */
    final Point feasible;
    /** A proven lower bound on the objective at the floor. */
    final double lowerBound;
    /** Points whose program value disagreed with the evaluator's figures. */
    final int disagreements;
    /** Scalar programs solved. */
    final int solves;
    /** Whether the token stopped the walk: then the plan and bound are the best so far. */
    final boolean stopped;

    private final SearchRequest request;
    private final ExitDp dp;
    private final CancellationToken token;
    private final boolean cost;
    private int disagreed;
    private int solved;
    private final java.util.List<Double> lambdas = new java.util.ArrayList<>();
    private double lastLambda = Double.NaN;
    private double[] lastValues;
    private double finalLambda = Double.NaN;
    private Point hi;
    /** The best Lagrangian bound of the points solved so far: min (objective - lambda accuracy) + lambda floor. */
    private double dual = Double.NEGATIVE_INFINITY;

    private FloorHull(SearchRequest request, ExitDp dp, CancellationToken token) {
        this.request = request;
        this.dp = dp;
        this.token = token;
        cost = request.objective() == Objective.COST;
        double bound;
        boolean cancelled = false;
        try {
            bound = walk(request.constraints().accuracyFloor());
        } catch (java.util.concurrent.CancellationException e) {
            cancelled = true;
            bound = dual;
        }
        stopped = cancelled;
        feasible = hi;
        lowerBound = Math.min(bound, hi == null ? bound : hi.objective());
        disagreements = disagreed;
        solves = solved;
    }

    /** Walks the hull to the edge across the floor; returns the lower bound, leaving the feasible end in hi. */
    private double walk(double floor) {
        Point lo = point(0, floor);
        double bound = lo == null ? Double.POSITIVE_INFINITY : lo.objective();
        if (lo != null && !Tolerance.less(lo.accuracy(), floor)) {
            hi = lo;
        } else if (lo != null) {
            Point top = mostAccurate();
            if (!Tolerance.less(top.accuracy(), floor)) {
                hi = top;
                for (int step = 0; step < MAX_STEPS && hi.accuracy() > lo.accuracy(); step++) {
                    double lambda = (hi.objective() - lo.objective()) / (hi.accuracy() - lo.accuracy());
                    Point p = point(lambda, floor);
                    double line = lo.objective() - lambda * lo.accuracy();
                    if (p == null || !Tolerance.less(p.objective() - lambda * p.accuracy(), line)) {
                        break; // lo-hi is an edge of the hull
                    }
                    if (Tolerance.less(p.accuracy(), floor)) {
                        lo = p;
                    } else {
                        hi = p;
                    }
                }
                double slope = (hi.objective() - lo.objective()) / (hi.accuracy() - lo.accuracy());
                bound = hi.accuracy() > lo.accuracy() ? lo.objective() + (floor - lo.accuracy()) * slope : hi.objective();
                finalLambda = hi.accuracy() > lo.accuracy() ? slope : Double.NaN;
            }
        }
        return bound;
    }

    static FloorHull walk(SearchRequest request, ExitDp dp, CancellationToken token) {
        return new FloorHull(request, dp, token);
    }

    /** Whether the feasible plan is proven optimal. */
    boolean closed() {
        return feasible != null && !Tolerance.less(lowerBound, feasible.objective());
    }

    /**
     * The multipliers the walk solved for, 0 first: each gives a Lagrangian bound of its own
     * ({@link ExitBounds}); the last edge's slope is the best single one.
     */
    double[] multipliers() {
        java.util.TreeSet<Double> set = new java.util.TreeSet<>(lambdas);
        set.add(0.0);
        if (!Double.isNaN(finalLambda)) {
            set.add(finalLambda);
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A lower bound on the objective at the floor of graph i's plans (see {@link ExitDp}): its
     * Lagrangian value at the last edge's slope, or minus infinity where that was not solved.
     */
    double graphBound(int i) {
        if (Double.isNaN(finalLambda) || lastLambda != finalLambda) {
            return Double.NEGATIVE_INFINITY;
        }
        double floor = request.constraints().accuracyFloor();
        return lastValues[i] + finalLambda * floor;
    }

    /** The optimum of objective - lambda x accuracy, evaluated; its Lagrangian bound at the floor raises {@link #dual}. */
    private Point point(double lambda, double floor) {
        if (lambda > 0) {
            dp.prepare(lambda, token); // a gap will need this multiplier's bound pass: made beside the solve
        }
        ExitDp.Found f = dp.solveScalar(cost ? 0 : 1, cost ? 1 : 0, lambda, token, Progress.NONE);
        lambdas.add(lambda);
        lastLambda = lambda;
        lastValues = dp.lastValues();
        Point p = evaluated(f, lambda);
        if (p != null) {
            dual = Math.max(dual, p.objective() - lambda * p.accuracy() + lambda * floor);
        }
        return p;
    }

    /** The most accurate plan (its figures beyond accuracy are not minimized). */
    private Point mostAccurate() {
        dp.prepare(0, token); // asked when the fastest plan misses the floor, where a gap is likely: made beside the solve
        dp.prepare(Double.NaN, token);
        ExitDp.Found f = dp.solveScalar(0, 0, 1, token, Progress.NONE);
        return evaluated(f, Double.NaN);
    }

    private Point evaluated(ExitDp.Found f, double lambda) {
        solved++;
        if (f == null) {
            return null;
        }
        Evaluator evaluator = request.evaluator();
        Metrics m = evaluator.evaluate(f.plan(), request.workload());
        double objective = cost ? m.costUsdPerRequest() : m.meanLatency();
        double accuracy = m.accuracy() == null ? 0 : m.accuracy();
        double value = Double.isNaN(lambda) ? -accuracy : objective - lambda * accuracy;
        if (!Tolerance.equal(value, f.scalar())) {
            disagreed++;
        }
        return new Point(new ExitDp.Found(f.plan(), m.meanLatency(), m.costUsdPerRequest(), accuracy), objective, accuracy);
    }
}
