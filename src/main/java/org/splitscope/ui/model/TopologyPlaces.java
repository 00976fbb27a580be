package org.splitscope.ui.model;

import static org.splitscope.ui.model.ProblemPlace.index;
import static org.splitscope.ui.model.ProblemPlace.named;
import static org.splitscope.ui.model.ProblemPlace.of;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.ui.model.ProblemPlace.Shown;

/**
 * The places of the topology, each field by the property sheet's label and shown in its unit
 * (compute in GFLOP/s, bandwidth in Mb/s, times in ms, the request fee per million requests).
 */
final class TopologyPlaces {
    private TopologyPlaces() {
    }

    /** A node's field: its key in the file, the sheet's word for it, its unit. */
    private record Field(String key, String words, Shown shown) {
    }

    private static final List<Field> NODE = List.of(
            new Field("id", "id", Shown.TYPED),
            new Field("deviceClass", "device class", Shown.TYPED),
            new Field("tier", "tier", Shown.TYPED),
            new Field("flopsPerSecond", "compute", new Shown(1e-9, "GFLOP/s", "FLOP/s")),
            new Field("memoryBytes", "memory", new Shown(1e-9, "GB", "bytes")),
            new Field("concurrency", "concurrency", Shown.TYPED),
            new Field("watts", "power", new Shown(1, "W")),
            new Field("pricing.usdPerHour", "price per hour", new Shown(1, "$/h", "USD per hour")),
            new Field("pricing.memoryGB", "serverless memory size", new Shown(1, "GB")),
            new Field("pricing.usdPerGBSecond", "$ per GB-second", new Shown(1, "", "USD per GB-second")),
            new Field("pricing.usdPerRequest", "request fee", new Shown(1e6, "$ per million requests", "USD per request")),
            new Field("pricing.billingGranularitySeconds", "billing granularity", Shown.MS),
            new Field("pricing.coldStartSeconds", "cold start", Shown.MS),
            new Field("pricing.coldStartProbability", "cold start probability", Shown.TYPED));
    private static final List<Field> LINK = List.of(
            new Field("id", "id", Shown.TYPED),
            new Field("from", "from", Shown.TYPED),
            new Field("to", "to", Shown.TYPED),
            new Field("bandwidthBps", "bandwidth", new Shown(1e-6, "Mb/s", "bit/s")),
            new Field("latencySeconds", "latency", Shown.MS),
            new Field("usdPerGB", "egress price", new Shown(1, "$/GB", "USD per GB")));

    static List<ProblemPlace> all() {
        List<ProblemPlace> all = new ArrayList<>(List.of(
                of("topology", (s, m) -> "Topology"),
                of("topology.nodes", (s, m) -> "Topology, nodes"),
                of("topology.links", (s, m) -> "Topology, links"),
                of("topology.source", (s, m) -> "Topology, source"),
                of("topology.sink", (s, m) -> "Topology, sink"),
                of("topology.mtuBytes", Shown.BYTES, (s, m) -> "Network, MTU")));
        for (Field f : NODE) {
            all.add(of("topology.nodes[#]." + f.key(), f.shown(), (s, m) -> node(s, m) + ", " + f.words()));
        }
        for (Field f : LINK) {
            all.add(of("topology.links[#]." + f.key(), f.shown(), (s, m) -> link(s, m) + ", " + f.words()));
        }
        return all;
    }

    private static String node(Scenario s, Matcher m) {
        return "Node " + named(s.topology() == null ? null : s.topology().nodes(), index(m, 1), Node::id);
    }

    private static String link(Scenario s, Matcher m) {
        return "Link " + named(s.topology() == null ? null : s.topology().links(), index(m, 1), Link::id);
    }
}
