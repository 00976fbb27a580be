package org.splitscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Routing;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;
import org.splitscope.perf.Evaluator;
import org.splitscope.zoo.CifarResNet;
import org.splitscope.zoo.EfficientNetB0;
import org.splitscope.zoo.Granularity;
import org.splitscope.zoo.ResNet;
import org.splitscope.zoo.Vgg16;

/**
 * SEIFER-style edge clusters (Parthasarathy and Krishnamachari 2022), seeded: n boards placed
 * uniformly in a 100 m square, a complete graph of direct links (SEIFER's Wi-Fi peers; routing
 * {@code direct}) with SEIFER's bandwidth model log2(1 + 283230 / d^2) Mb/s for d metres apart,
 * no propagation latency; node memories from four classes (1/4, 1/2, 3/4 and 1 of the model's
 * parameters plus its largest working set), all of one class ("equal") or each drawn at random
 * ("mixed"); boards at 10 GFLOP/s. Models: VGG-16, ResNet-50, ResNet-110 (CIFAR-10) and
 * EfficientNet-B7, cut at block level (VGG-16 at layer level: 36 units, its blocks are too coarse
 * to share out); requests start and end at board 0; at most n stages.
 */
public final class SeiferInstances {
    public static final List<String> MODELS = List.of("vgg16", "resnet50", "resnet110", "efficientnet-b7");
    private static final double[] CLASSES = {0.25, 0.5, 0.75, 1.0};
    private static final double SIDE_METRES = 100;

    private SeiferInstances() {
    }

    public static ModelProfile profile(String model) {
        return switch (model) {
            case "vgg16" -> Vgg16.architecture().profile(Granularity.LAYERS);
            case "resnet50" -> ResNet.architecture(50).profile(Granularity.BLOCKS);
            case "resnet110" -> CifarResNet.architecture(110).profile(Granularity.BLOCKS);
            case "efficientnet-b7" -> EfficientNetB0.b7().profile(Granularity.BLOCKS);
            default -> throw new IllegalArgumentException(model);
        };
    }

    /** The cluster for a model: n boards, memories of one class (the seed picks it) or mixed. */
    public static Topology cluster(ModelProfile profile, int n, boolean mixed, long seed) {
        Random r = new Random(seed);
        double params = 0;
        double working = 0;
        for (Unit u : profile.units()) {
            params += u.paramBytes();
            working = Math.max(working, u.workingBytes());
        }
        int equalClass = r.nextInt(CLASSES.length);
        List<Node> nodes = new ArrayList<>();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = SIDE_METRES * r.nextDouble();
            y[i] = SIDE_METRES * r.nextDouble();
            double memory = CLASSES[mixed ? r.nextInt(CLASSES.length) : equalClass] * params + working;
            nodes.add(new Node("b" + i, null, 0, "board", 1e10, memory, null, null, null));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d2 = Math.max(1e-6, (x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]));
                double mbps = Math.log(1 + 283230 / d2) / Math.log(2);
                links.add(new Link("b" + i, "b" + j, mbps * 1e6, 0));
            }
        }
        return new Topology(nodes, links, "b0", null, null, Routing.DIRECT);
    }

    public static SearchRequest request(String model, int n, boolean mixed, long seed) {
        ModelProfile profile = profile(model);
        return new SearchRequest(new Evaluator(profile, cluster(profile, n, mixed, seed)), Workload.NONE,
                Objective.THROUGHPUT, Constraints.FEASIBLE, SearchSpace.defaults().withMaxStages(n));
    }
}
