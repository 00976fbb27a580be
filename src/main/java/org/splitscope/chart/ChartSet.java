package org.splitscope.chart;

import java.util.List;

import org.splitscope.perf.Metrics;
import org.splitscope.whatif.ThresholdSweep;

/**
 * The explorer's charts, updated together from one {@link Metrics}. No JavaFX here: the window
 * wraps each chart in a viewer, the benchmark and exports use them as they are.
 */
public final class ChartSet {
    private final StackedBarChart breakdown = StackedBarChart.breakdown();
    private final CdfChart cdf = new CdfChart();
    private final SweepChart sweep = new SweepChart();
    private final StackedBarChart cost = StackedBarChart.cost();
    private final UtilizationChart utilization = new UtilizationChart();
    private final MemoryChart memory = new MemoryChart();
    private final List<ExplorerChart> all = List.of(breakdown, cdf, sweep, cost, utilization, memory);

    /** In display order. */
    public List<ExplorerChart> charts() {
        return all;
    }

    public void show(Metrics m) {
        ChartData data = ChartData.of(m);
        for (ExplorerChart c : all) {
            c.show(data);
        }
    }

    public void showSweep(List<ThresholdSweep.Point> points) {
        sweep.showSweep(points);
    }

    public void applyPalette(ChartPalette palette) {
        for (ExplorerChart c : all) {
            c.applyPalette(palette);
        }
    }
}
