package org.splitscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;
import org.splitscope.zoo.SampleScenarios;

/** The charts show the evaluator's figures, only in other units. */
class ChartDataTest {
    private final Metrics m = Evaluator.evaluate(SampleScenarios.portendThreeTier());
    private final ChartData d = ChartData.of(m);

    private static double columnSum(DefaultCategoryDataset data, Comparable<?> column) {
        double sum = 0;
        for (int r = 0; r < data.getRowCount(); r++) {
            Number v = data.getValue(data.getRowKey(r), column);
            sum += v == null ? 0 : v.doubleValue();
        }
        return sum;
    }

    @Test
    void eachOutcomesStackAddsUpToItsLatency() {
        for (Outcome o : m.outcomes()) {
            assertEquals(o.latency() * 1e3, columnSum(d.breakdown(), ChartData.outcomeLabel(o)), 1e-9);
        }
    }

    @Test
    void theCdfClimbsToOneAndTheMarkersAreThePercentiles() {
        XYSeries s = d.cdf().getSeries(0);
        assertEquals(1.0, s.getY(s.getItemCount() - 1).doubleValue(), 1e-12);
        assertEquals(m.latency().p95() * 1e3, d.p95Ms());
        assertEquals(m.latency().p99() * 1e3, d.p99Ms());
    }

    @Test
    void costsAddUpToTheCostPerMillionAndTheBottleneckIsNamed() {
        double total = 0;
        for (int c = 0; c < d.cost().getColumnCount(); c++) {
            total += columnSum(d.cost(), d.cost().getColumnKey(c));
        }
        assertEquals(m.costUsdPerMillion(), total, 1e-12);
        assertEquals(m.bottleneck(), d.bottleneck());
        assertEquals(m.resources().size(), d.utilization().getColumnCount());
    }

    @Test
    void everyChartTakesTheDataAndExportsAsPngAndSvg(@TempDir Path dir) throws Exception {
        ChartSet charts = new ChartSet();
        charts.show(m);
        for (ExplorerChart c : charts.charts()) {
            Path png = dir.resolve(c.id() + ".png");
            Path svg = dir.resolve(c.id() + ".svg");
            ChartExport.png(c.chart(), png, 400, 300);
            ChartExport.svg(c.chart(), svg, 400, 300);
            assertTrue(Files.size(png) > 1000, c.id());
            assertTrue(Files.readString(svg).contains("<svg"), c.id());
        }
        try (var leftovers = Files.list(dir)) {
            assertEquals(2 * charts.charts().size(), leftovers.count(), "no temporary files left behind");
        }
    }
}
