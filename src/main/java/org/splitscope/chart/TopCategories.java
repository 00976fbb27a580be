package org.splitscope.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.UnknownKeyException;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.general.AbstractDataset;

/**
 * A category dataset seen through a limit: at most {@code limit} categories, the largest ones in
 * their own order and the rest folded into one "busiest of N others" category holding their
 * largest value.
 * A chart sets the limit from the height it is about to draw in, so that 36 resources (the SEIFER
 * sample) leave each bar a readable label in the tab and are all shown in a tall window. Setting
 * the limit fires no event: the view only changes what the next drawing reads.
 */
final class TopCategories extends AbstractDataset implements CategoryDataset {
    private static final long serialVersionUID = 1L;
    /** A category label needs about one and a half lines of its font. */
    private static final double PITCH = 1.5;
    /** The value axis above the bars: its tick labels and its label. */
    private static final double VALUE_AXIS = 40;
    private final transient CategoryDataset all;
    private transient List<Integer> kept;
    private transient String others;
    private int limit = Integer.MAX_VALUE;

    TopCategories(CategoryDataset all) {
        this.all = all;
        fit(limit);
    }

    /**
     * A horizontal bar plot that, before each drawing, fits the dataset's categories to its
     * height; {@code shown} gives the dataset set last ({@code null}: none yet).
     */
    static CategoryPlot fittingPlot(CategoryAxis categories, ValueAxis values, CategoryItemRenderer renderer,
                                    Supplier<TopCategories> shown) {
        CategoryPlot plot = new CategoryPlot(null, categories, values, renderer) {
            private static final long serialVersionUID = 1L;

            @Override
            public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState,
                             PlotRenderingInfo info) {
                TopCategories s = shown.get();
                if (s != null) {
                    s.fit(fitting(area.getHeight() - VALUE_AXIS, categories.getTickLabelFont()));
                }
                super.draw(g2, area, anchor, parentState, info);
            }
        };
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        return plot;
    }

    /** How many category labels in {@code font} fit one above the other in {@code height} pixels. */
    static int fitting(double height, Font font) {
        return Math.max(2, (int) Math.floor(height / (font.getSize2D() * PITCH)));
    }

    /** Shows at most {@code max} categories (at least two: one and the others). */
    void fit(int max) {
        int n = all.getColumnCount();
        if (kept != null && Math.max(2, max) == limit) {
            return;
        }
        limit = Math.max(2, max);
        if (n <= limit) {
            kept = IntStream.range(0, n).boxed().toList();
            others = null;
            return;
        }
        List<Integer> byValue = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        byValue.sort(Comparator.comparingDouble(this::largest).reversed());
        kept = byValue.subList(0, limit - 1).stream().sorted().toList();
        others = "busiest of " + (n - kept.size()) + " others";
    }

    /** The folded category's key, or {@code null} when every category is shown. */
    String others() {
        return others;
    }

    /** The number of categories folded into {@link #others()}. */
    int folded() {
        return all.getColumnCount() - kept.size();
    }

    private double largest(int column) {
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < all.getRowCount(); r++) {
            Number v = all.getValue(r, column);
            max = v == null ? max : Math.max(max, v.doubleValue());
        }
        return max;
    }

    @Override
    public Comparable getRowKey(int row) {
        return all.getRowKey(row);
    }

    @Override
    public int getRowIndex(Comparable key) {
        return all.getRowIndex(key);
    }

    @Override
    public List getRowKeys() {
        return all.getRowKeys();
    }

    @Override
    public Comparable getColumnKey(int column) {
        return column < kept.size() ? all.getColumnKey(kept.get(column).intValue()) : others;
    }

    @Override
    public int getColumnIndex(Comparable key) {
        if (key.equals(others)) {
            return kept.size();
        }
        int i = all.getColumnIndex(key);
        return i < 0 ? -1 : kept.indexOf(i);
    }

    @Override
    public List getColumnKeys() {
        List<Comparable> keys = new ArrayList<>();
        for (int c = 0; c < getColumnCount(); c++) {
            keys.add(getColumnKey(c));
        }
        return keys;
    }

    @Override
    public Number getValue(Comparable rowKey, Comparable columnKey) {
        int r = getRowIndex(rowKey);
        int c = getColumnIndex(columnKey);
        if (r < 0 || c < 0) {
            throw new UnknownKeyException("no value for " + rowKey + ", " + columnKey);
        }
        return valueAt(r, c);
    }

    @Override
    public int getRowCount() {
        return all.getRowCount();
    }

    @Override
    public int getColumnCount() {
        return kept.size() + (others == null ? 0 : 1);
    }

    @Override
    public Number getValue(int row, int column) {
        return valueAt(row, column);
    }

    private Number valueAt(int row, int column) {
        if (column < kept.size()) {
            return all.getValue(row, kept.get(column).intValue());
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < all.getColumnCount(); c++) {
            Number v = all.getValue(row, c);
            if (!kept.contains(c) && v != null) {
                max = Math.max(max, v.doubleValue());
            }
        }
        return Double.isInfinite(max) ? null : max;
    }
}
