package org.splitscope.ui.view;

/**
 * Nodes are told apart by colour classes {@code node-color-0} to {@code node-color-7}, defined by
 * each theme; the strip's bars and the topology's icons use the same class for the same node.
 */
final class NodeColours {
    static final int COUNT = 8;

    private NodeColours() {
    }

    static String styleClass(int nodeIndex) {
        return "node-color-" + Math.floorMod(nodeIndex, COUNT);
    }
}
