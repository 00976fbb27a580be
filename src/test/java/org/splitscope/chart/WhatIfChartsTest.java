package org.splitscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.Objective;
import org.splitscope.ui.DefaultScenario;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepPoint;
import org.splitscope.whatif.SweepResult;

/** The what-if charts draw the sweep's figures, a marker per plan change and the grid's regions. */
class WhatIfChartsTest {
    private static final SweepParameter BANDWIDTH = SweepParameter.parse("link:end-edge.bandwidth");
    private static final SweepParameter COMPUTE = SweepParameter.parse("node:edge.compute");
    private final Scenario scenario = DefaultScenario.load();

    private SweepResult sweep(boolean log) {
        double[] values = Sweep.values(1e5, 1e10, 12, log);
        List<SweepPoint> points = new Sweep(scenario, BANDWIDTH, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(values, x -> { }, () -> false);
        return new SweepResult(BANDWIDTH, log, points, Sweep.planChanges(points));
    }

    @Test
    void logYShowsTheSameFiguresOnALogAxisOnlyWhereAllAreAboveZero() {
        SweepResult r = sweep(true);
        PlanSweepChart chart = new PlanSweepChart();
        java.awt.Color text = new java.awt.Color(0x123456);
        chart.applyPalette(new ChartPalette(List.of(java.awt.Color.BLUE, java.awt.Color.RED), java.awt.Color.WHITE,
                java.awt.Color.WHITE, text, java.awt.Color.GRAY, java.awt.Color.ORANGE, java.awt.Color.BLACK));
        chart.showSweep(r, SweepMetric.LATENCY, true);
        assertInstanceOf(LogAxis.class, chart.plot().getRangeAxis());
        assertTrue(chart.plot().getRangeAxis().getLabel().endsWith("log scale"), chart.plot().getRangeAxis().getLabel());
        for (int i = 0; i < r.points().size(); i++) {
            assertEquals(r.points().get(i).optimal().meanLatency() * 1e3, chart.plot().getDataset().getYValue(1, i));
        }
        assertEquals(text, chart.plot().getRangeAxis().getLabelPaint(), "the new axis is styled too");
        chart.showSweep(r, SweepMetric.LATENCY, false);
        assertInstanceOf(NumberAxis.class, chart.plot().getRangeAxis());
        assertEquals(SweepMetric.LATENCY.axis(), chart.plot().getRangeAxis().getLabel());
        // a log axis cannot show 0 or less: such figures keep the linear axis, and the label says why
        assertTrue(PlanSweepChart.logScaleFits(Arrays.asList(1.0, null, 2.5)), "a missing figure is a gap");
        assertFalse(PlanSweepChart.logScaleFits(List.of(1.0, 0.0)));
        assertFalse(PlanSweepChart.logScaleFits(List.of(3.0, -1.0)));
        assertFalse(PlanSweepChart.logScaleFits(Arrays.asList((Double) null)), "nothing to show");
    }

    @Test
    void theCurvesAreTheSweepsFiguresAndAMarkerStandsAtEachPlanChange() {
        SweepResult r = sweep(true);
        assertFalse(r.changes().isEmpty(), "the sample must change plan somewhere for this test to mean anything");
        PlanSweepChart chart = new PlanSweepChart();
        chart.showSweep(r, SweepMetric.LATENCY);
        XYDataset d = chart.plot().getDataset();
        assertEquals(PlanSweepChart.CURRENT, d.getSeriesKey(0));
        assertEquals(PlanSweepChart.BEST, d.getSeriesKey(1));
        for (int i = 0; i < r.points().size(); i++) {
            SweepPoint p = r.points().get(i);
            assertEquals(p.value(), d.getXValue(0, i));
            assertEquals(p.current().meanLatency() * 1e3, d.getYValue(0, i));
            assertEquals(p.optimal().meanLatency() * 1e3, d.getYValue(1, i));
        }
        Collection<?> markers = chart.plot().getDomainMarkers(Layer.FOREGROUND);
        List<Double> at = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        markers.forEach(m -> {
            at.add(((ValueMarker) m).getValue());
            labels.add(((ValueMarker) m).getLabel());
        });
        assertEquals(r.changes().stream().map(i -> r.points().get(i).value()).toList(), at);
        assertEquals(r.changes().stream().map(i -> SweepGrid.signature(r.points().get(i).optimalPlan())).toList(), labels);
        assertInstanceOf(LogAxis.class, chart.plot().getDomainAxis());
        chart.showSweep(r, SweepMetric.COST);
        assertEquals(r.points().get(3).optimal().costUsdPerMillion(), chart.plot().getDataset().getYValue(1, 3));
        assertEquals(r.changes().size(), chart.plot().getDomainMarkers(Layer.FOREGROUND).size(), "no marker twice");
    }

    /** A plan change at every value (a floor sweep of PORTEND's 54 exits does that): the labels step down, not overprint. */
    @Test
    void labelsOfNearbyChangesStandOnDifferentLines() {
        SweepResult r = sweep(false);
        List<Integer> everyValue = new ArrayList<>();
        for (int i = 1; i < r.points().size(); i++) {
            everyValue.add(i);
        }
        PlanSweepChart chart = new PlanSweepChart();
        chart.showSweep(new SweepResult(r.parameter(), false, r.points(), everyValue), SweepMetric.LATENCY);
        List<Double> tops = new ArrayList<>();
        chart.plot().getDomainMarkers(Layer.FOREGROUND).forEach(m -> tops.add(((ValueMarker) m).getLabelOffset().getTop()));
        assertEquals(everyValue.size(), tops.size());
        for (int i = 0; i < tops.size(); i++) {
            for (int j = i + 1; j < Math.min(tops.size(), i + PlanSweepChart.LABEL_LINES); j++) {
                assertTrue(!tops.get(i).equals(tops.get(j)), "labels " + i + " and " + j + " on one line: " + tops);
            }
        }
    }

    @Test
    void aLinearSweepHasALinearAxis() {
        PlanSweepChart chart = new PlanSweepChart();
        chart.showSweep(sweep(false), SweepMetric.THROUGHPUT);
        assertInstanceOf(NumberAxis.class, chart.plot().getDomainAxis());
        assertEquals(SweepMetric.THROUGHPUT.axis(), chart.plot().getRangeAxis().getLabel());
    }

    @Test
    void theHeatMapsLettersAreTheGridsRegions() {
        double[] xs = Sweep.values(1e5, 1e10, 6, true);
        double[] ys = Sweep.values(1e11, 1e14, 4, true);
        SweepGrid.Result g = new SweepGrid(scenario, BANDWIDTH, COMPUTE, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(xs, ys, x -> { }, () -> false);
        assertTrue(g.regions().size() > 1, "the sample must have two regions for this test to mean anything");
        PlanRegionChart chart = new PlanRegionChart();
        chart.showGrid(g);
        PlanRegionChart.RegionMap map = chart.regionMap();
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                assertEquals((char) ('A' + g.region(i, j)), map.letter(i, j));
            }
        }
        List<XYTextAnnotation> labels = chart.labels();
        assertEquals(g.regions().size(), labels.size());
        g.regions().forEach((signature, region) -> {
            assertEquals(String.valueOf((char) ('A' + region)), labels.get(region).getText());
            assertEquals((char) ('A' + region) + ": " + signature, map.legend().get(region));
        });
        XYZDataset d = (XYZDataset) chart.plot().getDataset();
        assertEquals(xs.length * ys.length, d.getItemCount(0));
        int k = 2 * xs.length + 3;
        assertEquals(Math.log10(xs[3]), d.getXValue(0, k), 1e-12);
        assertEquals(Math.log10(ys[2]), d.getYValue(0, k), 1e-12);
        assertEquals(g.rows().get(2).get(3).optimal().meanLatency() * 1e3, d.getZValue(0, k));
    }

