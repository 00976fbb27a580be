package org.splitscope.zoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.model.Codec;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;

/**
 * The scenarios shipped in {@code sample-scenarios/}, built from the zoo and {@link Devices}.
 * Each file there is exactly what the builder of the same name produces (a test keeps them in
 * step). Every plan is a starting point to explore, not an optimum.
 */
public final class SampleScenarios {
    /** The seed of every synthetic statistic here. */
    public static final long SEED = 2023;
    public static final int SYNTHETIC_SAMPLES = 2000;

    private SampleScenarios() {
    }

    /** File name in {@code sample-scenarios/} -> scenario, the default scenario first. */
    public static Map<String, Scenario> all() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("portend-three-tier.json", portendThreeTier());
        all.put("seifer-edge-cluster.json", seiferEdgeCluster());
        all.put("mopar-serverless.json", moparServerless());
        all.put("teaching.json", teaching());
        return all;
    }

    /**
     * The app's default: PORTEND's setting of end device, base station and cloud, with early exits.
     * The plan is the optimizer's answer for mean latency at the 90 % accuracy floor: the end device
     * runs the stem and the first block, where the first exit lets the easiest requests finish without
     * crossing the network, and the edge runs the rest (with the end of stage 2's exit at 0.1). All local (63.7 ms), all on the edge
     * (42.4 ms) and all in the cloud (121.9 ms) are slower; a test keeps it so.
     */
    public static Scenario portendThreeTier() {
        Architecture resnet = CifarResNet.architecture(110);
        ModelProfile profile = new SyntheticExitStats(SEED, CifarResNet.publishedAccuracy(110), CifarResNet.CLASSES)
                .attach(resnet.profile(Granularity.BLOCKS), CifarResNet.exits(110, Granularity.BLOCKS),
                        ExitCriterion.ENTROPY, SYNTHETIC_SAMPLES);
        Topology topology = new Topology(
                List.of(Devices.raspberryPi4("end", "end device", 4),
                        Devices.t4EdgeServer("edge"),
                        Devices.v100Cloud("cloud")),
                List.of(new Link("end", "edge", 100e6, 0.020), new Link("edge", "cloud", 400e6, 0.040)),
                "end", null, null);
        int firstBlockEnd = resnet.unitEnding(CifarResNet.blockName(1, 1), Granularity.BLOCKS);
        Plan plan = new Plan(
                List.of(new Stage(1, firstBlockEnd, "end"), new Stage(firstBlockEnd + 1, profile.unitCount(), "edge")),
                List.of(new EnabledExit("exit-s1b1", 0.4), new EnabledExit("exit-s2", 0.1)), null);
        return new Scenario(Scenario.FORMAT_VERSION, "PORTEND three tiers: ResNet-110 with early exits",
                "Partitioning with early exits beats every one-tier plan: ResNet-110 on a Raspberry Pi "
                        + "and an edge GPU. PORTEND's setting (Ebrahimi et al., ICPADS 2023): end device -> 100 Mb/s, 20 ms -> edge server at "
                        + "the base station -> 400 Mb/s, 40 ms -> cloud. CIFAR ResNet-110 at block level with three "
                        + "exits and entropy thresholds (PORTEND published 0.1 and 0.3); the exit statistics are "
                        + "SYNTHETIC (" + SYNTHETIC_SAMPLES + " samples, seed " + SEED + "), not measured. "
                        + "Effective FLOP rates: Raspberry Pi 4 8 GFLOP/s (1/6 of its 48 GFLOP/s fp32 NEON peak), "
                        + "T4 and V100 5% of their datasheet fp32 peaks (8.1 and 15.7 TFLOP/s) at batch 1. Prices: "
                        + "AWS on-demand us-east-1, g4dn.xlarge $0.526/h, p3.2xlarge $3.06/h. Pi 4 power ~6.4 W "
                        + "under load (measured by reviewers). The plan is the fastest at the 90 % accuracy floor: "
                        + "the Pi runs the stem and the first block, whose exit (threshold 0.4) answers the easiest "
                        + "requests on the device; the edge runs the rest, with a second exit at PORTEND's 0.1. All on the Pi, all on the edge and all in "
                        + "the cloud are slower.",
                null, profile, topology, plan, new Workload(0.0, 0.1, 0.90, null));
    }

    /** SEIFER's setting: eight small boards on Wi-Fi, one model pipelined across several of them. */
    public static Scenario seiferEdgeCluster() {
        Architecture mobilenet = MobileNetV2.architecture();
        List<Node> nodes = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            nodes.add(Devices.raspberryPi4("pi" + i, i == 1 ? "camera, where requests start" : "cluster node", 2));
        }
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            for (int j = i + 1; j <= 8; j++) {
                // spread pairwise throughput over 40-120 Mb/s so that placement matters
                links.add(new Link("pi" + i, "pi" + j, (40 + 20 * ((i + j) % 5)) * 1e6, 0.002));
            }
        }
        // the pipeline optimizer's answer (4 stages, least bottleneck): stages end at blocks 3, 10 and 14
        String[] stageEnds = {"block3", "block10", "block14"};
        String[] boards = {"pi1", "pi3", "pi4", "pi2"};
        List<Stage> stages = new ArrayList<>();
        int first = 1;
        for (int k = 0; k < stageEnds.length; k++) {
            int last = mobilenet.unitEnding(stageEnds[k], Granularity.LAYERS);
            stages.add(new Stage(first, last, boards[k]));
            first = last + 1;
        }
        stages.add(new Stage(first, mobilenet.units(Granularity.LAYERS).size(), boards[stageEnds.length]));
        return new Scenario(Scenario.FORMAT_VERSION, "SEIFER edge cluster: MobileNetV2 pipelined over Raspberry Pis",
                "MobileNetV2 pipelined over four of eight Raspberry Pis on Wi-Fi for throughput. "
                        + "SEIFER's setting (Parthasarathy and Krishnamachari, 2022): a cluster of resource-constrained boards "
                        + "on a wireless network, the model cut into pipelined stages on distinct nodes to maximise "
                        + "throughput. Eight Raspberry Pi 4 Model B 2 GB (memory cap 2 GiB each), 8 GFLOP/s effective "
                        + "(1/6 of the 48 GFLOP/s fp32 NEON peak), ~6.4 W under load; a full mesh of 802.11ac Wi-Fi "
                        + "links, 2 ms, 40-120 Mb/s per pair (assumed). MobileNetV2 at layer level, 25 requests/s "
                        + "from pi1. The plan (4 stages at block boundaries) is the pipeline optimizer's least-bottleneck "
                        + "answer: about 49 requests/s, limited by pi1.",
                null, mobilenet.profile(Granularity.LAYERS), new Topology(nodes, links, "pi1", null, null),
                new Plan(stages), new Workload(25.0, null, null, null));
    }

    /** MOPAR's setting: a chain of serverless functions, sized per slice, with a compressed cut. */
    public static Scenario moparServerless() {
        Architecture vgg = Vgg16.architecture();
        Node client = new Node("client", "Client device (assumed 10 GFLOP/s; source and sink)", 0, "phone", 10e9,
                null, 1, null, null);
        List<Node> nodes = List.of(client,
                Devices.lambda("conv-a", "conv blocks 1-3, two vCPUs", 3538),
                Devices.lambda("conv-b", "conv blocks 4-5, two vCPUs", 3538),
                Devices.lambda("fc", "fc6-fc8", 1024));
        List<Link> links = new ArrayList<>();
        for (Node f : nodes.subList(1, nodes.size())) {
            // AWS charges nothing for data in, $0.09/GB for data out to the internet (first 10 TB/month)
            links.add(new Link("client-" + f.id(), "client", f.id(), 50e6, 0.030, 0.0, true));
            links.add(new Link(f.id() + "-client", f.id(), "client", 100e6, 0.030, 0.09, true));
        }
        links.add(new Link("conv-a", "conv-b", 600e6, 0.020));
        links.add(new Link("conv-b", "fc", 600e6, 0.020));
        links.add(new Link("conv-a", "fc", 600e6, 0.020));
        int block3 = vgg.unitEnding("block3", Granularity.LAYERS);
        int block5 = vgg.unitEnding("block5", Granularity.LAYERS);
        Plan plan = new Plan(List.of(new Stage(1, block3, "conv-a"),
                new Stage(block3 + 1, block5, "conv-b", new Codec("fp16+lz4", 2.5, 0.004, 0.002)),
                new Stage(block5 + 1, vgg.units(Granularity.LAYERS).size(), "fc")));
        return new Scenario(Scenario.FORMAT_VERSION, "MOPAR serverless: VGG-16 sliced over AWS Lambda",
                "VGG-16 sliced into three AWS Lambda functions, costed at list prices. "
                        + "MOPAR's setting (model partitioning for serverless inference): each slice is a Lambda function "
                        + "sized to its layers. AWS Lambda x86 list prices: $0.20 per million requests, "
                        + "$0.0000166667 per GB-second, 1 ms billing, one vCPU at 1,769 MB, assumed 20 GFLOP/s per "
                        + "vCPU (a quarter of an AVX2 core's fp32 peak). Cold start 0.25 s with probability 0.05 "
                        + "and the codec (fp16 + lz4, ratio 2.5, 4 ms/MB to encode, 2 ms/MB to decode) are "
                        + "assumptions. Client uplink 50 Mb/s, downlink 100 Mb/s, 30 ms; functions exchange cuts "
                        + "within one region at an assumed 600 Mb/s, 20 ms, free; data out of AWS $0.09/GB.",
                null, vgg.profile(Granularity.LAYERS), new Topology(nodes, links, "client", null, null), plan,
                new Workload(5.0, 2.0, null, null));
    }

    /** A six-layer toy with round numbers, for a classroom. */
    public static Scenario teaching() {
        List<Unit> units = List.of(
                new Unit("conv1", "conv", 100e6, 10e3, 400e3),
                new Unit("pool1", "pool", 10e6, 0, 100e3),
                new Unit("conv2", "conv", 200e6, 100e3, 200e3),
                new Unit("pool2", "pool", 10e6, 0, 50e3),
                new Unit("conv3", "conv", 200e6, 400e3, 50e3),
                new Unit("fc", "fc", 20e6, 1e6, 1e3));
        CurveStats stats = new CurveStats(List.of(new ExitCurve(
                new double[] {0, 0.2, 0.4, 0.6, 0.8, 1},
                new double[] {1, 0.9, 0.75, 0.6, 0.4, 0},
                new double[] {0.7, 0.74, 0.8, 0.86, 0.92, 0.95}, 0.7)), 0.9, CurveCombination.INDEPENDENT);
        ModelProfile profile = new ModelProfile("Toy CNN", "Six layers with round numbers (made up for teaching).",
                150e3, null, units, List.of(new ExitHead("exit1", 4, 10e6, 50e3)), stats, ExitCriterion.MAX_PROB,
                null, null, null);
        Topology topology = new Topology(List.of(
                new Node("phone", "Phone", 0, "phone", 1e9, null, 1, null, 2.0),
                new Node("edge", "Edge server", 1, "edge", 10e9, null, 1, new DedicatedPricing(0.10), null),
                new Node("cloud", "Cloud server", 2, "cloud", 100e9, null, 1, new DedicatedPricing(1.00), null)),
                List.of(new Link("phone", "edge", 10e6, 0.010), new Link("edge", "cloud", 100e6, 0.050)),
                "phone", null, null);
        Plan plan = new Plan(List.of(new Stage(1, 4, "phone"), new Stage(5, 6, "edge")),
                List.of(new EnabledExit("exit1", 0.8)), null);
        return new Scenario(Scenario.FORMAT_VERSION, "Teaching: a toy CNN on phone, edge and cloud",
                "A six-layer toy CNN with round numbers on a phone, an edge server and a cloud, for a classroom. "
                        + "A made-up model: 150 KB input, 540 MFLOP, one exit after pool2 whose curve "
                        + "says how many samples leave at each max-probability threshold. Phone 1 GFLOP/s, 2 W; edge "
                        + "10 GFLOP/s, $0.10/h; cloud 100 GFLOP/s, $1/h; phone-edge 10 Mb/s, 10 ms; edge-cloud "
                        + "100 Mb/s, 50 ms.",
                null, profile, topology, plan, Workload.NONE);
    }
}
