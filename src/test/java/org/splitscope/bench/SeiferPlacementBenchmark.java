package org.splitscope.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.PipelineObjective;
import org.splitscope.optimize.PipelinePlacement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;

/**
 * Exact SEIFER placement (issue 14) over {@link SeiferInstances}: 4 models x 5..50 boards x
 * equal or mixed memory, seed 1, SEIFER's communication-only bottleneck; one call is the whole
 * search (routes, terms, baselines, threshold search, evaluation). Goal: each at most 1 s on 2
 * cores, proven optimal ({@code SeiferPlacementTest} checks exactness against an independent
 * program on the small clusters).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SeiferPlacementBenchmark {
    @Param({"vgg16", "resnet50", "resnet110", "efficientnet-b7"})
    public String model;

    @Param({"5", "10", "20", "50"})
    public int nodes;

    @Param({"equal", "mixed"})
    public String memory;

    @Param({"1"})
    public long seed;

    private SearchRequest request;

    @Setup
    public void setUp() {
        request = SeiferInstances.request(model, nodes, memory.equals("mixed"), seed);
    }

    @Benchmark
    public List<RankedPlan> communication() {
        return new PipelinePlacement(request, PipelineObjective.COMMUNICATION).top(1, Progress.NONE, CancellationToken.none());
    }
}
