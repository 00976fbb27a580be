package org.splitscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.splitscope.testbed.PlanResult;
import org.splitscope.testbed.RSquared;
import org.splitscope.testbed.SampleRuns;
import org.splitscope.testbed.TestbedRun;

/** The scatter's points are each plan's (predicted, measured), its line is y = x over all of them, its title R^2. */
class TestbedScatterChartTest {
    private static TestbedRun run(double... slower) {
        return SampleRuns.slower(slower);
    }

    @Test
    void pointsAreThePlansAndTheLineIsYEqualsXAcrossThem() {
        TestbedRun run = run(1.0, 1.5, 0.8);
        TestbedScatterChart c = new TestbedScatterChart(TestbedScatterChart.Quantity.MEAN_LATENCY);
        c.show(run);
        XYSeriesCollection d = (XYSeriesCollection) c.chart().getXYPlot().getDataset();
        var points = d.getSeries(TestbedScatterChart.PLANS);
        assertEquals(3, points.getItemCount());
        for (int i = 0; i < 3; i++) {
            PlanResult r = run.results().get(i);
            assertEquals(r.predicted().latency().mean() * 1e3, points.getX(i).doubleValue(), 1e-12);
            assertEquals(r.measured().meanLatency() * 1e3, points.getY(i).doubleValue(), 1e-12);
        }
        var line = d.getSeries(TestbedScatterChart.IDEAL);
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int i = 0; i < 3; i++) {
            lowest = Math.min(lowest, Math.min(points.getX(i).doubleValue(), points.getY(i).doubleValue()));
            highest = Math.max(highest, Math.max(points.getX(i).doubleValue(), points.getY(i).doubleValue()));
        }
        for (int i = 0; i < line.getItemCount(); i++) {
            assertEquals(line.getX(i).doubleValue(), line.getY(i).doubleValue(), 0.0);
        }
        assertTrue(line.getMinX() <= lowest && line.getMaxX() >= highest, "the line spans every point");
        double r2 = RSquared.of(run.results().stream().mapToDouble(r -> r.predicted().latency().mean()).toArray(),
                run.results().stream().mapToDouble(r -> r.measured().meanLatency()).toArray());
        assertTrue(c.chart().getTitle().getText().endsWith(String.format(Locale.ROOT, "R^2 = %.3f", r2)),
                c.chart().getTitle().getText());
    }

    @Test
    void throughputChartUsesThroughputsAndOnePlanHasNoFit() {
        TestbedScatterChart c = new TestbedScatterChart(TestbedScatterChart.Quantity.THROUGHPUT);
        TestbedRun one = run(1.2);
        c.show(one);
        var points = ((XYSeriesCollection) c.chart().getXYPlot().getDataset()).getSeries(TestbedScatterChart.PLANS);
        assertEquals(one.results().get(0).measured().throughputPerSecond(), points.getY(0).doubleValue(), 1e-12);
        assertEquals(one.results().get(0).predicted().throughputPerSecond(), points.getX(0).doubleValue(), 1e-12);
        assertTrue(c.chart().getTitle().getText().contains("n/a"), c.chart().getTitle().getText());
        c.show(null);
        assertEquals(0, ((XYSeriesCollection) c.chart().getXYPlot().getDataset()).getSeries(TestbedScatterChart.IDEAL)
                .getItemCount());
    }
}
