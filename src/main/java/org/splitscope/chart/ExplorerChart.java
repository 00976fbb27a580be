package org.splitscope.chart;

import org.jfree.chart.JFreeChart;

/** One of the explorer's charts: a JFreeChart whose datasets are replaced on every change. */
public interface ExplorerChart {
    /** A short name, used for ids, file names and tests. */
    String id();

    JFreeChart chart();

    /** Replaces the datasets with those of new metrics (one chart change event per chart). */
    void show(ChartData data);

    void applyPalette(ChartPalette palette);

    /** Undoes the user's zooming and panning: the axes fit the data again, as the chart set them. */
    default void resetZoom() {
        ChartStyling.autoRange(chart().getPlot());
    }
}
