package org.splitscope.chart;

import java.awt.BasicStroke;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.ResourceUse;

/**
 * Two states overlaid: their latency distributions as two CDFs on one axis, and every node's and
 * link's busy time per request as paired bars. Both read the evaluator's {@link Metrics} only.
 */
public final class ComparisonCharts {
    private final XYPlot cdfPlot;
    private final XYLineAndShapeRenderer cdfRenderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart cdf;
    private final CategoryPlot busyPlot;
    private final BarRenderer busyRenderer = new BarRenderer();
    private final JFreeChart busy;
    private TopCategories busyShown;

    public ComparisonCharts() {
        NumberAxis x = new NumberAxis("latency (ms)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("P(latency ≤ x)");
        y.setRange(0, 1.05);
        cdfPlot = new XYPlot(null, x, y, cdfRenderer);
        cdfRenderer.setSeriesStroke(0, new BasicStroke(2f));
        cdfRenderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {6f, 4f}, 0f));
        cdf = ChartStyling.titled("Latency distribution, both states", cdfPlot, true);
        // as the utilization chart: the busiest resources whose labels fit, the rest in one bar
        busyPlot = TopCategories.fittingPlot(new CategoryAxis(), new NumberAxis("busy ms per request"), busyRenderer,
                () -> busyShown);
        cdfRenderer.setDefaultToolTipGenerator((data, series, item) -> data.getSeriesKey(series) + ": "
                + Formats.percent(data.getYValue(series, item)) + " of requests within "
                + Formats.ms(data.getXValue(series, item) / 1e3));
        busyRenderer.setDefaultToolTipGenerator((data, row, column) -> data.getRowKey(row) + ", " + data.getColumnKey(column)
                + ": busy " + Formats.ms(data.getValue(row, column).doubleValue() / 1e3) + " per request");
        busy = ChartStyling.titled("Busy time per node and link, both states", busyPlot, true);
    }

    public JFreeChart cdf() {
        return cdf;
    }

    public JFreeChart busy() {
        return busy;
    }

    /** Shows two states; either may be null (nothing to draw for it). */
    public void show(String nameA, Metrics a, String nameB, Metrics b) {
        XYSeriesCollection curves = new XYSeriesCollection();
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        add(curves, bars, nameA, a);
        add(curves, bars, nameB == null || nameB.equals(nameA) ? nameB + " " : nameB, b);
        ChartStyling.spanAtLeastATenthOf((NumberAxis) cdfPlot.getDomainAxis(),
                curves.getSeriesCount() == 0 ? 0 : curves.getDomainUpperBound(false));
        cdfPlot.setDataset(curves);
        busyShown = new TopCategories(bars);
        busyPlot.setDataset(busyShown);
    }

    private static void add(XYSeriesCollection curves, DefaultCategoryDataset bars, String name, Metrics m) {
        if (m == null || name == null) {
            return;
        }
        curves.addSeries(ChartData.cdfSeries(name, m.latency()));
        for (ResourceUse r : m.resources()) {
            bars.addValue(r.loadPerRequest() * 1e3, name, r.id());
        }
    }

    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(cdf, p);
        ChartStyling.apply(busy, p);
        ChartStyling.seriesColours(cdfRenderer, 2, p);
        ChartStyling.seriesColours(busyRenderer, 2, p);
    }
}
