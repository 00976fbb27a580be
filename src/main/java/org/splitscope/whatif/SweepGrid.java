package org.splitscope.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;

/**
 * A two-parameter what-if: the best plan at every (x, y) of a grid, and the regions of the grid
 * where that plan has the same cuts and placement (a heat map of the best latency, labelled by the
 * best cut: Neurosurgeon's and DNNSplit's "where does offloading win" as a map). Each row is a
 * {@link Sweep} over x at one y, so rows run on every core.
 */
public final class SweepGrid {
    /** Most points of a grid (200 x 200), each re-optimized; listed in the README's limits. */
    public static final int MAX_POINTS = 40_000;

    private final Scenario scenario;
    private final SweepParameter x;
    private final SweepParameter y;
    private final Function<Scenario, Sweep.Best> reoptimize;

    public SweepGrid(Scenario scenario, SweepParameter x, SweepParameter y, Function<Scenario, Sweep.Best> reoptimize) {
        if (x.equals(y)) {
            throw new IllegalArgumentException("the two parameters must differ, got " + x + " twice");
        }
        var problems = new ArrayList<String>(x.check(scenario));
        problems.addAll(y.check(scenario));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.scenario = scenario;
        this.x = x;
        this.y = y;
        this.reoptimize = reoptimize;
    }

    /** The grid: {@code rows.get(j).get(i)} is the point at xs[i], ys[j]; region labels by first appearance. */
    public record Result(SweepParameter x, SweepParameter y, double[] xs, double[] ys, List<List<SweepPoint>> rows,
                         Map<String, Integer> regions) {
        /** The region number of a point (its best plan's cuts and placement), or -1 where there is none. */
        public int region(int i, int j) {
            Plan p = rows.get(j).get(i).optimalPlan();
            return p == null ? -1 : regions.get(signature(p));
        }
    }

    /**
     * @param progress receives the share of grid points done
     * @throws CancellationException when {@code cancelled} turns true before the end
     */
    public Result run(double[] xs, double[] ys, DoubleConsumer progress, BooleanSupplier cancelled) {
        checkSize(xs.length, ys.length);
        List<List<SweepPoint>> rows = new ArrayList<>();
        for (int j = 0; j < ys.length; j++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("sweep cancelled");
            }
            Scenario row = y.apply(scenario, ys[j]);
            int done = j;
            rows.add(new Sweep(row, x, reoptimize).run(xs, share -> progress.accept((done + share) / ys.length), cancelled));
        }
        Map<String, Integer> regions = new LinkedHashMap<>();
        for (List<SweepPoint> r : rows) {
            for (SweepPoint p : r) {
                if (p.optimalPlan() != null) {
                    regions.putIfAbsent(signature(p.optimalPlan()), regions.size());
                }
            }
        }
        return new Result(x, y, xs.clone(), ys.clone(), List.copyOf(rows), Map.copyOf(regions));
    }

    /** @throws IllegalArgumentException when a grid of this many values of each parameter is above {@link #MAX_POINTS} */
    public static void checkSize(int xCount, int yCount) {
        long points = (long) xCount * yCount;
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException(xCount + " x " + yCount + " = " + points + " grid points; a grid has at most "
                    + MAX_POINTS + " (e.g. 200 x 200)");
        }
    }

    /** A plan's cuts and placement in words, e.g. {@code cut after 4: phone | edge}; equal exactly when both are. */
    public static String signature(Plan plan) {
        List<Stage> stages = plan.stages();
        String cuts = stages.subList(0, stages.size() - 1).stream().map(s -> String.valueOf(s.lastUnit()))
                .collect(Collectors.joining(", "));
        String nodes = stages.stream().map(Stage::node).collect(Collectors.joining(" | "));
        String end = plan.terminalExit() == null ? "" : " (ends at " + plan.terminalExit() + ")";
        return (stages.size() == 1 ? "no cut: " : (stages.size() == 2 ? "cut after " : "cuts after ") + cuts + ": ") + nodes + end;
    }
}
