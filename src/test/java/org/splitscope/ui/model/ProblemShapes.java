package org.splitscope.ui.model;

import static org.splitscope.ui.model.ProblemScenarios.serverless;
import static org.splitscope.ui.model.ProblemScenarios.teaching;

import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.Scenario;
import org.splitscope.model.SizeLimits;
import org.splitscope.model.Snapshot;
import org.splitscope.zoo.SampleScenarios;

/**
 * One bad scenario for every path shape the validators write, each with the path it must yield
 * and the line the problems list must show for it.
 */
final class ProblemShapes {
    private ProblemShapes() {
    }

    record Shape(String path, Supplier<Scenario> scenario, String line) {
        @Override
        public String toString() {
            return path;
        }
    }

    private static Shape shape(String path, Supplier<Scenario> scenario, String line) {
        return new Shape(path, scenario, line);
    }

    private static final String SAMPLES = "{\"type\":\"samples\",\"confidence\":[[0.5,0.9]],\"correct\":[[true,false]],"
            + "\"correctFinal\":[true,true]}";

    static List<Shape> all() {
        return List.of(
                // topology
                shape("topology.nodes", () -> teaching("/topology/nodes", "[]"),
                        "Topology, nodes: the topology has no nodes (topology.nodes)"),
                shape("topology.links", () -> teaching("/topology/links", manyLinks()),
                        "Topology, links: has 20001 links; SplitScope accepts at most 20000 (topology.links)"),
                shape("topology.source", () -> teaching("/topology/source", "\"nowhere\""),
                        "Topology, source: no node with id 'nowhere' (topology.source)"),
                shape("topology.sink", () -> teaching("/topology/sink", "\"nowhere\""),
                        "Topology, sink: no node with id 'nowhere' (topology.sink)"),
                shape("topology.mtuBytes", () -> teaching("/topology/mtuBytes", "-1500"),
                        "Network, MTU: must be > 0, got -1500 bytes (topology.mtuBytes)"),
                shape("topology.nodes[1].id", () -> teaching("/topology/nodes/1/id", "\"phone\""),
                        "Node phone, id: node id 'phone' is used twice (topology.nodes[1].id)"),
                shape("topology.nodes[1].deviceClass", () -> teaching("/topology/nodes/1/deviceClass", "\"\""),
                        "Node edge, device class: must not be empty (topology.nodes[1].deviceClass)"),
                shape("topology.nodes[1].tier", () -> teaching("/topology/nodes/1/tier", "-1"),
                        "Node edge, tier: must be >= 0 (0 is the end device), got -1 (topology.nodes[1].tier)"),
                shape("topology.nodes[1].flopsPerSecond", () -> teaching("/topology/nodes/1/flopsPerSecond", "-2e9"),
                        "Node edge, compute: must be > 0, got -2 GFLOP/s (topology.nodes[1].flopsPerSecond)"),
                shape("topology.nodes[1].memoryBytes", () -> teaching("/topology/nodes/1/memoryBytes", "-4e9"),
                        "Node edge, memory: must be > 0, got -4 GB (topology.nodes[1].memoryBytes)"),
                shape("topology.nodes[2].concurrency", () -> teaching("/topology/nodes/2/concurrency", "0"),
                        "Node cloud, concurrency: must be >= 1, got 0 (topology.nodes[2].concurrency)"),
                shape("topology.nodes[0].watts", () -> teaching("/topology/nodes/0/watts", "-2"),
                        "Node phone, power: must be >= 0, got -2 W (topology.nodes[0].watts)"),
                shape("topology.nodes[1].pricing.usdPerHour", () -> teaching("/topology/nodes/1/pricing/usdPerHour", "-0.1"),
                        "Node edge, price per hour: must be >= 0, got -0.1 $/h (topology.nodes[1].pricing.usdPerHour)"),
                shape("topology.nodes[1].pricing.memoryGB", () -> serverless("/topology/nodes/1/pricing/memoryGB", "0"),
                        "Node conv-a, serverless memory size: must be > 0, got 0 GB (topology.nodes[1].pricing.memoryGB)"),
                shape("topology.nodes[1].pricing.usdPerGBSecond", () -> serverless("/topology/nodes/1/pricing/usdPerGBSecond", "-1"),
                        "Node conv-a, $ per GB-second: must be >= 0, got -1 (topology.nodes[1].pricing.usdPerGBSecond)"),
                shape("topology.nodes[1].pricing.usdPerRequest", () -> serverless("/topology/nodes/1/pricing/usdPerRequest", "-2e-7"),
                        "Node conv-a, request fee: must be >= 0, got -0.2 $ per million requests (topology.nodes[1].pricing.usdPerRequest)"),
                shape("topology.nodes[1].pricing.billingGranularitySeconds",
                        () -> serverless("/topology/nodes/1/pricing/billingGranularitySeconds", "-0.001"),
                        "Node conv-a, billing granularity: must be >= 0, got -1 ms (topology.nodes[1].pricing.billingGranularitySeconds)"),
                shape("topology.nodes[1].pricing.coldStartSeconds", () -> serverless("/topology/nodes/1/pricing/coldStartSeconds", "-0.25"),
                        "Node conv-a, cold start: must be >= 0, got -250 ms (topology.nodes[1].pricing.coldStartSeconds)"),
                shape("topology.nodes[1].pricing.coldStartProbability",
                        () -> serverless("/topology/nodes/1/pricing/coldStartProbability", "1.5"),
                        "Node conv-a, cold start probability: must be between 0 and 1, got 1.5 (topology.nodes[1].pricing.coldStartProbability)"),
                shape("topology.links[1].id", () -> teaching("/topology/links/0/id", "\"up\"", "/topology/links/1/id", "\"up\""),
                        "Link up, id: link id 'up' is used twice (topology.links[1].id)"),
                shape("topology.links[1].from", () -> teaching("/topology/links/1/from", "\"\""),
                        "Link edge-cloud, from: must not be empty (topology.links[1].from)"),
                shape("topology.links[1].to", () -> teaching("/topology/links/1/to", "\"edge\""),
                        "Link edge-cloud, to: a link must join two different nodes (topology.links[1].to)"),
                shape("topology.links[0].bandwidthBps", () -> teaching("/topology/links/0/bandwidthBps", "0"),
                        "Link phone-edge, bandwidth: must be > 0, got 0 Mb/s (topology.links[0].bandwidthBps)"),
                shape("topology.links[1].latencySeconds", () -> teaching("/topology/links/1/latencySeconds", "-0.005"),
                        "Link edge-cloud, latency: must be >= 0, got -5 ms (topology.links[1].latencySeconds)"),
                shape("topology.links[1].usdPerGB", () -> teaching("/topology/links/1/usdPerGB", "-0.09"),
                        "Link edge-cloud, egress price: must be >= 0, got -0.09 $/GB (topology.links[1].usdPerGB)"),
                // profile
                shape("profile.name", () -> teaching("/profile/name", "\"\""),
                        "Model, name: must not be empty (profile.name)"),
                shape("profile.inputBytes", () -> teaching("/profile/inputBytes", "-1"),
                        "Model, input size: must be >= 0, got -1 bytes (profile.inputBytes)"),
                shape("profile.resultBytes", () -> teaching("/profile/resultBytes", "-5"),
                        "Model, result size: must be >= 0, got -5 bytes (profile.resultBytes)"),
                shape("profile.units", () -> teaching("/profile/units", "[]"),
                        "Model, units: the model has no units (profile.units)"),
                shape("profile.exits", () -> teaching("/profile/exits", manyExits()),
                        "Model, exits: has 1001 exits; SplitScope accepts at most 1000 (profile.exits)"),
                shape("profile.units[2].name", () -> teaching("/profile/units/2/name", "\"\""),
                        "Unit #3, name: must not be empty (profile.units[2].name)"),
                shape("profile.units[2].flops", () -> teaching("/profile/units/2/flops", "-1"),
                        "Unit conv2, FLOPs: must be >= 0, got -1 (profile.units[2].flops)"),
                shape("profile.units[2].paramBytes", () -> teaching("/profile/units/2/paramBytes", "-1"),
                        "Unit conv2, parameters: must be >= 0, got -1 bytes (profile.units[2].paramBytes)"),
                shape("profile.units[2].cutBytes", () -> teaching("/profile/units/2/cutBytes", "-1"),
                        "Unit conv2, cut size after it: must be >= 0, got -1 bytes (profile.units[2].cutBytes)"),
                shape("profile.units[2].workingBytes", () -> teaching("/profile/units/2/workingBytes", "-1"),
                        "Unit conv2, working memory: must be >= 0, got -1 bytes (profile.units[2].workingBytes)"),
                shape("profile.units[2].latencySeconds.jetson", () -> teaching("/profile/units/2/latencySeconds", "{\"jetson\":-0.002}"),
                        "Unit conv2, measured latency on class 'jetson': must be >= 0, got -2 ms (profile.units[2].latencySeconds.jetson)"),
                shape("profile.units[2].nodes[1]", () -> teaching("/profile/units/2/nodes", "[\"Conv_3\",\" \"]"),
                        "Unit conv2, ONNX node 2: must not be empty (profile.units[2].nodes[1])"),
                shape("profile.exits[0].id", () -> teaching("/profile/exits/0/id", "\"\""),
                        "Exit #1, id: must not be empty (profile.exits[0].id)"),
                shape("profile.exits[0].afterUnit", () -> teaching("/profile/exits/0/afterUnit", "9"),
                        "Exit exit1, attached after unit: must name a unit from 1 to 5 (an exit after the last unit is the final classifier), got 9 (profile.exits[0].afterUnit)"),
                shape("profile.exits[0].flops", () -> teaching("/profile/exits/0/flops", "-3"),
                        "Exit exit1, head FLOPs: must be >= 0, got -3 (profile.exits[0].flops)"),
                shape("profile.exits[0].paramBytes", () -> teaching("/profile/exits/0/paramBytes", "-1"),
                        "Exit exit1, head parameters: must be >= 0, got -1 bytes (profile.exits[0].paramBytes)"),
                shape("profile.exits[0].workingBytes", () -> teaching("/profile/exits/0/workingBytes", "-1"),
                        "Exit exit1, head working memory: must be >= 0, got -1 bytes (profile.exits[0].workingBytes)"),
                shape("profile.exits[0].latencySeconds.jetson", () -> teaching("/profile/exits/0/latencySeconds", "{\"jetson\":-0.001}"),
                        "Exit exit1, measured head latency on class 'jetson': must be >= 0, got -1 ms (profile.exits[0].latencySeconds.jetson)"),
                shape("profile.exitStats", () -> teaching("/profile/exitStats", "null"),
                        "Exit statistics: the model has exits but no exit statistics (profile.exitStats)"),
                shape("profile.exitStats.curves", () -> teaching("/profile/exitStats/curves", "[]"),
                        "Exit statistics, curves: has 0 curves but the profile has 1 exits (profile.exitStats.curves)"),
                shape("profile.exitStats.curves[0].thresholds", () -> teaching("/profile/exitStats/curves/0/thresholds", "[]"),
                        "Exit exit1, curve thresholds: needs at least one threshold (profile.exitStats.curves[0].thresholds)"),
                shape("profile.exitStats.curves[0].exitRate", () -> teaching("/profile/exitStats/curves/0/exitRate", "[1,0.9]"),
                        "Exit exit1, curve rates: has 2 values but there are 6 thresholds (profile.exitStats.curves[0].exitRate)"),
                shape("profile.exitStats.curves[0].exitedAccuracy",
                        () -> teaching("/profile/exitStats/curves/0/exitedAccuracy", "[0.7]"),
                        "Exit exit1, curve accuracies: has 1 values but there are 6 thresholds (profile.exitStats.curves[0].exitedAccuracy)"),
                shape("profile.exitStats.curves[0].thresholds[3]", () -> teaching("/profile/exitStats/curves/0/thresholds/3", "1.2"),
                        "Exit exit1, curve point 4, threshold: must be between 0 and 1, got 1.2 (profile.exitStats.curves[0].thresholds[3])"),
                shape("profile.exitStats.curves[0].exitRate[3]", () -> teaching("/profile/exitStats/curves/0/exitRate/3", "1.2"),
                        "Exit exit1, curve point 4, rate: must be between 0 and 1, got 1.2 (profile.exitStats.curves[0].exitRate[3])"),
                shape("profile.exitStats.curves[0].exitedAccuracy[3]",
                        () -> teaching("/profile/exitStats/curves/0/exitedAccuracy/3", "-0.1"),
                        "Exit exit1, curve point 4, accuracy of the exited: must be between 0 and 1, got -0.1 (profile.exitStats.curves[0].exitedAccuracy[3])"),
                shape("profile.exitStats.curves[0].overallAccuracy", () -> teaching("/profile/exitStats/curves/0/overallAccuracy", "2"),
                        "Exit exit1, curve accuracy over all samples: must be between 0 and 1, got 2 (profile.exitStats.curves[0].overallAccuracy)"),
                shape("profile.exitStats.finalAccuracy", () -> teaching("/profile/exitStats/finalAccuracy", "1.1"),
                        "Final classifier, accuracy: must be between 0 and 1, got 1.1 (profile.exitStats.finalAccuracy)"),
                shape("profile.exitStats.correctFinal", () -> teaching("/profile/exitStats", SAMPLES, "/profile/exitStats/correctFinal", "[]"),
                        "Per-sample outcomes, final classifier: needs at least one sample (profile.exitStats.correctFinal)"),
                shape("profile.exitStats.confidence", () -> teaching("/profile/exitStats", SAMPLES, "/profile/exitStats/confidence", "[]"),
                        "Per-sample outcomes, confidences: has 0 rows but the profile has 1 exits (profile.exitStats.confidence)"),
                shape("profile.exitStats.correct", () -> teaching("/profile/exitStats", SAMPLES, "/profile/exitStats/correct", "[]"),
                        "Per-sample outcomes, correctness: has 0 rows but the profile has 1 exits (profile.exitStats.correct)"),
                shape("profile.exitStats.confidence[0]", () -> teaching("/profile/exitStats", SAMPLES, "/profile/exitStats/confidence/0", "[0.5]"),
                        "Exit exit1, per-sample confidences: has 1 samples but correctFinal has 2 (profile.exitStats.confidence[0])"),
                shape("profile.exitStats.confidence[0][1]",
                        () -> teaching("/profile/exitStats", SAMPLES, "/profile/exitStats/confidence/0/1", "1.2"),
                        "Exit exit1, sample 2, confidence: must be between 0 and 1, got 1.2 (profile.exitStats.confidence[0][1])"),
                shape("profile.exitStats.correct[0]", () -> teaching("/profile/exitStats", SAMPLES, "/profile/exitStats/correct/0", "[true]"),
                        "Exit exit1, per-sample correctness: has 1 samples but correctFinal has 2 (profile.exitStats.correct[0])"),
                shape("profile.rangeLatencies[0].deviceClass", () -> teaching("/profile/rangeLatencies", "[" + range("", 3, 4, 0.002) + "]"),
                        "Range table 1, device class: must not be empty (profile.rangeLatencies[0].deviceClass)"),
                shape("profile.rangeLatencies[1].deviceClass",
                        () -> teaching("/profile/rangeLatencies", "[" + range("jetson", 3, 4, 0.002) + "," + range("jetson", 1, 2, 0.001) + "]"),
                        "Range table 2, device class: device class 'jetson' already has a range table; merge them (profile.rangeLatencies[1].deviceClass)"),
                shape("profile.rangeLatencies[0].ranges", ProblemShapes::tooManyRanges,
                        "Range table of class 'jetson', ranges: has 1000001 ranges; SplitScope accepts at most 1000000"
                                + " (profile.rangeLatencies[0].ranges)"),
                shape("profile.rangeLatencies[0].ranges[0]", () -> teaching("/profile/rangeLatencies", "[" + range("jetson", 3, 7, 0.002) + "]"),
                        "Range units 3..7 on class 'jetson': range 3..7 is not within units 1..6 (profile.rangeLatencies[0].ranges[0])"),
                shape("profile.rangeLatencies[0].ranges[0].seconds", () -> teaching("/profile/rangeLatencies", "[" + range("jetson", 3, 5, -0.002) + "]"),
                        "Range units 3..5 on class 'jetson', latency: must be >= 0, got -2 ms (profile.rangeLatencies[0].ranges[0].seconds)"),
                shape("profile.serialize.edge.fixedSeconds", () -> teaching("/profile/serialize", cost("edge", -0.001, 1e-9, 2, 0.001)),
                        "Serialization on class 'edge', fixed time: must be >= 0, got -1 ms (profile.serialize.edge.fixedSeconds)"),
                shape("profile.serialize.edge.secondsPerByte", () -> teaching("/profile/serialize", cost("edge", 0.001, -1e-9, 2, 0.001)),
                        "Serialization on class 'edge', time per byte: must be >= 0, got -1e-9 s per byte (profile.serialize.edge.secondsPerByte)"),
                shape("profile.serialize.edge.perCutSeconds.9", () -> teaching("/profile/serialize", cost("edge", 0.001, 1e-9, 9, 0.001)),
                        "Serialization on class 'edge', time at cut 9: cut must be 0 (input) to 6 (profile.serialize.edge.perCutSeconds.9)"),
                shape("profile.deserialize.edge.fixedSeconds", () -> teaching("/profile/deserialize", cost("edge", -0.001, 1e-9, 2, 0.001)),
                        "Deserialization on class 'edge', fixed time: must be >= 0, got -1 ms (profile.deserialize.edge.fixedSeconds)"),
                shape("profile.deserialize.edge.secondsPerByte", () -> teaching("/profile/deserialize", cost("edge", 0.001, -1e-9, 2, 0.001)),
                        "Deserialization on class 'edge', time per byte: must be >= 0, got -1e-9 s per byte"
                                + " (profile.deserialize.edge.secondsPerByte)"),
                shape("profile.deserialize.edge.perCutSeconds.9", () -> teaching("/profile/deserialize", cost("edge", 0.001, 1e-9, 9, 0.001)),
                        "Deserialization on class 'edge', time at cut 9: cut must be 0 (input) to 6 (profile.deserialize.edge.perCutSeconds.9)"),
                shape("profile.deserialize.edge.perCutSeconds.2", () -> teaching("/profile/deserialize", cost("edge", 0.001, 1e-9, 2, -0.003)),
                        "Deserialization on class 'edge', time at cut 2: must be >= 0, got -3 ms (profile.deserialize.edge.perCutSeconds.2)"),
                // plan
                shape("plan.terminalExit", () -> teaching("/plan/terminalExit", "\"ghost\""),
                        "Plan, terminal exit: the profile has no exit with id 'ghost' (plan.terminalExit)"),
                shape("plan.stages", () -> teaching("/plan/stages", "[]"),
                        "Plan, stages: the plan has no stages (plan.stages)"),
                shape("plan.stages[1].firstUnit", () -> teaching("/plan/stages/1/firstUnit", "6"),
                        "Stage 2, first unit: must be 5 so that the stages cover every unit in order, got 6 (plan.stages[1].firstUnit)"),
                shape("plan.stages[1].lastUnit", () -> teaching("/plan/stages/1/lastUnit", "5"),
                        "Stage 2, last unit: must be 6 (the last unit), got 5 (plan.stages[1].lastUnit)"),
                shape("plan.stages[1].node", () -> teaching("/plan/stages/1/node", "\"ghost\""),
                        "Stage 2, node: no node with id 'ghost' (plan.stages[1].node)"),
                shape("plan.stages[1].inboundCodec.name", () -> serverless("/plan/stages/1/inboundCodec/name", "\"\""),
                        "Codec on the cut into stage 2, name: must not be empty (plan.stages[1].inboundCodec.name)"),
                shape("plan.stages[1].inboundCodec.ratio", () -> serverless("/plan/stages/1/inboundCodec/ratio", "0"),
                        "Codec on the cut into stage 2, compression ratio: must be > 0, got 0 (plan.stages[1].inboundCodec.ratio)"),
                shape("plan.stages[1].inboundCodec.encodeSecondsPerMB", () -> serverless("/plan/stages/1/inboundCodec/encodeSecondsPerMB", "-0.004"),
                        "Codec on the cut into stage 2, encode time: must be >= 0, got -0.004 s per MB (plan.stages[1].inboundCodec.encodeSecondsPerMB)"),
                shape("plan.stages[1].inboundCodec.decodeSecondsPerMB", () -> serverless("/plan/stages/1/inboundCodec/decodeSecondsPerMB", "-0.002"),
                        "Codec on the cut into stage 2, decode time: must be >= 0, got -0.002 s per MB (plan.stages[1].inboundCodec.decodeSecondsPerMB)"),
                shape("plan.exits[0].exit", () -> teaching("/plan/exits/0/exit", "\"ghost\""),
                        "Enabled exit 1, exit id: the profile has no exit with id 'ghost' (plan.exits[0].exit)"),
                shape("plan.exits[0].threshold", () -> teaching("/plan/exits/0/threshold", "1.2"),
                        "Exit exit1, threshold: must be between 0 and 1, got 1.2 (plan.exits[0].threshold)"),
                // workload
                shape("workload.arrivalRatePerSecond", () -> teaching("/workload/arrivalRatePerSecond", "-1"),
                        "Workload, arrival rate: must be >= 0, got -1 requests/s (workload.arrivalRatePerSecond)"),
                shape("workload.latencySloSeconds", () -> teaching("/workload/latencySloSeconds", "-0.1"),
                        "Workload, latency SLO: must be > 0, got -100 ms (workload.latencySloSeconds)"),
                shape("workload.accuracyFloor", () -> teaching("/workload/accuracyFloor", "1.5"),
                        "Workload, accuracy floor: must be between 0 and 1, got 1.5 (workload.accuracyFloor)"),
                shape("workload.budgetUsdPerRequest", () -> teaching("/workload/budgetUsdPerRequest", "-2e-6"),
                        "Workload, budget: must be >= 0, got -2 $ per million requests (workload.budgetUsdPerRequest)"),
                // the scenario's own fields
                shape("formatVersion", () -> teaching("/formatVersion", "99"),
                        "File, format version: this SplitScope reads format version 1, the file says 99 (formatVersion)"),
                shape("name", () -> teaching("/name", "\"\""),
                        "Scenario, name: must not be empty (name)"),
                shape("profile", () -> teaching("/profile", "null"),
                        "Model profile: missing (give a profile or a profileFile) (profile)"),
                shape("topology", () -> teaching("/topology", "null"),
                        "Topology: missing (topology)"),
                shape("plan", () -> teaching("/plan", "null"),
                        "Plan: missing (plan)"),
                shape("snapshots[0].name", ProblemShapes::unnamedSnapshot,
                        "Snapshot 1, name: must not be empty (snapshots[0].name)"),
                shape("view.nodes", () -> teaching("/view", "{\"nodes\":" + manyPlaces() + "}"),
                        "Layout, node places: has 2001 places; SplitScope accepts at most 2000 (view.nodes)"),
                shape("view.nodes[0].node", () -> teaching("/view", "{\"nodes\":[{\"node\":\"\",\"x\":0,\"y\":0,\"colour\":0}]}"),
                        "Place of node #1, node: must not be empty (view.nodes[0].node)"),
                shape("view.nodes[0].x", () -> teaching("/view", "{\"nodes\":[{\"node\":\"edge\",\"x\":1e12,\"y\":0,\"colour\":0}]}"),
                        "Place of node edge, x: must be from 0 to 1e6 px, got 1e12 px (view.nodes[0].x)"),
                shape("view.nodes[0].y", () -> teaching("/view", "{\"nodes\":[{\"node\":\"edge\",\"x\":0,\"y\":-1e12,\"colour\":0}]}"),
                        "Place of node edge, y: must be >= 0, got -1e12 px (view.nodes[0].y)"),
                shape("view.nodes[0].colour", () -> teaching("/view", "{\"nodes\":[{\"node\":\"edge\",\"x\":0,\"y\":0,\"colour\":99}]}"),
                        "Place of node edge, colour: must be a whole number from 0 to 7, got 99 (view.nodes[0].colour)"));
    }

