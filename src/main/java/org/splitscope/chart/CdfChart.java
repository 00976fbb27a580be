package org.splitscope.chart;

import java.awt.BasicStroke;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.LengthAdjustmentType;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/** The latency distribution (under load where there is one) as a CDF, with p50, p95 and p99 marked. */
public final class CdfChart implements ExplorerChart {
    private final XYPlot plot;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart chart;
    private final NumberAxis x = new NumberAxis("latency (ms)");
    private final NumberAxis y = new NumberAxis("P(latency ≤ x)");
    private final ValueMarker[] markers = new ValueMarker[3];
    private static final String[] NAMES = {"p50", "p95", "p99"};
    /** Each label one text line below the one before, so that close percentiles do not overwrite each other. */
    private static final double LINE = 12;

    public CdfChart() {
        x.setAutoRangeIncludesZero(false);
        plot = new XYPlot(null, x, y, renderer);
        resetZoom();
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setDefaultToolTipGenerator((data, series, item) -> Formats.percent(data.getYValue(series, item))
                + " of requests within " + Formats.ms(data.getXValue(series, item) / 1e3));
        for (int i = 0; i < markers.length; i++) {
            markers[i] = new ValueMarker(0);
            markers[i].setLabelOffsetType(LengthAdjustmentType.EXPAND);
            markers[i].setLabelOffset(new RectangleInsets(3 + i * LINE, 3, 3, 3));
            markers[i].setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {4f, 3f}, 0f));
            plot.addDomainMarker(markers[i]);
        }
        x.addChangeListener(e -> placeLabels());
        chart = ChartStyling.titled("Latency distribution", plot, false);
    }

    @Override
    public String id() {
        return "cdf";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public void show(ChartData data) {
        chart.setNotify(false);
        double[] at = {data.p50Ms(), data.p95Ms(), data.p99Ms()};
        for (int i = 0; i < markers.length; i++) {
            markers[i].setValue(at[i]);
            markers[i].setLabel(NAMES[i] + " " + Formats.ms(at[i] / 1e3));
        }
        x.setLabel(data.cdfAxis());
        ChartStyling.spanAtLeastATenthOf(x, data.p50Ms());
        plot.setDataset(data.cdf());
        placeLabels();
        chart.setNotify(true);
    }

    /**
     * A label reads away from the nearer edge of the plot: left of its line in the right half,
     * right of it in the left half (always on one side, p99 at the right edge was cut off).
     */
    private void placeLabels() {
        Range r = x.getRange();
        for (ValueMarker m : markers) {
            boolean toTheRight = m.getValue() - r.getLowerBound() < r.getLength() / 2;
            RectangleAnchor anchor = toTheRight ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT;
            if (m.getLabelAnchor() != anchor || m.getLabelTextAnchor() == TextAnchor.CENTER) {
                m.setLabelAnchor(anchor);
                m.setLabelTextAnchor(toTheRight ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            }
        }
    }

    /** The probability axis keeps its 0..1.05 (1 stays clear of the plot's top edge). */
    @Override
    public void resetZoom() {
        x.setAutoRange(true);
        y.setRange(0, 1.05);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        renderer.setSeriesPaint(0, p.series(0));
        for (ValueMarker m : markers) {
            m.setPaint(p.marker());
            m.setLabelPaint(p.text());
        }
    }
}
