package org.splitscope.chart;

import java.util.HashSet;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
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

    public MemoryChart() {
        CategoryAxis x = new CategoryAxis();
        x.setMaximumCategoryLabelWidthRatio(0.45f);
        plot = new CategoryPlot(null, x, percent, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL); // category labels stay readable
        capacity.setLabel("capacity");
        capacity.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        capacity.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(capacity);
        chart = ChartStyling.titled("Memory per node against capacity", plot, false);
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
            top = Math.max(top, data.memory().getValue(0, c).doubleValue());
        }
        percent.setRange(0, top * 1.15); // the capacity line stays in view even when every node has room
        plot.setDataset(data.memory());
        chart.setNotify(true);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        ChartStyling.seriesColours(renderer, 1, p);
        renderer.setHighlightPaint(p.highlight());
        capacity.setPaint(p.marker());
        capacity.setLabelPaint(p.text());
    }
}
