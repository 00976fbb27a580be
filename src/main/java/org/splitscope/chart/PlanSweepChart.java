package org.splitscope.chart;

import java.awt.BasicStroke;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepPoint;
import org.splitscope.whatif.SweepResult;

/**
 * A one-parameter what-if: a metric of the current plan and of the best plan at every swept value
 * (log x axis where the sweep is logarithmic; log y on request, where every figure is above 0),
 * with a vertical marker where the best cut or placement changes, labelled with the new best plan,
 * and a ring on each best-plan point that its search did not prove optimal. Figures are the
 * sweep's; none is computed here.
 */
public final class PlanSweepChart implements ExplorerChart {
    public static final String CURRENT = "current plan";
    public static final String BEST = "best plan";
    /** Rings on the best plan's points where its search did not prove it optimal. */
    public static final String UNPROVEN = "best plan not proven optimal";
    /**
     * Change labels step down this many lines and start again: consecutive changes (a floor sweep
     * of an exit-rich model changes plan at nearly every value) would otherwise print on one line.
     */
    static final int LABEL_LINES = 6;
    private static final double LABEL_LINE_PX = 13;

    private final XYPlot plot;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    private final JFreeChart chart;
    private SweepResult result;
    private SweepMetric metric = SweepMetric.LATENCY;
    private boolean logY;
    private ChartPalette palette;

    public PlanSweepChart() {
        plot = new XYPlot(new XYSeriesCollection(), new NumberAxis("value"), linear(metric.axis()), renderer);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 4f}, 0f));
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesShapesFilled(2, false);
        renderer.setSeriesOutlineStroke(2, new BasicStroke(2f));
        renderer.setUseOutlinePaint(false);
        renderer.setDefaultToolTipGenerator((data, series, item) -> result == null ? null : result.parameter() + " "
                + Formats.parameter(result.parameter(), data.getXValue(series, item)) + ": "
                + (series == 2 ? BEST : data.getSeriesKey(series)) + " " + metric.format(data.getYValue(series, item))
                + (series == 2 ? " (not proven optimal)" : ""));
        chart = ChartStyling.titled("What-if sweep: current plan and best plan", plot, true);
    }

    @Override
    public String id() {
        return "whatif-sweep";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    /** The live metrics do not move a sweep; it changes only with {@link #showSweep}. */
    @Override
    public void show(ChartData data) {
    }

    public void showSweep(SweepResult sweep, SweepMetric shown) {
        showSweep(sweep, shown, false);
    }

    /** @param logScale a log y axis, used where every plotted figure is above 0 (the axis label says when it is not) */
    public void showSweep(SweepResult sweep, SweepMetric shown, boolean logScale) {
        result = sweep;
        metric = shown;
        logY = logScale;
        redraw();
    }

    /** Whether a log axis can show these figures: at least one, and every one above 0 (missing ones leave gaps). */
    static boolean logScaleFits(List<Double> figures) {
        return figures.stream().anyMatch(v -> v != null) && figures.stream().allMatch(v -> v == null || v > 0);
    }

    public XYPlot plot() {
        return plot;
    }

    private void redraw() {
        plot.clearDomainMarkers();
        if (result == null) {
            plot.setRangeAxis(linear(metric.axis()));
            plot.setDataset(new XYSeriesCollection());
            if (palette != null) {
                applyPalette(palette);
            }
            return;
        }
        List<Double> figures = new java.util.ArrayList<>();
        for (SweepPoint p : result.points()) {
            figures.add(metric.value(p.current()));
            figures.add(metric.value(p.optimal()));
        }
        ValueAxis y;
        double low = figures.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).min().orElse(0);
        double high = figures.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
        boolean flat = high - low <= 1e-9 * Math.abs(high);
        if (logY && logScaleFits(figures) && !flat) {
            LogAxis log = new LogAxis(metric.axis() + ", log scale");
            log.setSmallestValue(Double.MIN_NORMAL);
            y = log;
        } else {
            y = linear(!logY ? metric.axis() : flat && logScaleFits(figures) ? metric.axis() + " (linear: the curves are flat)"
                    : metric.axis() + " (linear: a figure is 0 or less)");
            // flat curves (latency while a price is swept) would get an axis 1e-8 wide, every tick the same label
            double largest = figures.stream().filter(v -> v != null).mapToDouble(Math::abs).max().orElse(0);
            y.setAutoRangeMinimumSize(Math.max(0.1 * largest, 1e-6));
        }
        plot.setRangeAxis(y);
        ValueAxis x = result.log() ? new LogAxis(result.parameter().toString()) : new NumberAxis(result.parameter().toString());
        if (x instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        } else {
            ((LogAxis) x).setSmallestValue(Double.MIN_NORMAL);
        }
        plot.setDomainAxis(x);
        XYSeries current = new XYSeries(CURRENT, false, true);
        XYSeries best = new XYSeries(BEST, false, true);
        XYSeries unproven = new XYSeries(UNPROVEN, false, true);
        for (SweepPoint p : result.points()) {
            add(current, p.value(), metric.value(p.current()));
            add(best, p.value(), metric.value(p.optimal()));
            if (p.unproven() && metric.value(p.optimal()) != null) {
                add(unproven, p.value(), metric.value(p.optimal()));
            }
        }
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(current);
        d.addSeries(best);
        if (!unproven.isEmpty()) {
            d.addSeries(unproven);
        }
        plot.setDataset(d);
        List<SweepPoint> points = result.points();
        int k = 0;
        for (int i : result.changes()) {
            ValueMarker m = new ValueMarker(points.get(i).value());
            m.setLabel(SweepGrid.signature(points.get(i).optimalPlan()));
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            m.setLabelOffset(new RectangleInsets(3 + LABEL_LINE_PX * (k++ % LABEL_LINES), 3, 3, 3));
            m.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f));
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        if (palette != null) {
            applyPalette(palette);
        }
    }

    private static NumberAxis linear(String label) {
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        return y;
    }

    /** A point without the figure (invalid there, unknown accuracy) leaves a gap rather than a made-up value. */
    private static void add(XYSeries s, double x, Double y) {
        s.add(x, y);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        palette = p;
        ChartStyling.apply(chart, p);
        renderer.setSeriesPaint(0, p.series(0));
        renderer.setSeriesPaint(1, p.series(1));
        renderer.setSeriesPaint(2, p.series(1));
        for (Object o : plot.getDomainMarkers(Layer.FOREGROUND) == null ? List.of() : plot.getDomainMarkers(Layer.FOREGROUND)) {
            ((ValueMarker) o).setPaint(p.marker());
            ((ValueMarker) o).setLabelPaint(p.text());
        }
    }
}
