package org.splitscope.chart;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitscope.io.SweepCsv;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.perf.Metrics;

/**
 * The Pareto front of a search: each plan at its mean latency and accuracy, its marker the larger
 * the more it costs per request, with the current plan marked. Every figure is read from the
 * evaluator's {@link Metrics} the search returned. Clicks are resolved to plans by
 * {@link #pointAt(ChartEntity)}; the view that shows the chart decides what a click does.
 */
public final class ParetoChart implements ExplorerChart {
    public static final String FRONT = "Pareto front";
    public static final String CURRENT = "current plan";
    private static final double SMALLEST = 6;
    private static final double LARGEST = 16;

    private final XYPlot plot;
    private final CostSizedRenderer renderer = new CostSizedRenderer();
    private final JFreeChart chart;
    private final TextTitle costScale = new TextTitle("");
    private List<ParetoPoint> points = List.of();
    private boolean hasCurrent;
    private double currentLatencyMs;
    private double currentAccuracyPercent;

    /** Draws front points with a size by cost; the current plan with a fixed ring. */
    private final class CostSizedRenderer extends XYLineAndShapeRenderer {
        private double cheapest;
        private double dearest;

        CostSizedRenderer() {
            super(false, true);
        }

        @Override
        public Shape getItemShape(int series, int item) {
            if (series != 0 || item >= points.size()) {
                return super.getItemShape(series, item);
            }
            double cost = points.get(item).metrics().costUsdPerRequest();
            double share = dearest > cheapest ? (cost - cheapest) / (dearest - cheapest) : 0;
            double d = SMALLEST + share * (LARGEST - SMALLEST);
            return new Ellipse2D.Double(-d / 2, -d / 2, d, d);
        }
    }

    public ParetoChart() {
        NumberAxis x = new NumberAxis("mean latency (ms)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(null, x, y, renderer);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesShapesFilled(1, false);
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> series == 0 && item < points.size()
                ? tooltip(points.get(item)) : CURRENT + ": " + Formats.ms(currentLatencyMs / 1e3) + " mean, "
                + Formats.percent(currentAccuracyPercent / 100) + " accuracy");
        chart = ChartStyling.titled("Pareto front: latency, accuracy, cost (click a point to apply it)", plot, true);
        costScale.setFont(ChartStyling.LABEL);
        chart.addSubtitle(costScale);
        show(List.of());
    }

    @Override
    public String id() {
        return "pareto";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    /** Replaces the front; the points' order is kept, so item i of the front series is point i. */
    public void show(List<ParetoPoint> front) {
        show(front, "Run the search to see the front");
    }

    /** As {@link #show(List)}; {@code whenEmpty} says why there is no front when it is empty (not run yet, none found). */
    public void show(List<ParetoPoint> front, String whenEmpty) {
        points = List.copyOf(front);
        renderer.cheapest = points.stream().mapToDouble(p -> p.metrics().costUsdPerRequest()).min().orElse(0);
        renderer.dearest = points.stream().mapToDouble(p -> p.metrics().costUsdPerRequest()).max().orElse(0);
        costScale.setText(points.isEmpty() ? whenEmpty
                : String.format(Locale.ROOT, "marker size: cost per million requests, %s (small) to %s (large)",
                        Formats.usd(renderer.cheapest * 1e6), Formats.usd(renderer.dearest * 1e6)));
        redraw();
    }

    @Override
    public void show(ChartData data) {
        showCurrent(data.meanLatencyMs() / 1e3, data.accuracyPercent() == null ? null : data.accuracyPercent() / 100);
    }

    /** The current plan's point (the live metrics' mean latency in seconds and accuracy share). */
    public void showCurrent(double meanLatency, Double accuracy) {
        currentLatencyMs = meanLatency * 1e3;
        currentAccuracyPercent = accuracy == null ? 0 : accuracy * 100;
        hasCurrent = true;
        redraw();
    }

    /** The front point a chart entity (under a click) stands for; {@code null} for anything else. */
    public ParetoPoint pointAt(ChartEntity entity) {
        if (entity instanceof XYItemEntity e && e.getSeriesIndex() == 0 && e.getItem() < points.size()) {
            return points.get(e.getItem());
        }
        return null;
    }

    /** The line under the plot: the marker sizes' cost scale, or why there is no front. */
    public String note() {
        return costScale.getText();
    }

    public List<ParetoPoint> points() {
        return points;
    }

    private void redraw() {
        XYSeries front = new XYSeries(FRONT, false, true);
        for (ParetoPoint p : points) {
            Metrics m = p.metrics();
            // a profile without exit statistics has no accuracy: its plans sit on the axis at 0
            front.add(m.meanLatency() * 1e3, m.accuracy() == null ? 0 : m.accuracy() * 100);
        }
        XYSeries now = new XYSeries(CURRENT, false, true);
        if (hasCurrent) {
            now.add(currentLatencyMs, currentAccuracyPercent);
        }
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(front);
        d.addSeries(now);
        // one point alone (before a run, or a run with no front) would get an axis 1e-8 wide, every tick one label
        double largest = Math.max(Math.abs(currentLatencyMs), front.isEmpty() ? 0 : Math.abs(front.getMaxX()));
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeMinimumSize(Math.max(0.1 * largest, 1e-3));
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeMinimumSize(1);
        plot.setDataset(d);
    }

    static String tooltip(ParetoPoint p) {
        Metrics m = p.metrics();
        return Formats.ms(m.meanLatency()) + " mean, " + (m.accuracy() == null ? "unknown" : Formats.percent(m.accuracy()))
                + " accuracy, " + Formats.usd(m.costUsdPerMillion()) + " per million requests: " + SweepCsv.stages(p.plan());
    }

    @Override
    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        costScale.setPaint(p.text());
        renderer.setSeriesPaint(0, p.series(0));
        renderer.setSeriesPaint(1, p.marker());
    }
}
