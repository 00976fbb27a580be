package org.splitscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.splitscope.perf.Evaluator;
import org.splitscope.zoo.SampleScenarios;

/** Presentation mode draws the charts larger, and leaving it gives back every size exactly. */
class ChartScaleTest {
    private static final ChartPalette PALETTE = new ChartPalette(List.of(Color.BLUE, Color.ORANGE), Color.WHITE,
            Color.WHITE, Color.BLACK, Color.GRAY, Color.RED, Color.BLACK);

    /** The sizes people see: title, axis and legend fonts, the CDF's line and its marker labels. */
    private static List<Object> sizes(ChartSet charts) {
        List<Object> out = new ArrayList<>();
        for (ExplorerChart c : charts.charts()) {
            JFreeChart chart = c.chart();
            out.add(chart.getTitle().getFont());
            if (chart.getLegend() != null) {
                out.add(chart.getLegend().getItemFont());
            }
            if (chart.getPlot() instanceof XYPlot xy) {
                out.add(xy.getDomainAxis().getTickLabelFont());
                out.add(xy.getRangeAxis().getLabelFont());
                XYItemRenderer r = xy.getRenderer();
                out.add(r.getSeriesStroke(0));
                for (Object m : xy.getDomainMarkers(Layer.FOREGROUND) == null ? List.of() : xy.getDomainMarkers(Layer.FOREGROUND)) {
                    out.add(((ValueMarker) m).getLabelFont());
                    out.add(((ValueMarker) m).getStroke());
                }
            }
        }
        return out;
    }

    @Test
    void presentationEnlargesFontsAndLinesAndLeavingItRestoresThemExactly() {
        ChartSet charts = new ChartSet();
        charts.applyPalette(PALETTE);
        charts.show(Evaluator.evaluate(SampleScenarios.portendThreeTier()));
        List<Object> before = sizes(charts);
        List<ChartScale> scales = charts.charts().stream().map(c -> new ChartScale(c.chart())).toList();
        scales.forEach(s -> s.set(1.5)); // the window's 18 px text against 12
        JFreeChart cdf = charts.charts().get(1).chart();
        assertEquals(18f,
                cdf.getTitle().getFont().getSize2D(), 1e-6, "12 pt titles at 18 pt");
        XYPlot cdfPlot = (XYPlot) cdf.getPlot();
        assertEquals(3f, ((BasicStroke) cdfPlot.getRenderer().getSeriesStroke(0)).getLineWidth(), 1e-6);
        assertEquals(15f, cdfPlot.getDomainAxis().getTickLabelFont().getSize2D(), 1e-6);
        // a theme change while presenting keeps the sizes
        charts.applyPalette(PALETTE);
        assertEquals(15f, cdfPlot.getDomainAxis().getTickLabelFont().getSize2D(), 1e-6);
        scales.forEach(s -> s.set(1));
        assertEquals(before, sizes(charts));
    }

    @Test
    void aScaleOfZeroIsRefused() {
        ChartScale s = new ChartScale(new CdfChart().chart());
        assertThrows(IllegalArgumentException.class, () -> s.set(0));
        assertThrows(IllegalArgumentException.class, () -> s.set(Double.NaN));
    }
}
