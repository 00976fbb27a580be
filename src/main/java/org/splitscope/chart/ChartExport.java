package org.splitscope.chart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.splitscope.io.OutputFiles;

/**
 * A chart as a PNG or SVG file, or as an image for the clipboard. Files are written next to the
 * target and moved into place, so that a failed export leaves no half-written file.
 */
public final class ChartExport {
    private ChartExport() {
    }

    public static BufferedImage image(JFreeChart chart, int width, int height) {
        return chart.createBufferedImage(width, height);
    }

    public static void png(JFreeChart chart, Path file, int width, int height) throws IOException {
        Path tmp = temporaryBeside(file);
        try {
            ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height);
            OutputFiles.moveOver(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void svg(JFreeChart chart, Path file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        Path tmp = temporaryBeside(file);
        try {
            File f = tmp.toFile();
            SVGUtils.writeToSVG(f, g.getSVGElement());
            OutputFiles.moveOver(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path temporaryBeside(Path file) throws IOException {
        return OutputFiles.tempSibling(file);
    }
}
