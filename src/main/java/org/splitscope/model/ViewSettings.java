package org.splitscope.model;

import java.util.ArrayList;
import java.util.List;

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
