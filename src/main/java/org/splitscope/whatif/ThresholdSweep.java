package org.splitscope.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitRange;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.perf.Metrics;

/**
 * Accuracy against latency as the thresholds of the enabled exits sweep together: at step i of
 * n every enabled exit gets the threshold a fraction i/(n-1) of the way through its range. Each
 * point is one evaluation of the scenario's plan with those thresholds; nothing is computed here.
 * Running time: n evaluations.
 */
public final class ThresholdSweep {
    public static final int STEPS = 41;

    /** One swept plan: its thresholds' position in their ranges and the evaluator's figures. */
    public record Point(double fraction, double meanLatency, Double accuracy) {
    }

    private final Evaluator evaluator;
    private final Scenario scenario;

    public ThresholdSweep(Evaluator evaluator, Scenario scenario) {
        this.evaluator = evaluator;
        this.scenario = scenario;
    }

    /**
     * The swept points; empty when no exit is enabled. Plans the evaluator rejects are left out.
     *
     * @param done      told the share of steps done after each step
     * @throws CancellationException as soon as {@code cancelled} says so
     */
    public List<Point> run(int steps, DoubleConsumer done, BooleanSupplier cancelled) {
        List<EnabledExit> exits = scenario.plan().exits();
        List<Point> points = new ArrayList<>();
        if (exits.isEmpty()) {
            return points;
        }
        for (int i = 0; i < steps; i++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            double f = steps == 1 ? 0 : (double) i / (steps - 1);
            List<EnabledExit> swept = new ArrayList<>();
            for (EnabledExit e : exits) {
                ExitRange range = ExitRange.of(scenario.profile(), scenario.profile().exitIndex(e.exit()));
                swept.add(new EnabledExit(e.exit(), range.at(f)));
            }
            Plan plan = scenario.plan().withExits(swept);
            try {
                Metrics m = evaluator.evaluate(plan, scenario.workload());
                points.add(new Point(f, m.latency().mean(), m.accuracy()));
            } catch (InvalidScenarioException e) {
                // that threshold is not allowed for this plan: the curve has a gap there
            }
            done.accept((i + 1.0) / steps);
        }
        return points;
    }
}
