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
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;

/**
 * The exit branch and bound for per-sample statistics ({@code optimize.SampleExitSearch}) on
 * {@link PortendSamples}: PORTEND-shaped ResNet-110 (55 units, 54 heads, ten thresholds, all
 * ranges, three tiers, up to 3 stages outward) with 10,000 seeded samples and at most three
 * enabled exits ({@code --max-exits 3}; about 3.4e8 exit configurations, which the enumeration
 * refuses). Goal of issue 14: exact in <= 2 s. Where the search stops at its budget the result
 * carries the proven gap; the time is then the budget's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx4g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class SampleExitSearchBenchmark {
    private SearchRequest best;
    private SearchRequest wholeModel;
    private SearchRequest atFloor;
    private SearchRequest atTightFloor;

    @Setup
    public void setUp() {
        var profile = PortendSamples.resnet110(10_000);
        best = PortendSamples.request(profile, null, 3);
        wholeModel = best.withSpace(best.space().withPartialModels(false));
        atFloor = PortendSamples.request(profile, 0.85, 3);
        atTightFloor = PortendSamples.request(profile, 0.9, 3);
    }

    static List<RankedPlan> search(SearchRequest r) {
        return new ExactChainSearch(r).top(1, Progress.NONE, CancellationToken.none());
    }

    @Benchmark
    public List<RankedPlan> meanLatency() {
        return search(best);
    }

    /** Without partial models ({@code --no-partial}): every request that no exit takes runs to the end. */
    @Benchmark
    public List<RankedPlan> meanLatencyWholeModel() {
        return search(wholeModel);
    }

    @Benchmark
    public List<RankedPlan> meanLatencyAtFloor() {
        return search(atFloor);
    }

    /** A floor of 0.9, close to the most the samples allow: few exit configurations qualify. */
    @Benchmark
    public List<RankedPlan> meanLatencyAtTightFloor() {
        return search(atTightFloor);
    }
}
