package org.splitscope.chart;

import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;

/**
 * Use of every node and link: utilization at the workload's arrival rate, or busy ms per request
 * without one. The bottleneck, which sets the throughput, is highlighted.
 */
public final class UtilizationChart implements ExplorerChart {
    private final CategoryPlot plot;
    private final HighlightBarRenderer renderer = new HighlightBarRenderer(0);
    private final NumberAxis valueAxis = new NumberAxis();
    private final JFreeChart chart;

    public UtilizationChart() {
        CategoryAxis x = new CategoryAxis();
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        plot = new CategoryPlot(null, x, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL); // category labels stay readable
        chart = ChartStyling.titled("Utilization per node and link", plot, false);
    }

    @Override
    public String id() {
        return "utilization";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public void show(ChartData data) {
        chart.setNotify(false);
        valueAxis.setLabel(data.utilizationAxis());
        renderer.highlight(data.bottleneck() == null ? Set.of() : Set.of(data.bottleneck()));
        plot.setDataset(data.utilization());
        chart.setNotify(true);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        ChartStyling.seriesColours(renderer, 1, p);
        renderer.setHighlightPaint(p.highlight());
    }
}
