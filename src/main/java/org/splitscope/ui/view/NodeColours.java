package org.splitscope.ui.view;

import org.splitscope.model.ViewSettings;

/**
 * Nodes are told apart by colour classes {@code node-color-0} to {@code node-color-7}, defined by
 * each theme; the strip's bars and the topology's icons use the same class for the same node.
 */
final class NodeColours {
    private NodeColours() {
    }

    /** @param colour the node's colour, saved with its place (see {@code TopologyLayout.colours}) */
    static String styleClass(int colour) {
        return "node-color-" + Math.floorMod(colour, ViewSettings.COLOURS);
    }
}
