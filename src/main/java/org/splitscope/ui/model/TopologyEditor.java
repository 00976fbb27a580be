package org.splitscope.ui.model;

import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.NodePlace;
import org.splitscope.model.Pricing;
import org.splitscope.model.Problem;
import org.splitscope.model.Ranges;
import org.splitscope.model.Scenario;
import org.splitscope.model.ViewSettings;

/**
 * The topology editor's state and commands. Scenario changes (nodes, links, their properties,
 * source and sink) and where nodes are drawn are undoable steps of the document; what is selected
 * is the editor's own. Every command is one undo step: the property sheet commits a field once
 * (Enter or leaving it), and a dragged node moves (and changes tier) once, on release.
 */
public final class TopologyEditor {
    private final ScenarioDocument document;
    private final ReadOnlyObjectWrapper<Selection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ReadOnlyIntegerWrapper tidied = new ReadOnlyIntegerWrapper(this, "tidied");
    private double canvasWidth = TopologyLayout.DEFAULT_WIDTH;
    private double canvasHeight = TopologyLayout.DEFAULT_HEIGHT;
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

    /** Every node's place and colour on the canvas: the scenario's, completed for nodes without one. */
    public ViewSettings view() {
        Scenario s = document.getScenario();
        return TopologyLayout.complete(s.topology(), s.view());
    }

    /** The nodes of the scenario on screen, in order. */
    public List<Node> nodes() {
        return document.getScenario().topology().nodes();
    }

    public void select(Selection s) {
        selection.set(exists(document.getScenario(), s) ? s : null);
    }

    /** The size of the canvas's visible area at 100 % zoom, which {@link #tidy()} lays out for. */
    public void setCanvasArea(double width, double height) {
        if (width > 0 && height > 0) { // a canvas not yet shown keeps the last area
            canvasWidth = width;
            canvasHeight = height;
        }
    }

    /**
     * Puts a node at (x, y) of a tier's band, changing its tier when it is another: one undo
     * step, made when a drag ends.
     */
    public void moveNode(String id, int tier, double x, double y) {
        document.edit(null, s -> {
            Scenario pinned = pinned(s);
            NodePlace p = pinned.view().place(id);
            if (p == null) {
                return s;
            }
            NodePlace moved = p.moved(clamp(x, TopologyLayout.NODE_WIDTH / 2),
                    clamp(y, TopologyLayout.HEADER + TopologyLayout.NODE_HEIGHT / 2));
            Scenario placed = pinned.withView(pinned.view().with(moved));
            return tier == s.topology().node(id).tier() ? placed
                    : TopologyEdits.updateNode(placed, id, n -> n.withTier(Math.max(0, tier)));
        });
    }

    private static double clamp(double v, double least) {
        return Math.max(least, Math.min(Ranges.CANVAS_PIXELS.max(), Double.isFinite(v) ? v : least));
    }

    /** Lays every node out afresh for the canvas's area, as one undo step; colours stay. */
    public void tidy() {
        document.edit(null, s -> s.withView(TopologyLayout.tidy(s.topology(), s.view(), canvasWidth, canvasHeight)));
        tidied.set(tidied.get() + 1);
    }

    /** How many times the layout was tidied: the canvas shows the whole new layout each time. */
    public ReadOnlyIntegerProperty tidiedProperty() {
        return tidied.getReadOnlyProperty();
    }

    /** Adds a node of this kind in free space of its tier's band, selected. */
    public String addNode(NodeKind kind) {
        String id = TopologyEdits.unusedNodeId(document.getScenario().topology(), kind.idPrefix());
        document.edit(null, s -> {
            Scenario pinned = pinned(s);
            Scenario added = TopologyEdits.addNode(pinned, kind.template(id));
            return added.withView(TopologyLayout.complete(added.topology(), pinned.view()));
        });
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

    /** Removes the node, its links and its place; the other nodes keep theirs, and their colours. */
    public void deleteNode(String id) {
        document.edit(null, s -> {
            Scenario pinned = pinned(s);
            return TopologyEdits.deleteNode(pinned, id).withView(pinned.view().without(id));
        });
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

    /** Changes a node's tier; it moves to free space in its new band, keeping its colour. */
    public void setNodeTier(String id, int tier) {
        document.edit(null, s -> {
            Node node = s.topology().node(id);
            if (node == null || node.tier() == tier) {
                return s;
            }
            Scenario pinned = pinned(s);
            Scenario changed = TopologyEdits.updateNode(pinned, id, n -> n.withTier(tier));
            NodePlace p = pinned.view().place(id);
            if (p == null) {
                return changed;
            }
            List<NodePlace> others = pinned.view().without(id).nodes();
            return changed.withView(pinned.view().with(TopologyLayout.freeSpot(changed.topology(), others, tier, id, p.colour())));
        });
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

    /**
     * The scenario with every node's place written down, so that a node added or removed moves no
     * other node and changes no other colour.
     */
    private static Scenario pinned(Scenario s) {
        return s.withView(TopologyLayout.complete(s.topology(), s.view()));
    }

    private static boolean exists(Scenario s, Selection sel) {
        if (sel == null) {
            return false;
        }
        return sel.kind() == Selection.Kind.NODE ? s.topology().node(sel.id()) != null
                : TopologyEdits.linkIndex(s.topology(), sel.id()) >= 0;
    }
}
