package org.splitscope.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A vector figure of a report, drawn with Java2D so that the same code paints the HTML's inline
 * SVG (JFreeSVG) and the PDF's paths (PDFBox's Graphics2D). A JFreeChart's {@code draw} is one.
 */
@FunctionalInterface
public interface Drawing {
    void draw(Graphics2D g, Rectangle2D area);
}
