package org.splitscope.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.controlsfx.control.PropertySheet;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;

/**
 * The property-sheet rows of a node or a link, in the units people type (GFLOP/s, GB, Mb/s, ms,
 * dollars). Conversions to SI happen here, at the edge, and each row writes through one named
 * command of the {@link TopologyEditor}.
 */
final class SheetItems {
    private final ScenarioDocument document;
    private final TopologyEditor editor;
    private final List<PropertySheet.Item> items = new ArrayList<>();

    private SheetItems(ScenarioDocument document, TopologyEditor editor) {
        this.document = document;
        this.editor = editor;
    }

    static List<PropertySheet.Item> of(ScenarioDocument document, TopologyEditor editor, Selection sel) {
        SheetItems s = new SheetItems(document, editor);
        if (sel != null && sel.kind() == Selection.Kind.NODE) {
            s.node(sel.id());
        } else if (sel != null) {
            s.link(sel.id());
        }
        s.network();
        return s.items;
    }

    private Node node(String id, Node fallback) {
        Node n = document.getScenario().topology().node(id);
        return n == null ? fallback : n;
    }

    private <T> void add(String category, String name, String description, Class<T> type, Function<Node, Object> get,
                         String id, Consumer<T> set) {
        Node initial = document.getScenario().topology().node(id);
        items.add(new SheetItem(document.scenarioProperty(), category, name, description, type,
                () -> get.apply(node(id, initial)), v -> set.accept(type.cast(v))));
    }

    private void node(String id) {
        Node n = document.getScenario().topology().node(id);
        String c = "Node " + id;
        add(c, "Name", "shown in reports", String.class, Node::name, id, v -> editor.setNodeName(id, v));
        add(c, "Device class", "measured latencies of this class apply", String.class, Node::deviceClass, id,
                v -> editor.setNodeDeviceClass(id, v));
        add(c, "Tier", "0 = end device; higher = further from the user", Integer.class, Node::tier, id,
                v -> editor.setNodeTier(id, v));
        add(c, "Compute (GFLOP/s)", "effective FLOP rate", Double.class, x -> x.flopsPerSecond() / 1e9, id,
                v -> editor.setNodeFlops(id, v * 1e9));
        add(c, "Memory (GB, 0 = unlimited)", "capacity for parameters and working sets", Double.class,
                x -> x.memoryBytes() == null ? 0.0 : x.memoryBytes() / 1e9, id,
                v -> editor.setNodeMemory(id, v == 0 ? null : v * 1e9));
        add(c, "Concurrency", "requests served in parallel", Integer.class, Node::concurrency, id,
                v -> editor.setNodeConcurrency(id, v));
        add(c, "Power (W, 0 = not set)", "active power, for energy per request on tier 0", Double.class,
                x -> x.watts() == null ? 0.0 : x.watts(), id, v -> editor.setNodeWatts(id, v == 0 ? null : v));
        add(c, "Source", "requests start here", Boolean.class, x -> x.id().equals(document.getScenario().topology().source()),
                id, v -> {
                    if (v) {
                        editor.setSource(id);
                    }
                });
        add(c, "Sink", "results go here", Boolean.class, x -> x.id().equals(document.getScenario().topology().sink()),
                id, v -> {
                    if (v) {
                        editor.setSink(id);
                    }
                });
        if (n != null && n.pricing() instanceof ServerlessPricing) {
            serverless(id);
        } else {
            add("Pricing", "Price ($/hour, 0 = free)", "dedicated: charged on busy time", Double.class,
                    x -> x.pricing() instanceof DedicatedPricing d ? d.usdPerHour() : 0.0, id,
                    v -> editor.setNodePricing(id, v == 0 ? null : new DedicatedPricing(v)));
        }
    }

    private void serverless(String id) {
        String c = "Serverless pricing";
        add(c, "Memory size (GB)", "speed scales with memory from 1.769 GB", Double.class, x -> sp(x).memoryGB(), id,
                v -> editor.setNodePricing(id, withServerless(id, 0, v)));
        add(c, "$ per GB-second", "billed duration x memory", Double.class, x -> sp(x).usdPerGBSecond(), id,
                v -> editor.setNodePricing(id, withServerless(id, 1, v)));
        add(c, "$ per million requests", "request fee", Double.class, x -> sp(x).usdPerRequest() * 1e6, id,
                v -> editor.setNodePricing(id, withServerless(id, 2, v / 1e6)));
        add(c, "Cold start (ms)", "added when a request finds the function cold", Double.class,
                x -> sp(x).coldStartSeconds() * 1e3, id, v -> editor.setNodePricing(id, withServerless(id, 3, v / 1e3)));
        add(c, "Cold start probability", "0 to 1", Double.class, x -> sp(x).coldStartProbability(), id,
                v -> editor.setNodePricing(id, withServerless(id, 4, v)));
    }

    private static ServerlessPricing sp(Node n) {
        return (ServerlessPricing) n.pricing();
    }

    private ServerlessPricing withServerless(String id, int field, double v) {
        ServerlessPricing p = sp(document.getScenario().topology().node(id));
        return new ServerlessPricing(field == 1 ? v : p.usdPerGBSecond(), field == 2 ? v : p.usdPerRequest(),
                field == 0 ? v : p.memoryGB(), p.billingGranularitySeconds(), field == 3 ? v : p.coldStartSeconds(),
                field == 4 ? v : p.coldStartProbability());
    }

    private void link(String id) {
        String c = "Link " + id;
        linkItem(c, "Bandwidth (Mb/s)", "megabits per second", Double.class, l -> l.bandwidthBps() / 1e6, id,
                v -> editor.setLinkBandwidth(id, v * 1e6));
        linkItem(c, "Latency (ms)", "one-way propagation", Double.class, l -> l.latencySeconds() * 1e3, id,
                v -> editor.setLinkLatency(id, v / 1e3));
        linkItem(c, "Egress ($/GB)", "charged on bytes that cross it", Double.class, Link::usdPerGB, id,
                v -> editor.setLinkEgress(id, v));
        linkItem(c, "One-way", "data flows only from its first node to its second", Boolean.class, Link::oneWay, id,
                v -> editor.setLinkOneWay(id, v));
    }

    /**
     * The link on screen, or its last known state once it is gone: the sheet outlives its element
     * by one change (it is rebuilt when the selection clears) and an editor must never read null.
     */
    private Link link(String id, Link fallback) {
        for (Link l : document.getScenario().topology().links()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return fallback;
    }

    private <T> void linkItem(String category, String name, String description, Class<T> type,
                              Function<Link, Object> get, String id, Consumer<T> set) {
        Link initial = link(id, null);
        items.add(new SheetItem(document.scenarioProperty(), category, name, description, type,
                () -> get.apply(link(id, initial)), v -> set.accept(type.cast(v))));
    }

    private void network() {
        items.add(new SheetItem(document.scenarioProperty(), "Network", "MTU (bytes)",
                "packet size of every transfer", Double.class, () -> document.getScenario().topology().mtuBytes(),
                v -> editor.setMtu((Double) v)));
    }
}