    /** A stand-in search: offloads above 1 Gb/s and proves its plan optimal only at even-numbered values. */
    private java.util.function.Function<Scenario, Sweep.Best> provenAtEvenValues(double[] values) {
        var real = Sweep.reoptimizing(Objective.MEAN_LATENCY);
        List<Double> listed = Arrays.stream(values).boxed().toList();
        return s -> {
            Sweep.Best b = real.apply(s);
            int i = listed.indexOf(BANDWIDTH.current(s));
            return new Sweep.Best(b.plan(), i % 2 == 0);
        };
    }

    /** The best plan's points the search did not prove optimal are ringed, each at the best plan's figure, and say so. */
    @Test
    void bestPlansNotProvenOptimalAreRingedOnTheCurve() {
        double[] values = Sweep.values(1e5, 1e10, 7, true);
        SweepResult r = SweepResult.of(BANDWIDTH, true, new Sweep(scenario, BANDWIDTH, provenAtEvenValues(values))
                .run(values, x -> { }, () -> false));
        PlanSweepChart chart = new PlanSweepChart();
        chart.showSweep(r, SweepMetric.LATENCY, false);
        XYDataset d = chart.plot().getDataset();
        assertEquals(3, d.getSeriesCount());
        assertEquals(PlanSweepChart.UNPROVEN, d.getSeriesKey(2));
        assertEquals(3, d.getItemCount(2), "values 1, 3 and 5 of 0..6");
        for (int k = 0; k < 3; k++) {
            SweepPoint p = r.points().get(2 * k + 1);
            assertEquals(p.value(), d.getXValue(2, k));
            assertEquals(p.optimal().meanLatency() * 1e3, d.getYValue(2, k));
        }
        chart.showSweep(sweep(true), SweepMetric.LATENCY, false);
        assertEquals(2, chart.plot().getDataset().getSeriesCount(), "no rings, no legend entry, where every plan is proven");
    }

