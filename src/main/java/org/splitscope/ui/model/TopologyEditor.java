package org.splitscope.ui.model;

import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableMap;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Pricing;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * The topology editor's state and commands. Scenario changes (nodes, links, their properties,
 * source and sink) are undoable steps of the document; where a node is drawn and what is
 * selected are the editor's own and not part of the scenario. Every command is one undo step: the
 * property sheet commits a field once (Enter or leaving it), and a node dragged to another tier
 * changes it once, on release.
 */
public final class TopologyEditor {
    private final ScenarioDocument document;
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    /** Horizontal position of each node within its tier's band, 0 (left) to 1 (right). */
    private final ObservableMap<String, Double> positions = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<Map<Selection, String>> elementProblems =
            new ReadOnlyObjectWrapper<>(this, "elementProblems", Map.of());

    public TopologyEditor(ScenarioDocument document, LiveMetrics metrics) {
        this.document = document;
        document.scenarioProperty().addListener((o, a, s) -> {
            if (!exists(s, selection.get())) {
                selection.set(null);
            }
        });
        metrics.problemsProperty().addListener((ListChangeListener<Problem>) c -> {
            Map<Selection, String> now = ProblemPlaces.messages(document.getScenario(), metrics.problemsProperty());
            if (!now.equals(elementProblems.get())) {
                elementProblems.set(Map.copyOf(now));
            }
        });
    }

    public ReadOnlyObjectProperty<Selection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The first problem message about each element that has one (shown on the element). */
    public ReadOnlyObjectProperty<Map<Selection, String>> elementProblemsProperty() {
        return elementProblems.getReadOnlyProperty();
    }

    /** Node positions in their bands; a node without one is spread evenly with its tier. */
    public ObservableMap<String, Double> positionsView() {
        return FXCollections.unmodifiableObservableMap(positions);
    }

    public double position(Node n) {
        Double x = positions.get(n.id());
        if (x != null) {
            return x;
        }
        var sameTier = document.getScenario().topology().nodes().stream().filter(m -> m.tier() == n.tier()).toList();
        return (sameTier.indexOf(n) + 1.0) / (sameTier.size() + 1.0);
    }

    /** The nodes of the scenario on screen, in order. */
    public List<Node> nodes() {
        return document.getScenario().topology().nodes();
    }

    public void select(Selection s) {
        selection.set(exists(document.getScenario(), s) ? s : null);
    }

    /** Moves a node's drawing; not part of the scenario and not undoable. */
    public void moveNode(String id, double x) {
        positions.put(id, Math.max(0, Math.min(1, x)));
    }

    /** Adds a node of this kind at the given position, selected. */
    public String addNode(NodeKind kind, double x) {
        String id = TopologyEdits.unusedNodeId(document.getScenario().topology(), kind.idPrefix());
        document.edit(null, s -> TopologyEdits.addNode(s, kind.template(id)));
        positions.put(id, x);
        select(Selection.node(id));
        return id;
    }

    /** Joins two nodes with a link (100 Mb/s, 10 ms to start with), selected. */
    public void addLink(String from, String to) {
        document.edit(null, s -> TopologyEdits.addLink(s, from, to));
        Link l = TopologyEdits.linkBetween(document.getScenario().topology(), from, to);
        if (l != null) {
            select(Selection.link(l.id()));
        }
    }

    public void deleteNode(String id) {
        document.edit(null, s -> TopologyEdits.deleteNode(s, id));
    }

    public void deleteLink(String id) {
        document.edit(null, s -> TopologyEdits.deleteLink(s, id));
    }

    public void deleteSelected() {
        Selection s = selection.get();
        if (s != null) {
            if (s.kind() == Selection.Kind.NODE) {
                deleteNode(s.id());
            } else {
                deleteLink(s.id());
            }
        }
    }

    public void setLinkBandwidth(String id, double bps) {
        document.edit(null, s -> TopologyEdits.updateLink(s, id, l -> l.withBandwidthBps(bps)));
    }

    public void setLinkLatency(String id, double seconds) {
        document.edit(null, s -> TopologyEdits.updateLink(s, id, l -> l.withLatencySeconds(seconds)));
    }

    public void setLinkEgress(String id, double usdPerGB) {
        document.edit(null, s -> TopologyEdits.updateLink(s, id, l -> l.withUsdPerGB(usdPerGB)));
    }

    public void setLinkOneWay(String id, boolean oneWay) {
        document.edit(null, s -> TopologyEdits.updateLink(s, id, l -> l.withOneWay(oneWay)));
    }

    public void setNodeName(String id, String name) {
        document.edit(null, s -> TopologyEdits.updateNode(s, id, n -> n.withName(name)));
    }

    public void setNodeTier(String id, int tier) {
        document.edit(null, s -> TopologyEdits.updateNode(s, id, n -> n.withTier(tier)));
    }

    public void setNodeDeviceClass(String id, String deviceClass) {
        document.edit(null, s -> TopologyEdits.updateNode(s, id, n -> n.withDeviceClass(deviceClass)));
    }

    public void setNodeFlops(String id, double flopsPerSecond) {
        document.edit(null, s -> TopologyEdits.updateNode(s, id, n -> n.withFlopsPerSecond(flopsPerSecond)));
    }

    /** Memory capacity in bytes; {@code null} for unlimited. */
    public void setNodeMemory(String id, Double bytes) {
        document.edit(null, s -> TopologyEdits.updateNode(s, id, n -> n.withMemoryBytes(bytes)));
    }

    public void setNodeConcurrency(String id, int concurrency) {
        document.edit(null, s -> TopologyEdits.updateNode(s, id, n -> n.withConcurrency(concurrency)));
    }

    /** How the node is paid for; {@code null} for free. */
    public void setNodePricing(String id, Pricing pricing) {
        document.edit(null, s -> TopologyEdits.updateNode(s, id, n -> n.withPricing(pricing)));
    }

    public void setNodeWatts(String id, Double watts) {
        document.edit(null, s -> TopologyEdits.updateNode(s, id, n -> n.withWatts(watts)));
    }

    /** Requests start at this node; results go back to it unless a sink is set apart. */
    public void setSource(String id) {
        document.edit(null, s -> TopologyEdits.setEnds(s, id,
                s.topology().sink().equals(s.topology().source()) ? id : s.topology().sink()));
    }

    public void setSink(String id) {
        document.edit(null, s -> TopologyEdits.setEnds(s, s.topology().source(), id));
    }

    public void setMtu(double bytes) {
        document.edit(null, s -> TopologyEdits.setMtu(s, bytes));
    }

    private static boolean exists(Scenario s, Selection sel) {
        if (sel == null) {
            return false;
        }
        return sel.kind() == Selection.Kind.NODE ? s.topology().node(sel.id()) != null
                : TopologyEdits.linkIndex(s.topology(), sel.id()) >= 0;
    }
}
