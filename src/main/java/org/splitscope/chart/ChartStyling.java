package org.splitscope.chart;

import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;

/** Applies a palette to a chart's backgrounds, text, axes and grid (the parts every chart shares). */
final class ChartStyling {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private ChartStyling() {
    }

    /**
     * Keeps an axis readable when its data have (almost) one value, e.g. one outcome's latency:
     * JFreeChart widens a zero-width range to 1e-8 and labels every tick with the same
     * "5.961047E2". The axis spans at least a tenth of the value instead (1 unit about zero).
     */
    static void spanAtLeastATenthOf(NumberAxis axis, double value) {
        double span = Math.abs(value) * 0.1;
        axis.setAutoRangeMinimumSize(Double.isFinite(span) && span > 0 ? span : 1);
    }

    /** Every value axis of the plot fits its data again (a zoom or pan sets fixed ranges). */
    static void autoRange(Plot plot) {
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                auto(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                auto(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot c) {
            for (int i = 0; i < c.getRangeAxisCount(); i++) {
                auto(c.getRangeAxis(i));
            }
        }
    }

    private static void auto(ValueAxis axis) {
        if (axis != null) {
            axis.setAutoRange(true);
        }
    }

    /** A chart with the explorer's fonts, before any palette is known. */
    static JFreeChart titled(String title, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK);
        }
        return chart;
    }

    static void apply(JFreeChart chart, ChartPalette p) {
        chart.setBackgroundPaint(p.background());
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setPaint(p.text());
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(p.background());
            legend.setItemPaint(p.text());
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(p.plotBackground());
        plot.setOutlinePaint(p.grid());
        if (plot instanceof CategoryPlot c) {
            axes(p, c.getDomainAxis(), c.getRangeAxis());
            c.setRangeGridlinePaint(p.grid());
            c.setDomainGridlinePaint(p.grid());
        } else if (plot instanceof XYPlot xy) {
            axes(p, xy.getDomainAxis(), xy.getRangeAxis());
            xy.setRangeGridlinePaint(p.grid());
            xy.setDomainGridlinePaint(p.grid());
        }
    }

    /** Series colours in palette order. */
    static void seriesColours(AbstractRenderer r, int count, ChartPalette p) {
        for (int i = 0; i < count; i++) {
            r.setSeriesPaint(i, p.series(i), false);
        }
        r.setDefaultPaint(p.series(0), false);
    }

    private static void axes(ChartPalette p, Axis... axes) {
        for (Axis a : axes) {
            // only an axis JFreeChart made (a chart may make new ones): a scaled chart keeps its sizes
            if (a.getLabelFont().equals(Axis.DEFAULT_AXIS_LABEL_FONT)) {
                a.setLabelFont(LABEL);
            }
            if (a.getTickLabelFont().equals(Axis.DEFAULT_TICK_LABEL_FONT)) {
                a.setTickLabelFont(TICK);
            }
            a.setLabelPaint(p.text());
            a.setTickLabelPaint(p.text());
            a.setAxisLinePaint(p.grid());
            a.setTickMarkPaint(p.grid());
        }
    }
}
