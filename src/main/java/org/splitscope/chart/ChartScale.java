package org.splitscope.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;

/**
 * A chart drawn larger for a projector: fonts, line widths, point markers and marker lines times a
 * factor. Each size is kept as it was before the first scaling and the scaled one is always
 * computed from it, so factor 1 gives back exactly the chart's own sizes. A palette change leaves
 * sizes alone ({@link ChartStyling} styles only the axes JFreeChart made).
 */
public final class ChartScale {
    /** Renderer series a chart may have; sizes of series that do not exist are never drawn. */
    private static final int SERIES = 8;
    private final JFreeChart chart;
    private final List<Size<?>> sizes = new ArrayList<>();
    private double factor = 1;

    public ChartScale(JFreeChart chart) {
        this.chart = chart;
    }

    public double factor() {
        return factor;
    }

    /** Draws the chart at {@code factor} times its own sizes (1: its own). */
    public void set(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("a chart's scale must be above 0, got " + factor);
        }
        if (factor == this.factor) {
            return;
        }
        if (this.factor == 1) {
            sizes.clear();
            collect();
        }
        this.factor = factor;
        reapply();
        if (factor == 1) {
            sizes.clear();
        }
    }

    private void reapply() {
        if (sizes.isEmpty()) {
            return;
        }
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        for (Size<?> s : sizes) {
            s.apply(factor);
        }
        chart.setNotify(notify);
    }

    /** One size of the chart: the original, how to set it, and how it scales. */
    private record Size<T>(T original, Consumer<T> setter, Scaler<T> scaler) {
        void apply(double f) {
            setter.accept(f == 1 ? original : scaler.scale(original, f));
        }
    }

    private interface Scaler<T> {
        T scale(T value, double factor);
    }

    private <T> void keep(Supplier<T> getter, Consumer<T> setter, Scaler<T> scaler) {
        T original = getter.get();
        if (original != null) {
            sizes.add(new Size<>(original, setter, scaler));
        }
    }

    private void font(Supplier<Font> getter, Consumer<Font> setter) {
        keep(getter, setter, (f, k) -> f.deriveFont((float) (f.getSize2D() * k)));
    }

    private void stroke(Supplier<Stroke> getter, Consumer<Stroke> setter) {
        keep(getter, setter, ChartScale::wider);
    }

    private void collect() {
        for (Object o : chart.getSubtitles()) {
            title((Title) o);
        }
        title(chart.getTitle());
        Plot plot = chart.getPlot();
        font(plot::getNoDataMessageFont, plot::setNoDataMessageFont);
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
            markers(xy.getDomainMarkers(Layer.FOREGROUND));
            markers(xy.getDomainMarkers(Layer.BACKGROUND));
            markers(xy.getRangeMarkers(Layer.FOREGROUND));
            markers(xy.getRangeMarkers(Layer.BACKGROUND));
            renderer((AbstractRenderer) xy.getRenderer());
        } else if (plot instanceof CategoryPlot c) {
            axis(c.getDomainAxis());
            for (int i = 0; i < c.getRangeAxisCount(); i++) {
                axis(c.getRangeAxis(i));
            }
            markers(c.getRangeMarkers(Layer.FOREGROUND));
            markers(c.getRangeMarkers(Layer.BACKGROUND));
            renderer((AbstractRenderer) c.getRenderer());
        }
    }

    private void title(Title t) {
        if (t instanceof TextTitle text) {
            font(text::getFont, text::setFont);
        } else if (t instanceof LegendTitle legend) {
            font(legend::getItemFont, legend::setItemFont);
        }
    }

    private void axis(Axis a) {
        if (a != null) {
            font(a::getLabelFont, a::setLabelFont);
            font(a::getTickLabelFont, a::setTickLabelFont);
        }
    }

    private void markers(Collection<?> markers) {
        if (markers != null) {
            for (Object o : markers) {
                Marker m = (Marker) o;
                font(m::getLabelFont, m::setLabelFont);
                stroke(m::getStroke, m::setStroke);
                // the percentile labels are staggered by their offsets: larger text, larger steps
                keep(m::getLabelOffset, m::setLabelOffset, (r, k) -> new RectangleInsets(r.getTop() * k,
                        r.getLeft() * k, r.getBottom() * k, r.getRight() * k));
            }
        }
    }

    private void renderer(AbstractRenderer r) {
        if (r == null) {
            return;
        }
        font(r::getDefaultItemLabelFont, f -> r.setDefaultItemLabelFont(f, false));
        stroke(r::getDefaultStroke, s -> r.setDefaultStroke(s, false));
        for (int i = 0; i < SERIES; i++) {
            int series = i;
            // a series without its own stroke draws with the default one, scaled above
            stroke(() -> r.getSeriesStroke(series), s -> r.setSeriesStroke(series, s, false));
            // a series without its own shape gets one from the plot's supplier on its first drawing
            keep(() -> r.lookupSeriesShape(series), s -> r.setSeriesShape(series, s, false),
                    (s, k) -> AffineTransform.getScaleInstance(k, k).createTransformedShape(s));
        }
    }

    private static Stroke wider(Stroke s, double k) {
        if (!(s instanceof BasicStroke b)) {
            return s;
        }
        float[] dash = b.getDashArray();
        if (dash != null) {
            dash = dash.clone();
            for (int i = 0; i < dash.length; i++) {
                dash[i] *= (float) k;
            }
        }
        return new BasicStroke((float) (b.getLineWidth() * k), b.getEndCap(), b.getLineJoin(), b.getMiterLimit(),
                dash, (float) (b.getDashPhase() * k));
    }
}
