package org.splitscope.chart;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;

/**
 * Use of every node and link: utilization at the workload's arrival rate, or busy ms per request
 * without one. The bottleneck, which sets the throughput, is highlighted. Where the resources'
 * labels would overlap, the busiest that fit are shown and the rest are one "busiest of N others" bar.
 */
public final class UtilizationChart implements ExplorerChart {
    private final CategoryAxis resources = new CategoryAxis();
    private final CategoryPlot plot;
    private final HighlightBarRenderer renderer = new HighlightBarRenderer(0);
    private final NumberAxis valueAxis = new NumberAxis();
    private final JFreeChart chart;
    private final NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
    private TopCategories shown;
    private boolean loaded;
    private String bottleneck;

    public UtilizationChart() {
        resources.setMaximumCategoryLabelWidthRatio(0.45f);
        percent.setMaximumFractionDigits(2);
        // horizontal, so that category labels stay readable
        plot = TopCategories.fittingPlot(resources, valueAxis, renderer, () -> shown);
        renderer.setDefaultToolTipGenerator((data, row, column) -> tooltip(data.getColumnKey(column),
                data.getValue(row, column).doubleValue()));
        chart = ChartStyling.titled("Utilization per node and link", plot, false);
    }

    private String tooltip(Comparable<?> resource, double value) {
        String figure = loaded ? "utilization " + Formats.percent(value) + " at the arrival rate"
                : "busy " + Formats.ms(value / 1e3) + " per request";
        boolean folded = shown != null && resource.equals(shown.others());
        return folded ? resource + ": " + figure
                : resource + ": " + figure + (resource.equals(bottleneck) ? " (the bottleneck)" : "");
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
        loaded = data.utilizationAxis().startsWith("utilization");
        valueAxis.setLabel(data.utilizationAxis());
        valueAxis.setNumberFormatOverride(loaded ? percent : null);
        bottleneck = data.bottleneck();
        renderer.highlight(bottleneck == null ? Set.of() : Set.of(bottleneck));
        shown = new TopCategories(data.utilization());
        plot.setDataset(shown);
        chart.setNotify(true);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        ChartStyling.seriesColours(renderer, 1, p);
        renderer.setHighlightPaint(p.highlight());
    }
}
