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
import org.splitscope.model.Workload;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;
import org.splitscope.perf.Evaluator;

/**
 * The exact joint search at PORTEND's size ({@link PortendChain}: 55 units, 3 tiers, 4 exits,
 * 10 thresholds, 2000 samples; 16,105 exit configurations, up to 3 stages moving outward),
 * minimizing mean latency (alone and above an accuracy floor) and cost (under a floor and an
 * SLO). Goal of issue 5: at most 1 s on 2 cores for mean latency. PORTEND's brute force took 30
 * minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class ExactChainSearchBenchmark {
    private SearchRequest minLatency;
    private SearchRequest minLatencyAccurate;
    private SearchRequest minCostFastAccurate;

    @Setup
    public void setUp() {
        Evaluator evaluator = new Evaluator(PortendChain.profile(), PortendChain.tiers());
        SearchSpace space = SearchSpace.defaults().withPlacement(Placement.OUTWARD).withThresholds(PortendChain.grid());
        minLatency = new SearchRequest(evaluator, Workload.NONE, Objective.MEAN_LATENCY, Constraints.FEASIBLE, space);
        minLatencyAccurate = minLatency.withConstraints(Constraints.FEASIBLE.withAccuracyFloor(0.85));
        minCostFastAccurate = minLatency.withObjective(Objective.COST)
                .withConstraints(Constraints.FEASIBLE.withAccuracyFloor(0.85).withLatencySlo(0.1));
    }

    @Benchmark
    public List<RankedPlan> minimizeMeanLatency() {
        return new ExactChainSearch(minLatency).top(1, Progress.NONE, CancellationToken.none());
    }

    @Benchmark
    public List<RankedPlan> minimizeMeanLatencyAboveAccuracyFloor() {
        return new ExactChainSearch(minLatencyAccurate).top(1, Progress.NONE, CancellationToken.none());
    }

    /** Cost under an accuracy floor of 0.85 and a 100 ms latency SLO: the enumeration path with bounds. */
    @Benchmark
    public List<RankedPlan> minimizeCostUnderSloAndAccuracyFloor() {
        return new ExactChainSearch(minCostFastAccurate).top(1, Progress.NONE, CancellationToken.none());
    }
}
