package org.splitscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jfree.chart.JFreeChart;
import org.splitscope.chart.ChartSet;
import org.splitscope.chart.ExplorerChart;
import org.splitscope.chart.PlanSweepChart;
import org.splitscope.chart.SweepMetric;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.SweepResult;

/**
 * The report's charts: the window's own chart classes ({@link ChartSet}, plain JFreeChart, no
 * JavaFX) filled from the metrics and coloured with the print palette, and the window's what-if
 * chart for a sweep. Each is a {@link Block.Figure} that both renderers draw as vectors.
 */
final class ReportCharts {
    /** The window's charts a report shows; the threshold sweep needs an interactive sweep first. */
    static final Set<String> SHOWN = Set.of("breakdown", "cdf", "cost", "utilization", "memory");
    static final int WIDTH = 520;
    static final int HEIGHT = 260;

    private ReportCharts() {
    }

    static List<Block> of(Metrics m, PrintPalette palette) {
        ChartSet charts = new ChartSet();
        charts.applyPalette(palette.charts());
        charts.show(m);
        List<Block> out = new ArrayList<>();
        for (ExplorerChart c : charts.charts()) {
            if (SHOWN.contains(c.id())) {
                JFreeChart chart = c.chart();
                out.add(new Block.Figure("chart-" + c.id(), chart.getTitle().getText(), chart::draw, WIDTH, HEIGHT));
            }
        }
        return out;
    }

    /**
     * The window's what-if chart ({@link PlanSweepChart}): the current plan's mean latency against
     * the swept value and, where the sweep re-optimized, the best plan's, marked where the best plan
     * changes; a log x axis where the values are geometric. The table beside it has the p95.
     */
    static Block sweep(SweepResult sweep, PrintPalette palette) {
        PlanSweepChart c = new PlanSweepChart();
        c.applyPalette(palette.charts());
        c.showSweep(sweep, SweepMetric.LATENCY);
        JFreeChart chart = c.chart();
        return new Block.Figure("chart-sweep", chart.getTitle().getText(), chart::draw, WIDTH, HEIGHT);
    }
}
