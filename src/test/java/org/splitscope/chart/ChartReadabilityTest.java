package org.splitscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.LatencyPart;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;
import org.splitscope.whatif.ThresholdSweep;
import org.splitscope.zoo.SampleScenarios;

/** The charts at the size they get in the window: legends, labels and tooltips people can read. */
class ChartReadabilityTest {
    /** A chart's size in the Charts tab (ChartPane's preferred size). */
    private static final int W = 420;
    private static final int H = 240;
    /** A figure written as it came out of a double ("1.9415333249999993", "9.135E1"). */
    private static final Pattern RAW = Pattern.compile("\\d\\.\\d{7,}|\\dE-?\\d|\\de[+-]\\d");

    private static ChartRenderingInfo draw(JFreeChart chart, int w, int h) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.createBufferedImage(w, h, info);
        return info;
    }

    private static List<ChartEntity> entities(ChartRenderingInfo info, Class<?> type) {
        List<ChartEntity> out = new ArrayList<>();
        for (Object e : info.getEntityCollection().getEntities()) {
            if (type.isInstance(e)) {
                out.add((ChartEntity) e);
            }
        }
        return out;
    }

    /**
     * Under an arrival rate the curve is the loaded latency while the summary's p95 is not: the
     * axis says which, so "p95 162.61 ms" on the chart beside "p95 115.14 ms" cannot mislead.
     */
    @Test
    void theDistributionsAxisSaysWhenItShowsTheLatencyUnderLoad() {
        Metrics loaded = Evaluator.evaluate(SampleScenarios.seiferEdgeCluster());
        assertTrue(loaded.loadedLatency() != null, "the SEIFER sample has an arrival rate");
        ChartData d = ChartData.of(loaded);
        assertTrue(d.cdfAxis().contains("under load at 25.0 req/s"), d.cdfAxis());
        assertEquals(loaded.loadedLatency().p95() * 1e3, d.p95Ms(), 1e-9);
        assertEquals("latency (ms)", ChartData.of(Evaluator.evaluate(SampleScenarios.portendThreeTier())).cdfAxis());
    }

    @Test
    void theMoparBreakdownGroupsItsSeriesByKindAndKeepsItsBarTall() {
        Metrics m = Evaluator.evaluate(SampleScenarios.moparServerless());
        StackedBarChart breakdown = StackedBarChart.breakdown();
        breakdown.show(ChartData.of(m));
        JFreeChart chart = breakdown.chart();
        assertTrue(chart.getPlot().getLegendItems().getItemCount() <= 6,
                "legend items: " + chart.getPlot().getLegendItems().getItemCount());
        double plotHeight = draw(chart, W, H).getPlotInfo().getDataArea().getHeight();
        assertTrue(plotHeight >= 0.55 * H, "the bars get " + plotHeight + " of " + H + " px");
    }

    @Test
    void aKindsTooltipNamesEveryNodeAndLinkItAddsUp() {
        Metrics m = Evaluator.evaluate(SampleScenarios.moparServerless());
        StackedBarChart breakdown = StackedBarChart.breakdown();
        breakdown.show(ChartData.of(m));
        List<ChartEntity> bars = entities(draw(breakdown.chart(), W, H), CategoryItemEntity.class);
        assertFalse(bars.isEmpty());
        for (Outcome o : m.outcomes()) {
            for (LatencyPart p : o.parts()) {
                String group = ChartData.group(p.kind());
                assertTrue(bars.stream().map(ChartEntity::getToolTipText).anyMatch(t -> t.startsWith(group + ", ")
                        && t.contains(ChartData.outcomeLabel(o))
                        && (t.contains(ChartData.label(p.resource()) + " ") || p.seconds() < 0.005e-3)),
                        "a tooltip of " + group + " names " + p.resource());
            }
            String total = Formats.ms(o.parts().stream().mapToDouble(LatencyPart::seconds).sum());
            assertTrue(bars.stream().map(ChartEntity::getToolTipText).allMatch(t -> !t.contains(ChartData.outcomeLabel(o))
                    || t.contains(" of " + total)), "each part is given against the outcome's " + total);
        }
    }

    @Test
    void everyBarAndPointHasATooltipWithItsUnitWrittenForPeople() {
        for (Map.Entry<String, Scenario> sample : SampleScenarios.all().entrySet()) {
            Metrics m = Evaluator.evaluate(sample.getValue());
            ChartSet charts = new ChartSet();
            charts.show(m);
            charts.showSweep(List.of(new ThresholdSweep.Point(0, m.meanLatency(), 0.9),
                    new ThresholdSweep.Point(1, m.meanLatency() * 1.5, 0.95)));
            ComparisonCharts compare = new ComparisonCharts();
            compare.show("A", m, "B", m);
            List<JFreeChart> all = new ArrayList<>();
            charts.charts().forEach(c -> all.add(c.chart()));
            all.add(compare.cdf());
            all.add(compare.busy());
            for (JFreeChart chart : all) {
                ChartRenderingInfo info = draw(chart, W, H);
                List<ChartEntity> items = entities(info, CategoryItemEntity.class);
                items.addAll(entities(info, XYItemEntity.class));
                String where = sample.getKey() + ", " + chart.getTitle().getText();
                for (ChartEntity e : items) {
                    String tip = e.getToolTipText();
                    assertNotNull(tip, where);
                    assertTrue(tip.matches(".*(ms|%|\\$|req/s).*"), where + ": a unit in " + tip);
                    assertFalse(RAW.matcher(tip).find(), where + ": " + tip);
                }
            }
        }
    }

    @Test
    void theSeiferUtilizationChartShowsTheBusiestResourcesThatFitAndFoldsTheRest() {
        Metrics m = Evaluator.evaluate(SampleScenarios.seiferEdgeCluster());
        assertEquals(36, m.resources().size(), "the case of the issue");
        UtilizationChart chart = new UtilizationChart();
        chart.show(ChartData.of(m));
        List<ChartEntity> labels = entities(draw(chart.chart(), W, H), CategoryLabelEntity.class);
        assertTrue(labels.size() < 36 && labels.size() >= 5, labels.size() + " resources shown");
        for (int i = 1; i < labels.size(); i++) {
            Rectangle2D a = labels.get(i - 1).getArea().getBounds2D();
            Rectangle2D b = labels.get(i).getArea().getBounds2D();
            assertFalse(a.intersects(b), "labels " + i + " and " + (i - 1) + " overlap: " + a + " " + b);
        }
        List<String> keys = labels.stream().map(e -> String.valueOf(((CategoryLabelEntity) e).getKey())).toList();
        assertTrue(keys.contains(ChartData.label(m.bottleneck())), "the bottleneck is shown: " + keys);
        assertEquals("busiest of " + (36 - keys.size() + 1) + " others", keys.get(keys.size() - 1));
        List<ChartEntity> tall = entities(draw(chart.chart(), 900, 1100), CategoryLabelEntity.class);
        assertEquals(36, tall.size(), "a tall window shows every resource");
    }

    @Test
    void theComparisonsBusyTimesOfSeifersResourcesKeepTheirLabelsApartToo() {
        Metrics m = Evaluator.evaluate(SampleScenarios.seiferEdgeCluster());
        ComparisonCharts compare = new ComparisonCharts();
        compare.show("A", m, "B", m);
        List<ChartEntity> labels = entities(draw(compare.busy(), W, H), CategoryLabelEntity.class);
        assertTrue(labels.size() < m.resources().size(), labels.size() + " of " + m.resources().size());
        for (int i = 1; i < labels.size(); i++) {
            assertFalse(labels.get(i - 1).getArea().getBounds2D().intersects(labels.get(i).getArea().getBounds2D()),
                    "labels " + (i - 1) + " and " + i + " overlap");
        }
    }

    @Test
    void percentileLabelsStayInsideThePlot() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        for (Map.Entry<String, Scenario> sample : SampleScenarios.all().entrySet()) {
            CdfChart cdf = new CdfChart();
            cdf.show(ChartData.of(Evaluator.evaluate(sample.getValue())));
            XYPlot plot = (XYPlot) cdf.chart().getPlot();
            Rectangle2D area = draw(cdf.chart(), W, H).getPlotInfo().getDataArea();
            for (Object o : plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)) {
                ValueMarker marker = (ValueMarker) o;
                double x = plot.getDomainAxis().valueToJava2D(marker.getValue(), area, RectangleEdge.BOTTOM);
                FontMetrics fm = g.getFontMetrics(marker.getLabelFont());
                double width = fm.stringWidth(marker.getLabel()) + 3;
                boolean toTheLeft = marker.getLabelTextAnchor() == TextAnchor.TOP_RIGHT;
                String what = sample.getKey() + " " + marker.getLabel() + " at x " + x + " in " + area;
                assertTrue(toTheLeft ? x - width >= area.getMinX() : x + width <= area.getMaxX(), what);
                assertTrue(marker.getLabel().endsWith(" ms"), what);
            }
        }
    }

}
