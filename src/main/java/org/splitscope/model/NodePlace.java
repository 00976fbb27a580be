package org.splitscope.model;

/**
 * Where the topology editor draws a node and in which colour. Only the drawing: the evaluator
 * never reads it.
 *
 * @param node   the node's id
 * @param x      the centre's distance from the canvas's left edge, in pixels at 100 % zoom
 * @param y      the centre's distance from the top of its tier's band, in pixels at 100 % zoom
 * @param colour one of {@link ViewSettings#COLOURS} node colours, the same on the strip and canvas
 */
public record NodePlace(String node, double x, double y, int colour) {
    public NodePlace moved(double newX, double newY) {
        return new NodePlace(node, newX, newY, colour);
    }

    void validate(String path, Problems p) {
        p.notBlank(node, path + ".node");
        p.inRange(x, Ranges.CANVAS_PIXELS, path + ".x");
        p.inRange(y, Ranges.CANVAS_PIXELS, path + ".y");
        p.inRange(colour, 0, ViewSettings.COLOURS - 1, path + ".colour");
    }
}
