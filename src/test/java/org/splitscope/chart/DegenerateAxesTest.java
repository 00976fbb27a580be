package org.splitscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.zoo.SampleScenarios;

/** A latency distribution of one value (one stage, no exits) gets a readable axis, not a 1e-8-wide one. */
class DegenerateAxesTest {
    private static Metrics oneOutcome() {
        Scenario s = SampleScenarios.portendThreeTier();
        Scenario local = s.withPlan(new Plan(List.of(new Stage(1, s.profile().unitCount(), s.topology().source())), List.of(), null));
        Metrics m = Evaluator.evaluate(local);
        assertEquals(1, m.outcomes().size(), "one outcome, so one latency");
        return m;
    }

    private static Range drawnDomain(JFreeChart chart) {
        chart.draw(new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB).createGraphics(), new java.awt.Rectangle(600, 400));
        return ((XYPlot) chart.getPlot()).getDomainAxis().getRange();
    }

    @Test
    void theDistributionChartSpansATenthOfTheLatency() {
        Metrics m = oneOutcome();
        CdfChart cdf = new CdfChart();
        cdf.show(ChartData.of(m));
        Range r = drawnDomain(cdf.chart());
        double ms = m.meanLatency() * 1e3;
        assertTrue(r.getLength() >= 0.1 * ms - 1e-9, "axis " + r + " around " + ms + " ms");
        assertTrue(r.contains(ms), "the latency is in view: " + r);
    }

    @Test
    void theComparisonChartToo() {
        Metrics m = oneOutcome();
        ComparisonCharts c = new ComparisonCharts();
        c.show("A", m, "B", m);
        Range r = drawnDomain(c.cdf());
        assertTrue(r.getLength() >= 0.1 * m.meanLatency() * 1e3 - 1e-9, "axis " + r);
    }

    /** The Pareto chart before a run (or after one with no front) shows the current plan alone: readable axes too. */
    @Test
    void theParetoChartWithTheCurrentPlanAlone() {
        Metrics m = oneOutcome();
        ParetoChart pareto = new ParetoChart();
        pareto.showCurrent(m.meanLatency(), m.accuracy());
        Range x = drawnDomain(pareto.chart());
        double ms = m.meanLatency() * 1e3;
        assertTrue(x.getLength() >= 0.1 * ms - 1e-9 && x.contains(ms), "axis " + x + " around " + ms + " ms");
        Range y = ((XYPlot) pareto.chart().getPlot()).getRangeAxis().getRange();
        assertTrue(y.getLength() >= 1 - 1e-9 && y.contains(m.accuracy() * 100), "accuracy axis " + y);
    }

    /**
     * Sweeping the accuracy floor leaves the current plan's latency alone: a flat curve gets an
     * axis a tenth of its figure wide, not one with the same tick label repeated (3.8016E2 x 11).
     */
    @Test
    void aFlatSweepCurveGetsAReadableAxis() {
        Scenario s = SampleScenarios.portendThreeTier();
        var floor = org.splitscope.whatif.SweepParameter.parse("workload.accuracyFloor");
        var points = new org.splitscope.whatif.Sweep(s, floor, null).run(org.splitscope.whatif.Sweep.values(0.5, 0.9, 5, false),
                x -> { }, () -> false);
        PlanSweepChart chart = new PlanSweepChart();
        for (boolean log : List.of(false, true)) {
            chart.showSweep(org.splitscope.whatif.SweepResult.of(floor, false, points), SweepMetric.LATENCY, log);
            chart.chart().draw(new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB).createGraphics(), new java.awt.Rectangle(600, 400));
            Range y = chart.plot().getRangeAxis().getRange();
            double ms = points.get(0).current().meanLatency() * 1e3;
            assertTrue(y.getLength() >= 0.1 * ms - 1e-9 && y.contains(ms), (log ? "log " : "") + "axis " + y + " around " + ms + " ms");
        }
    }

    /** A plan without exits has no thresholds to sweep: the chart says so rather than a lone point beside an empty legend entry. */
    @Test
    void theThresholdChartSaysWhenNoExitIsEnabled() {
        Metrics m = oneOutcome();
        SweepChart chart = new SweepChart();
        chart.showSweep(List.of());
        chart.show(ChartData.of(m));
        assertEquals(SweepChart.NO_EXIT, note(chart));
        Metrics withExits = Evaluator.evaluate(SampleScenarios.portendThreeTier());
        assertTrue(withExits.outcomes().size() > 1, "the sample's plan enables exits");
        chart.show(ChartData.of(withExits));
        assertEquals("", note(chart));
    }

    private static String note(SweepChart chart) {
        for (Object t : chart.chart().getSubtitles()) {
            if (t instanceof org.jfree.chart.title.TextTitle tt) {
                return tt.getText();
            }
        }
        return null;
    }
}
