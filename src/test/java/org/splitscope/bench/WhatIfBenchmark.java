package org.splitscope.bench;

import java.nio.file.Path;
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
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepPoint;

/**
 * The what-if panel's work on the default scenario: one slider tick on the FX thread (scale a link's
 * bandwidth, validate, evaluate the current plan: goal well under a 16 ms frame), the best plan
 * searched in the background after it, and a 21-point sweep with re-optimization on both cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WhatIfBenchmark {
    private static final SweepParameter BANDWIDTH = SweepParameter.parse("link:end-edge.bandwidth");

    private Scenario scenario;
    private double base;
    private int tick;

    @Setup
    public void setUp() {
        scenario = ScenarioFiles.read(Path.of("sample-scenarios", "portend-three-tier.json")).orElseThrow();
        base = BANDWIDTH.current(scenario);
    }

    @Benchmark
    public Metrics sliderTick() {
        tick = (tick + 1) & 63;
        Scenario s = BANDWIDTH.apply(scenario, base * Math.pow(10, tick / 16.0 - 2));
        if (!s.validate().isEmpty()) {
            throw new IllegalStateException();
        }
        return Evaluator.evaluate(s);
    }

    @Benchmark
    public Plan bestPlan() {
        tick = (tick + 1) & 63;
        Scenario s = BANDWIDTH.apply(scenario, base * Math.pow(10, tick / 16.0 - 2));
        return new ExactChainSearch(SearchRequest.of(s, Objective.MEAN_LATENCY))
                .top(1, Progress.NONE, CancellationToken.none()).get(0).plan();
    }

    @Benchmark
    public List<SweepPoint> sweep21() {
        return new Sweep(scenario, BANDWIDTH, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(Sweep.values(base / 100, base * 100, 21, true), x -> { }, () -> false);
    }
}
