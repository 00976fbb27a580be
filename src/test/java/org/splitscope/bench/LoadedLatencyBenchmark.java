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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.model.Workload;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;

/**
 * The exact chain search for the mean latency under load (issue 14) on the bundled PORTEND
 * sample (56 units, 3 exits with per-sample statistics, 3 tiers), its goals as constraints, at
 * a share of the most throughput any of its plans reaches; beside it the search for the mean
 * without load on the same request. Near saturation the waits dwarf the unloaded latency, which
 * is where the bound the search ranks by has to be tight.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class LoadedLatencyBenchmark {
    @Param({"0.5", "0.9", "0.99"})
    public double share;

    private SearchRequest loaded;

    @Setup
    public void setUp() {
        Scenario s = ScenarioFiles.read(Path.of("sample-scenarios", "portend-three-tier.json")).orElseThrow()
                .withWorkload(Workload.NONE);
        double most = new ExactChainSearch(SearchRequest.of(s, Objective.THROUGHPUT)).top(1, Progress.NONE,
                CancellationToken.none()).get(0).metrics().throughputPerSecond();
        loaded = SearchRequest.of(s.withWorkload(new Workload(share * most, null, null, null)), Objective.LOADED_LATENCY);
    }

    @Benchmark
    public List<RankedPlan> minimizeMeanLatencyUnderLoad() {
        return new ExactChainSearch(loaded).top(1, Progress.NONE, CancellationToken.none());
    }

    @Benchmark
    public List<RankedPlan> minimizeMeanLatencyWithoutLoad() {
        return new ExactChainSearch(loaded.withObjective(Objective.MEAN_LATENCY)).top(1, Progress.NONE,
                CancellationToken.none());
    }
}
