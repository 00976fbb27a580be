package org.splitscope.chart;

import java.awt.Paint;
import java.util.Set;

import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;

/** Bars with some columns of one row painted in the highlight colour (the bottleneck, an overflow). */
final class HighlightBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final int row;
    private transient Set<String> highlighted = Set.of();
    private transient Paint highlightPaint;

    HighlightBarRenderer(int row) {
        this.row = row;
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setItemMargin(0.05);
    }

    void highlight(Set<String> columns) {
        highlighted = Set.copyOf(columns);
    }

    void setHighlightPaint(Paint paint) {
        highlightPaint = paint;
    }

    @Override
    public Paint getItemPaint(int r, int column) {
        CategoryDataset d = getPlot() == null ? null : getPlot().getDataset();
        if (r == row && highlightPaint != null && d != null && column < d.getColumnCount()
                && highlighted.contains(String.valueOf(d.getColumnKey(column)))) {
            return highlightPaint;
        }
        return super.getItemPaint(r, column);
    }
}
