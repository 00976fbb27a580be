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
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.PipelineObjective;
import org.splitscope.optimize.PipelinePlacement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;

/**
 * SEIFER pipeline placement (issue 5): 50 boards and a 100-unit chain with up to 8 stages (goal:
 * at most 1 s on 2 cores, whole search including routes, bound and evaluation), and a small size
 * the search solves exactly (8 boards, 20 units, 4 stages).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class PipelinePlacementBenchmark {
    private SearchRequest large;
    private SearchRequest small;

    @Setup
    public void setUp() {
        large = PipelineClusters.request(50, 100, 8, 1);
        small = PipelineClusters.request(8, 20, 4, 1);
    }

    @Benchmark
    public List<RankedPlan> bottleneck50Nodes100Units() {
        return new PipelinePlacement(large, PipelineObjective.BOTTLENECK).top(1, Progress.NONE, CancellationToken.none());
    }

    @Benchmark
    public List<RankedPlan> communication50Nodes100Units() {
        return new PipelinePlacement(large, PipelineObjective.COMMUNICATION).top(1, Progress.NONE, CancellationToken.none());
    }

    @Benchmark
    public List<RankedPlan> bottleneck8Nodes20UnitsExact() {
        return new PipelinePlacement(small, PipelineObjective.BOTTLENECK).top(1, Progress.NONE, CancellationToken.none());
    }
}