    /** The heat map puts a ~ on each cell whose best plan is not proven optimal, and its legend says what ~ means. */
    @Test
    void heatMapMarksCellsNotProvenOptimal() {
        double[] xs = Sweep.values(1e5, 1e10, 4, true);
        double[] ys = Sweep.values(1e11, 1e14, 3, true);
        SweepGrid.Result g = new SweepGrid(scenario, BANDWIDTH, COMPUTE, provenAtEvenValues(xs)).run(xs, ys, x -> { }, () -> false);
        PlanRegionChart chart = new PlanRegionChart();
        chart.showGrid(g);
        List<XYTextAnnotation> marks = chart.unprovenMarks();
        assertEquals(2 * ys.length, marks.size(), "columns 1 and 3 in every row");
        for (int j = 0; j < ys.length; j++) {
            for (int c = 0; c < 2; c++) {
                XYTextAnnotation m = marks.get(2 * j + c);
                assertEquals("~", m.getText());
                double x = Math.log10(xs[2 * c + 1]);
                double step = Math.log10(xs[1]) - Math.log10(xs[0]);
                assertTrue(m.getX() > x && m.getX() < x + step / 2, "inside its cell, right of centre: " + m.getX());
            }
        }
        assertTrue(chart.legendText().endsWith(PlanRegionChart.UNPROVEN_LEGEND), chart.legendText());
        assertEquals(g.regions().size(), chart.labels().size(), "region letters apart from the marks");
        chart.showGrid(new SweepGrid(scenario, BANDWIDTH, COMPUTE, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(xs, ys, x -> { }, () -> false));
        assertTrue(chart.unprovenMarks().isEmpty());
        assertFalse(chart.legendText().contains("~"), chart.legendText());
        assertFalse(chart.legendText().contains(PlanRegionChart.BLANK_LEGEND), "every cell has a plan: " + chart.legendText());
        // an unreachable floor leaves cells without a plan: the legend says what a blank cell means
        var w = scenario.workload();
        Scenario strict = scenario.withWorkload(new org.splitscope.model.Workload(w.arrivalRatePerSecond(), w.latencySloSeconds(),
                0.999, w.budgetUsdPerRequest()));
        chart.showGrid(new SweepGrid(strict, BANDWIDTH, COMPUTE, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(xs, ys, x -> { }, () -> false));
        assertTrue(chart.legendText().contains(PlanRegionChart.BLANK_LEGEND), chart.legendText());
    }

    /** The heat map's legend wraps between its entries, never inside one ("ends at" / "exit13" on the next line). */
    @Test
    void theLegendWrapsBetweenEntries() {
        PlanRegionChart chart = new PlanRegionChart();
        chart.showGrid(new SweepGrid(scenario, BANDWIDTH, COMPUTE, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(Sweep.values(1e5, 1e10, 6, true), Sweep.values(1e11, 1e14, 4, true), x -> { }, () -> false));
        var title = chart.legendTitle();
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        var block = org.jfree.chart.text.TextUtils.createTextBlock(title.getText(), title.getFont(), java.awt.Color.BLACK, 160f,
                new org.jfree.chart.text.G2TextMeasurer(g));
        assertTrue(block.getLines().size() > 1, "a narrow chart wraps the legend");
        for (Object o : block.getLines()) {
            var line = (org.jfree.chart.text.TextLine) o;
            String text = line.getFirstTextFragment().getText().strip();
            assertTrue(text.matches("[A-Z~]:.*"), "each line starts an entry: " + text);
        }
    }

    /** Every point and cell tells its parameter value and figure with units: "... 1.00 Gb/s: best plan 12.34 ms". */
    @Test
    void whatIfTooltipsGiveTheParameterAndTheFigureInTheirUnits() {
        PlanSweepChart curves = new PlanSweepChart();
        curves.showSweep(sweep(true), SweepMetric.LATENCY);
        PlanRegionChart map = new PlanRegionChart();
        map.showGrid(new SweepGrid(scenario, BANDWIDTH, COMPUTE, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(Sweep.values(1e5, 1e10, 4, true), Sweep.values(1e11, 1e14, 3, true), x -> { }, () -> false));
        for (org.jfree.chart.JFreeChart chart : List.of(curves.chart(), map.chart())) {
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            chart.createBufferedImage(500, 300, info);
            int items = 0;
            for (Object o : info.getEntityCollection().getEntities()) {
                if (o instanceof org.jfree.chart.entity.XYItemEntity e) {
                    items++;
                    String tip = e.getToolTipText();
                    assertTrue(tip.matches(".*[0-9.]+ [KMG]?b/s.*: .*[0-9.]+ ms.*"), tip);
                    assertFalse(tip.matches(".*\\de[+-]\\d.*"), tip);
                }
            }
            assertTrue(items > 0, chart.getTitle().getText());
        }
        assertEquals("12.3 GFLOP/s", Formats.flopRate(1.2345e10));
        assertEquals("2.00 MFLOP/s", Formats.flopRate(2e6));
    }
}
