package org.splitscope.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.HashSet;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/** Memory each node needs for its share of the plan against its capacity; a node that overflows is highlighted. */
public final class MemoryChart implements ExplorerChart {
    private final CategoryPlot plot;
    private final HighlightBarRenderer renderer = new HighlightBarRenderer(0);
    private final JFreeChart chart;
    private final ValueMarker capacity = new ValueMarker(100);
    private final NumberAxis percent = new NumberAxis("% of capacity");
    /** Says so when no node that runs a stage has a memory limit: an empty plot read as nodes needing nothing. */
    private final org.jfree.chart.title.TextTitle note = new org.jfree.chart.title.TextTitle("");
    static final String NO_LIMITS = "No memory limit on the nodes running stages";
    private double range = 130;
    /** Three significant digits: "0.0128 %", "41.3 %", "250 %". */
    static final NumberFormat SHARE = new ThreeDigitPercent();

    public MemoryChart() {
        CategoryAxis x = new CategoryAxis();
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        plot = new CategoryPlot(null, x, percent, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL); // category labels stay readable
        capacity.setLabel("capacity");
        // inside the plot, left of the line: above it the label was cut off by the plot's edge
        capacity.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        capacity.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        // shares of a few percent or less are bars too thin to see: each bar says its share
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", SHARE));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setDefaultToolTipGenerator((data, row, column) -> data.getColumnKey(column) + ": "
                + SHARE.format(data.getValue(row, column).doubleValue()) + " of its capacity");
        plot.addRangeMarker(capacity);
        chart = ChartStyling.titled("Memory per node against capacity", plot, false);
        note.setFont(ChartStyling.LABEL);
        chart.addSubtitle(note);
    }

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public void show(ChartData data) {
        chart.setNotify(false);
        renderer.highlight(new HashSet<>(data.memoryOverflow()));
        double top = 100;
        for (int c = 0; c < data.memory().getColumnCount(); c++) {
            Number share = data.memory().getValue(0, c);
            top = share == null ? top : Math.max(top, share.doubleValue());
        }
        range = top * 1.3; // the capacity line and the bars' labels stay in view
        boolean anyLimit = false;
        for (int c = 0; c < data.memory().getColumnCount(); c++) {
            anyLimit |= data.memory().getValue(0, c) != null;
        }
        note.setText(anyLimit || data.memory().getColumnCount() == 0 ? "" : NO_LIMITS);
        percent.setRange(0, range);
        plot.setDataset(data.memory());
        chart.setNotify(true);
    }

    @Override
    public void resetZoom() {
        percent.setRange(0, range);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        ChartStyling.seriesColours(renderer, 1, p);
        renderer.setHighlightPaint(p.highlight());
        capacity.setPaint(p.marker());
        capacity.setLabelPaint(p.text());
        note.setPaint(p.text());
        renderer.setDefaultItemLabelPaint(p.text());
    }

    /** A percentage to three significant digits, written out (no exponent). */
    private static final class ThreeDigitPercent extends NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            String digits = !Double.isFinite(v) || v == 0 ? (v == 0 ? "0" : String.valueOf(v))
                    : new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
            return to.append(digits).append(" %");
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("labels are only written");
        }
    }
}
