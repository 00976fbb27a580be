package org.splitscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;
import org.splitscope.perf.Evaluator;
import org.splitscope.zoo.CifarResNet;
import org.splitscope.zoo.EfficientNetB0;
import org.splitscope.zoo.Granularity;

/**
 * PORTEND's whole search space, SYNTHETIC numbers in the published shapes: an exit head after
 * every unit but the last, nested curves over an entropy threshold (the share that passes rises
 * with threshold and never falls with depth, as PORTEND's nesting assumes; each head's accuracy
 * rises with depth), measured range latencies for every
 * unit range on each of the three device classes (a range runs 5..15% faster than its units one
 * by one, as fused execution does), and {@link PortendChain}'s three tiers. Seeded.
 */
public final class PortendExits {
    /** PORTEND's ten entropy thresholds, 0.05 to 0.95. */
    public static final List<Double> GRID = PortendChain.grid();
    private static final String[] CLASSES = {"arm", "edge", "gpu"};
    private static final double[] RATES = {2e9, 50e9, 500e9};

    private PortendExits() {
    }

    /** ResNet-110 at block level as PORTEND profiles it: 55 units (classifier folded into the last), 54 heads. */
    public static ModelProfile resnet110() {
        return withExits(PortendChain.profile(), 110);
    }

    public static ModelProfile resnet20() {
        return withExits(CifarResNet.profile(20, Granularity.BLOCKS), 20);
    }

    public static ModelProfile efficientNetB0() {
        return withExits(EfficientNetB0.profile(Granularity.BLOCKS), 0);
    }

    /** Every unit but the last gets a head (about 6% of a unit's FLOPs); curves and ranges are drawn from the seed. */
    static ModelProfile withExits(ModelProfile base, long seed) {
        Random r = new Random(seed);
        int n = base.unitCount();
        double meanFlops = base.units().stream().mapToDouble(Unit::flops).average().orElse(1e6);
        List<ExitHead> heads = new ArrayList<>();
        List<ExitCurve> curves = new ArrayList<>();
        double[] t = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        double[] before = new double[t.length]; // nested: a later exit passes at least what an earlier one does
        for (int u = 1; u < n; u++) {
            heads.add(new ExitHead("exit" + u, u, 0.06 * meanFlops, 12e3));
            double depth = (double) u / n;
            double[] rate = new double[t.length];
            double[] acc = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                double z = 6 * depth + 5 * t[i] - 5.5 + 0.3 * r.nextGaussian();
                rate[i] = i == 0 ? 0 : Math.max(before[i], Math.max(rate[i - 1], 1 / (1 + Math.exp(-z))));
                before[i] = rate[i];
                acc[i] = Math.min(1, 0.97 - 0.25 * t[i] * (1 - depth));
            }
            curves.add(new ExitCurve(t, rate, acc, 0.45 + 0.47 * Math.sqrt(depth)));
        }
        List<RangeLatencyTable> ranges = new ArrayList<>();
        for (int c = 0; c < CLASSES.length; c++) {
            List<RangeLatency> list = new ArrayList<>();
            for (int a = 1; a <= n; a++) {
                double sum = 0;
                for (int b = a; b <= n; b++) {
                    sum += base.unit(b).flops() / RATES[c];
                    list.add(new RangeLatency(a, b, sum * (0.85 + 0.1 * r.nextDouble())));
                }
            }
            ranges.add(new RangeLatencyTable(CLASSES[c], false, list));
        }
        return new ModelProfile(base.name().replace(" (synthetic)", "") + " with an exit after every unit (synthetic)", null, base.inputBytes(),
                base.resultBytes(), base.units(), heads, new CurveStats(curves, 0.935, CurveCombination.NESTED),
                ExitCriterion.ENTROPY, ranges, null, null);
    }

    /** Device, base station and cloud (classes arm, edge, gpu). */
    public static Topology tiers() {
        return PortendChain.tiers();
    }

    /** Mean latency at an accuracy floor over the free space: every exit, the ten thresholds, up to 3 stages outward. */
    public static SearchRequest request(ModelProfile profile, Double floor) {
        SearchSpace space = SearchSpace.defaults().withPlacement(Placement.OUTWARD).withThresholds(GRID);
        return new SearchRequest(new Evaluator(profile, tiers()), Workload.NONE, Objective.MEAN_LATENCY,
                Constraints.FEASIBLE.withAccuracyFloor(floor), space);
    }
}
