package org.splitscope.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.InfeasibleConstraintsException;
import org.splitscope.optimize.PipelineObjective;
import org.splitscope.optimize.PipelinePlacement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;

/**
 * The 200 SEIFER-style instances of issue 14 in one shot: 4 models x 5, 8, 10, 15, 20, 25, 30, 35,
 * 40, 50 boards x equal or mixed memory x 2.5 seeds on average (seeds 1..3, 1..2 alternately),
 * communication-only bottleneck. Prints the mean and largest time per instance, how many are
 * proven optimal, how many have no plan, and fails when a plan is not proven or violates memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 1)
public class SeiferSweepBenchmark {
    private static final int[] SIZES = {5, 8, 10, 15, 20, 25, 30, 35, 40, 50};

    @Benchmark
    public int all200() {
        int count = 0;
        int proven = 0;
        int none = 0;
        double total = 0;
        double worst = 0;
        String worstName = "";
        for (String model : SeiferInstances.MODELS) {
            for (int i = 0; i < SIZES.length; i++) {
                for (boolean mixed : new boolean[] {false, true}) {
                    int seeds = (i + (mixed ? 1 : 0)) % 2 == 0 ? 3 : 2;
                    for (long seed = 1; seed <= seeds; seed++) {
                        SearchRequest r = SeiferInstances.request(model, SIZES[i], mixed, seed);
                        long start = System.nanoTime();
                        try {
                            RankedPlan p = new PipelinePlacement(r, PipelineObjective.COMMUNICATION)
                                    .top(1, Progress.NONE, CancellationToken.none()).get(0);
                            if (!p.provenance().exact() || !p.metrics().feasible()) {
                                throw new IllegalStateException("not proven or infeasible: " + model + " " + SIZES[i]);
                            }
                            proven++;
                        } catch (InfeasibleConstraintsException e) {
                            none++;
                        }
                        double s = (System.nanoTime() - start) / 1e9;
                        total += s;
                        if (s > worst) {
                            worst = s;
                            worstName = model + " n=" + SIZES[i] + (mixed ? " mixed" : " equal") + " seed " + seed;
                        }
                        count++;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n%d instances: %d proven optimal, %d proven without a plan; mean %.3f s, max %.3f s (%s)%n",
                count, proven, none, total / count, worst, worstName);
        return count;
    }
}
