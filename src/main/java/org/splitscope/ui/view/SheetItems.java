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
import org.splitscope.ui.model.Quantity;
import org.splitscope.ui.model.Quantity.Unit;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;

/**
 * The property-sheet rows of a node or a link, in the units people type (GFLOP/s, GB, Mb/s, ms,
 * dollars). Conversions to SI happen here, at the edge, and each row writes through one named
 * command of the {@link TopologyEditor}.
 */
final class SheetItems {
    /** No upper limit but a finite value. */
    private static final double ANY = Double.MAX_VALUE;
    /** Tiers the drawing has bands for and a person would set up by hand. */
    private static final int MAX_TIER = 20;

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

    private <T> SheetItem add(String category, String name, String description, Class<T> type,
                              Function<Node, Object> get, String id, Consumer<T> set) {
        Node initial = document.getScenario().topology().node(id);
        SheetItem item = new SheetItem(document.scenarioProperty(), category, name, description, type,
                () -> get.apply(node(id, initial)), v -> set.accept(type.cast(v)));
        items.add(item);
        return item;
    }

    /** A row of a number with a unit and a range, read whole by a {@link QuantityField}. */
    private <T> void add(String category, Quantity q, String description, Class<T> type, Function<Node, Object> get,
                         String id, Consumer<T> set) {
        add(category, q.field(), description, type, get, id, set).reading(q);
    }

    private void node(String id) {
        Node n = document.getScenario().topology().node(id);
        String c = "Node " + id;
        add(c, "Name", "shown in reports", String.class, Node::name, id, v -> editor.setNodeName(id, v));
        add(c, "Device class", "measured latencies of this class apply", String.class, Node::deviceClass, id,
                v -> editor.setNodeDeviceClass(id, v));
        add(c, Quantity.of("Tier", Unit.NONE, 0, MAX_TIER).wholeNumbers(), "0 = end device; higher = further from the user",
                Integer.class, Node::tier, id, v -> editor.setNodeTier(id, v));
        add(c, Quantity.above("Compute (GFLOP/s)", Unit.GFLOPS, 0, ANY), "effective FLOP rate", Double.class,
                x -> x.flopsPerSecond() / 1e9, id, v -> editor.setNodeFlops(id, v * 1e9));
        add(c, Quantity.of("Memory (GB, 0 = unlimited)", Unit.GIGABYTES, 0, ANY),
                "capacity for parameters and working sets", Double.class,
                x -> x.memoryBytes() == null ? 0.0 : x.memoryBytes() / 1e9, id,
                v -> editor.setNodeMemory(id, v == 0 ? null : v * 1e9));
        add(c, Quantity.of("Concurrency", Unit.NONE, 1, Integer.MAX_VALUE).wholeNumbers(), "requests served in parallel",
                Integer.class, Node::concurrency, id, v -> editor.setNodeConcurrency(id, v));
        add(c, Quantity.of("Power (W, 0 = not set)", Unit.WATTS, 0, ANY), "active power, for energy per request on tier 0",
                Double.class, x -> x.watts() == null ? 0.0 : x.watts(), id, v -> editor.setNodeWatts(id, v == 0 ? null : v));
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
            add("Pricing", Quantity.of("Price ($/hour, 0 = free)", Unit.USD_PER_HOUR, 0, ANY),
                    "dedicated: charged on busy time", Double.class,
                    x -> x.pricing() instanceof DedicatedPricing d ? d.usdPerHour() : 0.0, id,
                    v -> editor.setNodePricing(id, v == 0 ? null : new DedicatedPricing(v)));
        }
    }

    private void serverless(String id) {
        String c = "Serverless pricing";
        add(c, Quantity.above("Memory size (GB)", Unit.GIGABYTES, 0, ANY), "speed scales with memory from 1.769 GB",
                Double.class, x -> sp(x).memoryGB(), id, v -> editor.setNodePricing(id, withServerless(id, 0, v)));
        add(c, Quantity.of("$ per GB-second", Unit.USD_PER_GB_SECOND, 0, ANY), "billed duration x memory", Double.class,
                x -> sp(x).usdPerGBSecond(), id, v -> editor.setNodePricing(id, withServerless(id, 1, v)));
        add(c, Quantity.of("$ per million requests", Unit.USD_PER_MILLION_REQUESTS, 0, ANY), "request fee",
                Double.class, x -> sp(x).usdPerRequest() * 1e6, id,
                v -> editor.setNodePricing(id, withServerless(id, 2, v / 1e6)));
        add(c, Quantity.of("Cold start (ms)", Unit.MILLISECONDS, 0, ANY), "added when a request finds the function cold",
                Double.class, x -> sp(x).coldStartSeconds() * 1e3, id,
                v -> editor.setNodePricing(id, withServerless(id, 3, v / 1e3)));
        add(c, Quantity.of("Cold start probability", Unit.NONE, 0, 1), "0 to 1", Double.class,
                x -> sp(x).coldStartProbability(), id, v -> editor.setNodePricing(id, withServerless(id, 4, v)));
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
                v -> editor.setLinkBandwidth(id, v * 1e6))
                .reading(Quantity.above("Bandwidth (Mb/s)", Unit.MEGABITS_PER_SECOND, 0, ANY));
        linkItem(c, "Latency (ms)", "one-way propagation", Double.class, l -> l.latencySeconds() * 1e3, id,
                v -> editor.setLinkLatency(id, v / 1e3)).reading(Quantity.of("Latency (ms)", Unit.MILLISECONDS, 0, ANY));
        linkItem(c, "Egress ($/GB)", "charged on bytes that cross it", Double.class, Link::usdPerGB, id,
                v -> editor.setLinkEgress(id, v)).reading(Quantity.of("Egress ($/GB)", Unit.USD_PER_GB, 0, ANY));
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

    private <T> SheetItem linkItem(String category, String name, String description, Class<T> type,
                                   Function<Link, Object> get, String id, Consumer<T> set) {
        Link initial = link(id, null);
        SheetItem item = new SheetItem(document.scenarioProperty(), category, name, description, type,
                () -> get.apply(link(id, initial)), v -> set.accept(type.cast(v)));
        items.add(item);
        return item;
    }

    private void network() {
        items.add(new SheetItem(document.scenarioProperty(), "Network", "MTU (bytes)",
                "packet size of every transfer", Double.class, () -> document.getScenario().topology().mtuBytes(),
                v -> editor.setMtu((Double) v)).reading(Quantity.above("MTU (bytes)", Unit.BYTES, 0, ANY)));
    }
}
