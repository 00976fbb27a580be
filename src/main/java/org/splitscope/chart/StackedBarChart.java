package org.splitscope.chart;

import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;

/**
 * A horizontal stacked bar chart of one of {@link ChartData}'s category datasets: the latency
 * breakdown per outcome (stacked by part: compute per node, transfer per link, serialization,
 * queueing) and the cost per million requests by resource (stacked by kind) are both this chart.
 * Horizontal so that category labels stay readable.
 */
public final class StackedBarChart implements ExplorerChart {
    private final String id;
    private final Function<ChartData, CategoryDataset> dataset;
    private final CategoryPlot plot;
    private final StackedBarRenderer renderer = new StackedBarRenderer();
    private final JFreeChart chart;
    private ChartPalette palette;

    private StackedBarChart(String id, String title, String valueAxis, float labelWidthRatio,
                            Function<ChartData, CategoryDataset> dataset) {
        this.id = id;
        this.dataset = dataset;
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryAxis x = new CategoryAxis();
        if (labelWidthRatio > 0) {
            x.setMaximumCategoryLabelWidthRatio(labelWidthRatio);
        }
        plot = new CategoryPlot(null, x, new NumberAxis(valueAxis), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        chart = ChartStyling.titled(title, plot, true);
    }

    /** Latency of each outcome, stacked by part. */
    public static StackedBarChart breakdown() {
        return new StackedBarChart("breakdown", "Latency breakdown per outcome", "ms", 0, ChartData::breakdown);
    }

    /** Dollars per million requests by resource, stacked by kind (dedicated time, serverless, egress). */
    public static StackedBarChart cost() {
        return new StackedBarChart("cost", "Cost by resource", "$ per million requests", 0.45f, ChartData::cost);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public void show(ChartData data) {
        plot.setDataset(dataset.apply(data));
        colour();
    }

    @Override
    public void applyPalette(ChartPalette p) {
        palette = p;
        ChartStyling.apply(chart, p);
        colour();
    }

    private void colour() {
        if (palette != null && plot.getDataset() != null) {
            ChartStyling.seriesColours(renderer, plot.getDataset().getRowCount(), palette);
        }
    }
}
