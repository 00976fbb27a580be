package org.splitscope.chart;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.CategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;

/**
 * A horizontal stacked bar chart of one of {@link ChartData}'s category datasets: the latency
 * breakdown per outcome (stacked by kind: compute, transfer, serialization/codec, cold start,
 * queueing) and the cost per million requests by resource (stacked by kind) are both this chart.
 * Horizontal so that category labels stay readable.
 */
public final class StackedBarChart implements ExplorerChart {
    private final String id;
    private final Function<ChartData, CategoryDataset> dataset;
    private final Function<ChartData, CategoryToolTipGenerator> tooltips;
    private final List<String> series;
    private final CategoryPlot plot;
    private final StackedBarRenderer renderer = new StackedBarRenderer();
    private final JFreeChart chart;
    private ChartPalette palette;
    private CategoryToolTipGenerator shownTooltips;

    /** @param series every row key the dataset may have: a series keeps its colour when others are missing */
    private StackedBarChart(String id, String title, String valueAxis, float labelWidthRatio, List<String> series,
                            Function<ChartData, CategoryDataset> dataset,
                            Function<ChartData, CategoryToolTipGenerator> tooltips) {
        this.id = id;
        this.dataset = dataset;
        this.tooltips = tooltips;
        this.series = series;
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryAxis x = new CategoryAxis();
        if (labelWidthRatio > 0) {
            x.setMaximumCategoryLabelWidthRatio(labelWidthRatio);
        }
        plot = new CategoryPlot(null, x, new NumberAxis(valueAxis), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        renderer.setDefaultToolTipGenerator((data, row, column) -> shownTooltips == null ? null
                : shownTooltips.generateToolTip(data, row, column));
        chart = ChartStyling.titled(title, plot, true);
    }

    /** Latency of each outcome, stacked by kind; which node or link each took is in the tooltip. */
    public static StackedBarChart breakdown() {
        return new StackedBarChart("breakdown", "Latency breakdown per outcome", "ms", 0, ChartData.GROUPS,
                ChartData::breakdown, StackedBarChart::breakdownTooltips);
    }

    /** Dollars per million requests by resource, stacked by kind (dedicated time, serverless, egress). */
    public static StackedBarChart cost() {
        StackedBarChart c = new StackedBarChart("cost", "Cost by resource", "$ per million requests", 0.45f, ChartData.COST_KINDS,
                ChartData::cost, d -> (data, row, column) -> data.getRowKey(row) + " on " + data.getColumnKey(column)
                        + ": " + Formats.usd(data.getValue(row, column).doubleValue()) + " per million requests");
        c.plot.setNoDataMessage("No resource in this scenario has a price");
        return c;
    }

    /**
     * "compute, final (62%): 12.30 ms of 45.67 ms; edge 10.00 ms, cloud 2.30 ms": the largest parts
     * first, none that would read "0.00 ms".
     */
    private static CategoryToolTipGenerator breakdownTooltips(ChartData d) {
        return (data, row, column) -> {
            String outcome = String.valueOf(data.getColumnKey(column));
            double total = 0;
            for (int r = 0; r < data.getRowCount(); r++) {
                Number v = data.getValue(r, column);
                total += v == null ? 0 : v.doubleValue();
            }
            Map<String, Double> parts = d.breakdownParts().getOrDefault(outcome, Map.of())
                    .getOrDefault(String.valueOf(data.getRowKey(row)), Map.of());
            return data.getRowKey(row) + ", " + outcome + ": " + Formats.ms(data.getValue(row, column).doubleValue() / 1e3)
                    + " of " + Formats.ms(total / 1e3) + "; " + parts.entrySet().stream()
                    .filter(e -> e.getValue() >= 0.005)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + Formats.ms(e.getValue() / 1e3)).collect(Collectors.joining(", "));
        };
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
        shownTooltips = tooltips.apply(data);
        CategoryDataset d = dataset.apply(data);
        colour(d);
        plot.setDataset(d);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        palette = p;
        ChartStyling.apply(chart, p);
        plot.setNoDataMessagePaint(p.text());
        colour(plot.getDataset());
    }

    private void colour(CategoryDataset d) {
        if (palette != null && d != null) {
            for (int r = 0; r < d.getRowCount(); r++) {
                int i = series.indexOf(String.valueOf(d.getRowKey(r)));
                renderer.setSeriesPaint(r, palette.series(i >= 0 ? i : r), false);
            }
            renderer.setDefaultPaint(palette.series(0), false);
        }
    }
}
