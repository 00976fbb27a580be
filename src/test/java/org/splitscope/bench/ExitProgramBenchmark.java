package org.splitscope.bench;

import java.util.ArrayList;
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
import org.splitscope.optimize.ExitRule;
import org.splitscope.optimize.FloorSweepSearch;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;

/**
 * The exit program ({@code optimize.ExitDp}) on PORTEND's whole space ({@link PortendExits}:
 * 55-unit ResNet-110, 54 heads, ten thresholds, nested curves, all 1,540 ranges per device class,
 * three tiers, up to 3 stages outward; about 1e56 exit configurations, 4.6e26 consistent with the nesting), and on ResNet-20 and
 * EfficientNet-B0 shapes. Goals of issue 14: mean latency at an accuracy floor <= 100 ms, eleven
 * floors <= 1 s, PORTEND's rule (stage-end exits, one shared threshold) <= 10 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "-Xmx6g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ExitProgramBenchmark {
    private SearchRequest resnet110;
    private SearchRequest resnet110Floor;
    private final List<SearchRequest> elevenFloors = new ArrayList<>();
    private SearchRequest portendRule;
    private SearchRequest portendRuleFloor;
    private SearchRequest resnet20Floor;
    private SearchRequest efficientNetFloor;

    @Setup
    public void setUp() {
        var profile = PortendExits.resnet110();
        resnet110 = PortendExits.request(profile, null);
        resnet110Floor = PortendExits.request(profile, 0.85);
        for (int i = 0; i <= 10; i++) {
            elevenFloors.add(PortendExits.request(profile, 0.5 + 0.04 * i));
        }
        portendRule = resnet110.withSpace(resnet110.space().withExitRule(ExitRule.STAGE_ENDS).withSharedThreshold(true));
        portendRuleFloor = portendRule.withConstraints(resnet110Floor.constraints());
        resnet20Floor = PortendExits.request(PortendExits.resnet20(), 0.85);
        efficientNetFloor = PortendExits.request(PortendExits.efficientNetB0(), 0.85);
    }

    private static List<RankedPlan> best(SearchRequest r) {
        return new ExactChainSearch(r).top(1, Progress.NONE, CancellationToken.none());
    }

    @Benchmark
    public List<RankedPlan> resnet110MeanLatency() {
        return best(resnet110);
    }

    @Benchmark
    public List<RankedPlan> resnet110MeanLatencyAtFloor() {
        return best(resnet110Floor);
    }

    /** The Optimize tab's list at the same floor: the best plan, then fronts keeping what fewer than ten others cover. */
    @Benchmark
    public List<RankedPlan> resnet110TenPlansAtFloor() {
        return new ExactChainSearch(resnet110Floor).top(10, Progress.NONE, CancellationToken.none());
    }

    @Benchmark
    public int resnet110ElevenFloors() {
        int plans = 0;
        for (SearchRequest r : elevenFloors) {
            plans += best(r).size();
        }
        return plans;
    }

    /**
     * The same eleven floors as one floor sweep asks them ({@code sweep --param
     * workload.accuracyFloor --optimize}, whose points run side by side on the cores).
     */
    @Benchmark
    public int resnet110ElevenFloorsSwept() {
        FloorSweepSearch sweep = new FloorSweepSearch();
        return elevenFloors.parallelStream().mapToInt(r -> sweep.top(r, Progress.NONE, CancellationToken.none()).size()).sum();
    }

    @Benchmark
    public List<RankedPlan> portendRuleMeanLatency() {
        return best(portendRule);
    }

    @Benchmark
    public List<RankedPlan> portendRuleAtFloor() {
        return best(portendRuleFloor);
    }

    @Benchmark
    public List<RankedPlan> resnet20AtFloor() {
        return best(resnet20Floor);
    }

    @Benchmark
    public List<RankedPlan> efficientNetB0AtFloor() {
        return best(efficientNetFloor);
    }
}
