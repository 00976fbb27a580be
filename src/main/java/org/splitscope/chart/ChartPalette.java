package org.splitscope.chart;

import java.awt.Color;
import java.util.List;

/**
 * The colours charts are drawn with. They come from the theme's stylesheet (read by the view),
 * since JFreeChart paints with AWT colours and the project keeps colours out of Java code.
 *
 * @param series    colours of data series, reused in order
 * @param highlight the bottleneck, a node out of memory
 * @param marker    percentile markers and the current point
 */
public record ChartPalette(List<Color> series, Color background, Color plotBackground, Color text, Color grid,
                           Color highlight, Color marker) {
    public ChartPalette {
        series = List.copyOf(series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a palette needs at least one series colour");
        }
    }

    public Color series(int i) {
        return series.get(Math.floorMod(i, series.size()));
    }
}
