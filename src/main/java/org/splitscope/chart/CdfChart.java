package org.splitscope.chart;

import java.awt.BasicStroke;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** The latency distribution (under load where there is one) as a CDF, with p50, p95 and p99 marked. */
public final class CdfChart implements ExplorerChart {
    private final XYPlot plot;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart chart;
    private final ValueMarker[] markers = new ValueMarker[3];
    private static final String[] NAMES = {"p50", "p95", "p99"};

    public CdfChart() {
        NumberAxis x = new NumberAxis("latency (ms)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("P(latency ≤ x)");
        y.setRange(0, 1.05);
        plot = new XYPlot(null, x, y, renderer);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        for (int i = 0; i < markers.length; i++) {
            markers[i] = new ValueMarker(0);
            markers[i].setLabelAnchor(RectangleAnchor.TOP_LEFT);
            markers[i].setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            markers[i].setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {4f, 3f}, 0f));
            plot.addDomainMarker(markers[i]);
        }
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
            markers[i].setLabel(String.format(Locale.ROOT, "%s %.1f", NAMES[i], at[i]));
        }
        ChartStyling.spanAtLeastATenthOf((NumberAxis) plot.getDomainAxis(), data.p50Ms());
        plot.setDataset(data.cdf());
        chart.setNotify(true);
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
