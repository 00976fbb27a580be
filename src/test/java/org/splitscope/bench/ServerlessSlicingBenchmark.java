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
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.ServerlessOptions;
import org.splitscope.optimize.ServerlessSlicing;
import org.splitscope.optimize.ServerlessSlicingResult;
import org.splitscope.zoo.SampleScenarios;

/**
 * The serverless slicing with the default options (17 AWS Lambda sizes, 2 codecs besides none,
 * up to 4 functions) on the MOPAR sample (VGG-16, 36 units, 2 s SLO at 5 requests/s) and on
 * MobileNetV2 at layer level (the SEIFER sample's 151 units) over the same functions and SLO.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ServerlessSlicingBenchmark {
    private Scenario mopar;
    private Scenario mobileNet;

    @Setup
    public void setUp() {
        mopar = SampleScenarios.moparServerless();
        Scenario seifer = SampleScenarios.seiferEdgeCluster();
        int units = seifer.profile().unitCount();
        mobileNet = mopar.withProfile(seifer.profile())
                .withPlan(new Plan(List.of(new Stage(1, units, mopar.plan().stages().get(0).node()))));
    }

    @Benchmark
    public ServerlessSlicingResult moparVgg16() {
        return new ServerlessSlicing(mopar, ServerlessOptions.defaults()).solve(Progress.NONE, CancellationToken.none());
    }

    @Benchmark
    public ServerlessSlicingResult mobileNetV2Layers() {
        return new ServerlessSlicing(mobileNet, ServerlessOptions.defaults()).solve(Progress.NONE, CancellationToken.none());
    }
}
