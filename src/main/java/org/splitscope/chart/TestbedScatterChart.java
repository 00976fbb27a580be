package org.splitscope.chart;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitscope.testbed.PlanResult;
import org.splitscope.testbed.TestbedRun;

/**
 * Predicted against measured over the plans of a testbed run, one point per plan, with the line
 * y = x (a perfect prediction) and R^2 about that line in the title. Plain JFreeChart, so that
 * the window and the report draw the same chart.
 */
public final class TestbedScatterChart {
    /** What the chart compares. */
    public enum Quantity {
        MEAN_LATENCY("mean latency", "ms"),
        THROUGHPUT("throughput", "req/s");

        private final String label;
        private final String unit;

        Quantity(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        /** The predicted value of a plan in the chart's unit; NaN when the evaluator has none. */
        public double predicted(PlanResult r) {
            return this == MEAN_LATENCY ? r.predicted().latency().mean() * 1e3
                    : r.predicted().throughputPerSecond() == null ? Double.NaN : r.predicted().throughputPerSecond();
        }

        public double measured(PlanResult r) {
            return this == MEAN_LATENCY ? r.measured().meanLatency() * 1e3 : r.measured().throughputPerSecond();
        }

        public double rSquared(TestbedRun run) {
            return this == MEAN_LATENCY ? run.rSquaredMeanLatency() : run.rSquaredThroughput();
        }
    }

    public static final String PLANS = "plans";
    public static final String IDEAL = "y = x";

    private final Quantity quantity;
    private final XYPlot plot;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    private final JFreeChart chart;

    public TestbedScatterChart(Quantity quantity) {
        this.quantity = quantity;
        NumberAxis x = new NumberAxis("predicted " + quantity.label + " (" + quantity.unit + ")");
        NumberAxis y = new NumberAxis("measured " + quantity.label + " (" + quantity.unit + ")");
        plot = new XYPlot(null, x, y, renderer);
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesShapesVisible(0, true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        renderer.setDefaultToolTipGenerator((data, series, item) -> series == 0
                ? "predicted " + figure(data.getXValue(series, item)) + ", measured " + figure(data.getYValue(series, item))
                : IDEAL + ": a perfect prediction");
        chart = ChartStyling.titled(title(Double.NaN), plot, true);
        show(null);
    }

    public String id() {
        return quantity == Quantity.MEAN_LATENCY ? "testbed-latency" : "testbed-throughput";
    }

    public Quantity quantity() {
        return quantity;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** Replaces the points with a run's plans ({@code null}: none); plans without a prediction are left out. */
    public void show(TestbedRun run) {
        XYSeries points = new XYSeries(PLANS, false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (PlanResult r : run == null ? List.<PlanResult>of() : run.results()) {
            double p = quantity.predicted(r);
            double m = quantity.measured(r);
            if (Double.isFinite(p) && Double.isFinite(m)) {
                points.add(p, m);
                lo = Math.min(lo, Math.min(p, m));
                hi = Math.max(hi, Math.max(p, m));
            }
        }
        XYSeries ideal = new XYSeries(IDEAL, false, true);
        if (!points.isEmpty()) {
            // the line spans every point on both axes, so that a point off it is seen as off it
            ideal.add(Math.max(0, lo * 0.9), Math.max(0, lo * 0.9));
            ideal.add(hi * 1.1, hi * 1.1);
        }
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(points);
        d.addSeries(ideal);
        plot.setDataset(d);
        chart.getTitle().setText(title(run == null ? Double.NaN : quantity.rSquared(run)));
    }

    private String figure(double v) {
        return quantity == Quantity.MEAN_LATENCY ? Formats.ms(v / 1e3) : Formats.rate(v);
    }

    private String title(double r2) {
        return "Measured vs predicted " + quantity.label + ", R^2 = "
                + (Double.isNaN(r2) ? "n/a (needs two plans that differ)" : String.format(Locale.ROOT, "%.3f", r2));
    }

    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        renderer.setSeriesPaint(0, p.series(0));
        renderer.setSeriesPaint(1, p.marker());
    }
}
