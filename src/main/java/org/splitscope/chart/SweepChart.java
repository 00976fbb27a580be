package org.splitscope.chart;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitscope.whatif.ThresholdSweep;

/** Accuracy against expected latency as the exit thresholds sweep, with the current plan's point. */
public final class SweepChart implements ExplorerChart {
    public static final String SWEEP = "thresholds swept";
    public static final String CURRENT = "current plan";

    private final XYPlot plot;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    private final JFreeChart chart;
    private List<ThresholdSweep.Point> points = List.of();
    /** Says why there is no curve where the plan enables no exit: a lone point and a legend entry for nothing puzzled. */
    private final org.jfree.chart.title.TextTitle note = new org.jfree.chart.title.TextTitle("");
    static final String NO_EXIT = "No exit enabled: no threshold to sweep";
    private ChartData current;

    public SweepChart() {
        NumberAxis x = new NumberAxis("expected latency (ms)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("accuracy (%)");
        y.setAutoRangeIncludesZero(false);
        plot = new XYPlot(null, x, y, renderer);
        plot.setNoDataMessage("No accuracy to sweep: the model has no early exits with statistics");
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setDefaultToolTipGenerator((data, series, item) -> data.getSeriesKey(series) + ": "
                + Formats.ms(data.getXValue(series, item) / 1e3) + " expected latency, "
                + Formats.percent(data.getYValue(series, item) / 100) + " accuracy");
        chart = ChartStyling.titled("Accuracy vs latency as thresholds sweep", plot, true);
        note.setFont(ChartStyling.LABEL);
        chart.addSubtitle(note);
    }

    @Override
    public String id() {
        return "sweep";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    public void showSweep(List<ThresholdSweep.Point> swept) {
        points = List.copyOf(swept);
        redraw();
    }

    /** The current plan's point moves with every change; the swept curve comes from {@link #showSweep}. */
    @Override
    public void show(ChartData data) {
        current = data;
        redraw();
    }

    private void redraw() {
        XYSeries sweep = new XYSeries(SWEEP, false, true);
        for (ThresholdSweep.Point p : points) {
            if (p.accuracy() != null) {
                sweep.add(p.meanLatency() * 1e3, p.accuracy() * 100);
            }
        }
        XYSeries now = new XYSeries(CURRENT, false, true);
        if (current != null && current.accuracyPercent() != null) {
            now.add(current.meanLatencyMs(), current.accuracyPercent());
        }
        XYSeriesCollection d = new XYSeriesCollection();
        d.addSeries(sweep);
        d.addSeries(now);
        // one outcome is the final classifier alone (or a last exit, which has no threshold): nothing to sweep
        boolean noExit = points.isEmpty() && current != null && current.accuracyPercent() != null
                && current.breakdown().getColumnCount() <= 1;
        note.setText(noExit ? NO_EXIT : "");
        // one point (no sweep yet, or a plan without exits) would get a 1e-8-wide axis of "9.135E1" ticks
        if (current != null) {
            ChartStyling.spanAtLeastATenthOf((NumberAxis) plot.getDomainAxis(), current.meanLatencyMs());
            ChartStyling.spanAtLeastATenthOf((NumberAxis) plot.getRangeAxis(),
                    current.accuracyPercent() == null ? 0 : current.accuracyPercent());
        }
        plot.setDataset(d);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        renderer.setSeriesPaint(0, p.series(0));
        renderer.setSeriesPaint(1, p.marker());
        plot.setNoDataMessagePaint(p.text());
        note.setPaint(p.text());
    }
}
