package org.splitscope.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.splitscope.model.Codec;
import org.splitscope.model.FieldRange;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Topology;

/**
 * Follows one request that leaves at a given outcome, step by step as section 2 of the
 * performance model describes it, and records what it costs: its latency and breakdown, busy
 * seconds and visits per resource, work billed to each serverless stage, egress bytes per link and
 * the cold starts it may meet. Reused across outcomes to keep evaluation allocation-light.
 */
final class RequestWalk {
    private static final double BYTES_PER_MB = 1e6;

    private final ModelProfile profile;
    private final List<Link> links;
    private final Node[] nodes;
    private final NodeTimes[] times;
    private final Router router;
    private final int[] exitAt; // per unit: the profile's exit head after it, or -1
    private final int source;
    private final int sink;

    // results of the last walk
    double latency; // without cold starts or queueing
    final double[] busy; // nodes first, then links
    final int[] visits;
    final double[] egressBytes; // per link
    double[] stageWork;
    final List<LatencyPart> parts = new ArrayList<>();
    /** Serverless stages entered: their node indices. */
    final List<Integer> coldStages = new ArrayList<>();
    /** Assumptions the walks made so far (kept across outcomes; a set keeps each once). */
    final Set<String> assumptions = new LinkedHashSet<>();
    private int lastResource;

    RequestWalk(ModelProfile profile, Topology topology, NodeTimes[] times, Router router) {
        this.profile = profile;
        this.links = topology.links();
        this.nodes = topology.nodes().toArray(new Node[0]);
        this.times = times;
        this.router = router;
        this.source = topology.nodeIndex(topology.source());
        this.sink = topology.nodeIndex(topology.sink());
        exitAt = new int[profile.unitCount() + 1];
        Arrays.fill(exitAt, -1);
        for (int e = 0; e < profile.exits().size(); e++) {
            exitAt[profile.exits().get(e).afterUnit()] = e;
        }
        busy = new double[nodes.length + links.size()];
        visits = new int[busy.length];
        egressBytes = new double[links.size()];
    }

    void walk(PlanLayout plan, int outcome) {
        latency = 0;
        Arrays.fill(busy, 0);
        Arrays.fill(visits, 0);
        Arrays.fill(egressBytes, 0);
        stageWork = new double[plan.stageCount];
        parts.clear();
        coldStages.clear();
        lastResource = -1;

        int leaveStage = plan.outcomeStage[outcome];
        if (plan.node[0] != source) {
            transfer(0, profile.inputBytes(), source, plan.node[0], plan.inboundCodec[0], -1, 0);
        }
        for (int k = 0; k <= leaveStage; k++) {
            int n = plan.node[k];
            if (k > 0 && n != plan.node[k - 1]) {
                int cut = plan.last[k - 1];
                transfer(cut, profile.unit(cut).cutBytes(), plan.node[k - 1], n, plan.inboundCodec[k], k - 1, k);
            }
            if (nodes[n].isServerless()) {
                coldStages.add(n);
            }
            int end = k == leaveStage ? plan.outcomeUnit[outcome] : plan.last[k];
            work(n, compute(plan, n, plan.first[k], end), LatencyPart.Kind.COMPUTE, k);
        }
        cross(plan.node[leaveStage], sink, profile.resultBytes());
    }

    /**
     * Units first..end and the heads that run among them. A measured range wins over the unit
     * sum; when the range includes the head after its last unit, that head is not added again,
     * and when that head does not run its own time on the node is taken off the range (never
     * below zero; section 5), which the result lists among its assumptions.
     */
    private double compute(PlanLayout plan, int n, int first, int end) {
        NodeTimes t = times[n];
        double heads = 0;
        for (int e : plan.enabled) {
            int u = profile.exits().get(e).afterUnit();
            if (u >= first && u <= end) {
                heads += t.head(e);
            }
        }
        int headAtEnd = plan.headAfter[end];
        if (headAtEnd >= 0 && headAtEnd == plan.terminal) {
            heads += t.head(headAtEnd);
        }
        Double range = t.range(first, end);
        if (range == null) {
            return t.unitSum(first, end) + heads;
        }
        if (!t.rangesIncludeHead() || exitAt[end] < 0) {
            return range + heads;
        }
        if (headAtEnd >= 0) {
            return range + heads - t.head(headAtEnd);
        }
        double head = t.head(exitAt[end]);
        assumptions.add("the measured range " + first + ".." + end + " on " + nodes[n].id()
                + " includes exit head " + profile.exits().get(exitAt[end]).id()
                + ", which does not run there: its own time (" + FieldRange.about(head) + " s) is subtracted");
        return Math.max(0, range - head) + heads;
    }

    /**
     * Serializes the bytes that go on the wire (the compressed ones under a codec, section 2);
     * the codec itself is charged per MB of the uncompressed tensor.
     */
    private void transfer(int cut, double bytes, int from, int to, Codec codec, int sendStage, int receiveStage) {
        double wire = codec == null ? bytes : bytes / codec.ratio();
        if (codec != null) {
            work(from, codec.encodeSecondsPerMB() * bytes / BYTES_PER_MB, LatencyPart.Kind.CODEC, sendStage);
        }
        work(from, times[from].serialize(cut, wire), LatencyPart.Kind.SERIALIZATION, sendStage);
        cross(from, to, wire);
        work(to, times[to].deserialize(cut, wire), LatencyPart.Kind.SERIALIZATION, receiveStage);
        if (codec != null) {
            work(to, codec.decodeSecondsPerMB() * bytes / BYTES_PER_MB, LatencyPart.Kind.CODEC, receiveStage);
        }
    }

    private void cross(int from, int to, double bytes) {
        Route route = router.route(from, to, bytes);
        if (route == null) {
            throw new IllegalStateException("no route from " + nodes[from].id() + " to " + nodes[to].id()
                    + " (validation should have caught this)");
        }
        for (int h = 0; h < route.links().length; h++) {
            int l = route.links()[h];
            Link link = links.get(l);
            int r = nodes.length + l;
            latency += route.linkSeconds()[h];
            add(LatencyPart.Kind.TRANSFER, link.id(), route.linkSeconds()[h]);
            busy[r] += 8 * bytes / link.bandwidthBps();
            visits[r]++;
            lastResource = r;
            egressBytes[l] += bytes;
        }
    }

    private void work(int n, double seconds, LatencyPart.Kind kind, int stage) {
        if (seconds <= 0) {
            return;
        }
        latency += seconds;
        busy[n] += seconds;
        if (lastResource != n) {
            visits[n]++;
            lastResource = n;
        }
        if (stage >= 0) {
            stageWork[stage] += seconds;
        }
        add(kind, nodes[n].id(), seconds);
    }

    private void add(LatencyPart.Kind kind, String resource, double seconds) {
        for (int i = 0; i < parts.size(); i++) {
            LatencyPart p = parts.get(i);
            if (p.kind() == kind && p.resource().equals(resource)) {
                parts.set(i, new LatencyPart(kind, resource, p.seconds() + seconds));
                return;
            }
        }
        parts.add(new LatencyPart(kind, resource, seconds));
    }

    ServerlessPricing serverless(int n) {
        return (ServerlessPricing) nodes[n].pricing();
    }
}