    /** More measured ranges than SplitScope accepts: built in Java, as the JSON would be tens of MB. */
    private static Scenario tooManyRanges() {
        Scenario s = SampleScenarios.teaching();
        ModelProfile p = s.profile();
        RangeLatencyTable table = new RangeLatencyTable("jetson", false,
                Collections.nCopies(SizeLimits.MAX_RANGES + 1, new RangeLatency(1, 2, 0.001)));
        return s.withProfile(new ModelProfile(p.name(), p.description(), p.inputBytes(), p.resultBytes(), p.units(), p.exits(),
                p.exitStats(), p.criterion(), List.of(table), p.serialize(), p.deserialize()));
    }

    private static Scenario unnamedSnapshot() {
        Scenario s = SampleScenarios.teaching();
        return s.withSnapshots(List.of(Snapshot.of(" ", s)));
    }

    private static String range(String deviceClass, int first, int last, double seconds) {
        return "{\"deviceClass\":\"" + deviceClass + "\",\"includesExitHead\":false,\"ranges\":[{\"firstUnit\":" + first
                + ",\"lastUnit\":" + last + ",\"seconds\":" + seconds + "}]}";
    }

    private static String cost(String deviceClass, double fixed, double perByte, int cut, double atCut) {
        return "{\"" + deviceClass + "\":{\"fixedSeconds\":" + fixed + ",\"secondsPerByte\":" + perByte
                + ",\"perCutSeconds\":{\"" + cut + "\":" + atCut + "}}}";
    }

    private static String manyLinks() {
        return repeat(SizeLimits.MAX_LINKS + 1, "{\"from\":\"phone\",\"to\":\"edge\",\"bandwidthBps\":1e6,\"latencySeconds\":0}");
    }

    private static String manyExits() {
        return repeat(SizeLimits.MAX_EXITS + 1, "{\"id\":\"x\",\"afterUnit\":1,\"flops\":0,\"paramBytes\":0}");
    }

    private static String manyPlaces() {
        return repeat(SizeLimits.MAX_NODES + 1, "{\"node\":\"edge\",\"x\":0,\"y\":0,\"colour\":0}");
    }

    private static String repeat(int n, String item) {
        return "[" + String.join(",", Collections.nCopies(n, item)) + "]";
    }
}
