package org.splitscope.ui.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/** Dollars per million requests by resource, stacked by kind (dedicated time, serverless, egress). */
public final class CostChart implements ExplorerChart {
    private final CategoryPlot plot;
    private final StackedBarRenderer renderer = new StackedBarRenderer();
    private final JFreeChart chart;
    private ChartPalette palette;

    public CostChart() {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryAxis x = new CategoryAxis();
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        plot = new CategoryPlot(null, x, new NumberAxis("$ per million requests"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL); // category labels stay readable
        chart = ChartStyling.titled("Cost by resource", plot, true);
    }

    @Override
    public String id() {
        return "cost";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public void show(ChartData data) {
        plot.setDataset(data.cost());
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
