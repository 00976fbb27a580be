package org.splitscope.ui.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/** Latency of each outcome, stacked by part: compute per node, transfer per link, serialization, queueing. */
public final class BreakdownChart implements ExplorerChart {
    private final CategoryPlot plot;
    private final StackedBarRenderer renderer = new StackedBarRenderer();
    private final JFreeChart chart;
    private ChartPalette palette;

    public BreakdownChart() {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        plot = new CategoryPlot(null, new CategoryAxis(), new NumberAxis("ms"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        chart = ChartStyling.titled("Latency breakdown per outcome", plot, true);
    }

    @Override
    public String id() {
        return "breakdown";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public void show(ChartData data) {
        plot.setDataset(data.breakdown());
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
