package org.splitscope.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the scenario is drawn, saved with it so that a node keeps its place and colour: one place
 * per node. A node without a place is laid out automatically; a place for a node the topology no
 * longer has is ignored.
 */
public record ViewSettings(@OptionalField List<NodePlace> nodes) {
    /** Node colours the themes define ({@code -ss-node-0} to {@code -ss-node-7}). */
    public static final int COLOURS = 8;
    public static final ViewSettings NONE = new ViewSettings(List.of());

    public ViewSettings {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** The place of this node, or {@code null}. */
    public NodePlace place(String nodeId) {
        for (NodePlace p : nodes) {
            if (p.node().equals(nodeId)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Every node's colour, in node order: its own where it has a place, else the colour fewest
     * nodes have so far (the lowest of those). A scenario without places gets 0, 1, 2, ... in node
     * order, as before colours were saved.
     */
    public Map<String, Integer> colours(Topology t) {
        Map<String, Integer> colours = new LinkedHashMap<>();
        int[] uses = new int[COLOURS];
        List<Node> unplaced = new ArrayList<>();
        for (Node n : t.nodes()) {
            NodePlace p = place(n.id());
            if (p == null) {
                unplaced.add(n);
            } else {
                colours.put(n.id(), p.colour());
                uses[Math.floorMod(p.colour(), COLOURS)]++;
            }
        }
        for (Node n : unplaced) {
            int least = 0;
            for (int c = 1; c < COLOURS; c++) {
                if (uses[c] < uses[least]) {
                    least = c;
                }
            }
            uses[least]++;
            colours.put(n.id(), least);
        }
        return colours;
    }

    /** These settings with the node's place set (added, or replacing its old one). */
    public ViewSettings with(NodePlace place) {
        List<NodePlace> all = new ArrayList<>(nodes);
        all.removeIf(p -> p.node().equals(place.node()));
        all.add(place);
        return new ViewSettings(all);
    }

    public ViewSettings without(String nodeId) {
        List<NodePlace> all = new ArrayList<>(nodes);
        all.removeIf(p -> p.node().equals(nodeId));
        return new ViewSettings(all);
    }

    List<Problem> validate(String path) {
        Problems p = new Problems();
        p.atMost(nodes.size(), SizeLimits.MAX_NODES, "places", path + ".nodes");
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).validate(path + ".nodes[" + i + "]", p);
        }
        return p.list();
    }
}
