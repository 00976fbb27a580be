package org.splitscope.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/**
 * One plan evaluation on the 517-unit, 4-exit, 10,000-sample model.
 * {@code newThresholds}: all four thresholds are values not seen recently, so every sample is
 * re-classified at every exit (the worst case). {@code thresholdDrag}: one exit's threshold moves,
 * as while a user drags its slider. {@code cutDrag}: only a cut moves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluatorBenchmark {
    private Evaluator evaluator;
    private final Workload workload = new Workload(2.0, null, null, null);
    private Plan[] newThresholdPlans;
    private Plan[] thresholdDragPlans;
    private Plan[] dragPlans;
    private int i;

    @Setup
    public void setUp() {
        evaluator = new Evaluator(BenchScenarios.largeModel(), BenchScenarios.threeTiers());
        newThresholdPlans = new Plan[4096]; // 16,384 (exit, threshold) pairs: far more than are cached
        thresholdDragPlans = new Plan[4096];
        for (int k = 0; k < newThresholdPlans.length; k++) {
            double t = 0.3 + 0.5 * k / newThresholdPlans.length;
            newThresholdPlans[k] = plan(150, t, t, t, t);
            thresholdDragPlans[k] = plan(150, t, 0.6, 0.6, 0.6);
        }
        dragPlans = new Plan[64];
        for (int k = 0; k < dragPlans.length; k++) {
            dragPlans[k] = plan(120 + k, 0.6, 0.6, 0.6, 0.6);
        }
    }

    private static Plan plan(int cut, double... threshold) {
        int n = BenchScenarios.UNITS;
        return new Plan(List.of(new Stage(1, cut, "device"), new Stage(cut + 1, 400, "edge"),
                new Stage(401, n, "cloud")),
                List.of(new EnabledExit("exit1", threshold[0]), new EnabledExit("exit2", threshold[1]),
                        new EnabledExit("exit3", threshold[2]), new EnabledExit("exit4", threshold[3])), null);
    }

    @Benchmark
    public Metrics newThresholds() {
        return evaluator.evaluate(newThresholdPlans[i++ & 4095], workload);
    }

    @Benchmark
    public Metrics thresholdDrag() {
        return evaluator.evaluate(thresholdDragPlans[i++ & 4095], workload);
    }

    @Benchmark
    public Metrics cutDrag() {
        return evaluator.evaluate(dragPlans[i++ & 63], workload);
    }
}
