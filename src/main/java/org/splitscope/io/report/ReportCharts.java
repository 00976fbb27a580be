package org.splitscope.io.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitscope.chart.ChartPalette;
import org.splitscope.chart.ChartSet;
import org.splitscope.chart.ExplorerChart;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.SweepPoint;
import org.splitscope.whatif.SweepResult;

/**
 * The report's charts: the window's own chart classes ({@link ChartSet}, plain JFreeChart, no
 * JavaFX) filled from the metrics and coloured with the print palette, plus a line chart of a
 * sweep. Each is a {@link Block.Figure} that both renderers draw as vectors.
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
     * Mean and p95 latency of the current plan against the swept value (valid points only), and
     * the best plan's mean where the sweep re-optimized; a log x axis where the values are geometric.
     */
    static Block sweep(SweepResult sweep, PrintPalette palette) {
        XYSeries mean = new XYSeries("mean latency (ms)");
        XYSeries p95 = new XYSeries("p95 latency (ms)");
        XYSeries best = new XYSeries("best plan's mean latency (ms)");
        for (SweepPoint p : sweep.points()) {
            if (p.valid()) {
                mean.add(p.value(), p.current().meanLatency() * 1e3);
                p95.add(p.value(), p.current().latency().p95() * 1e3);
            }
            if (p.optimal() != null) {
                best.add(p.value(), p.optimal().meanLatency() * 1e3);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(mean);
        data.addSeries(p95);
        if (!best.isEmpty()) {
            data.addSeries(best);
        }
        String parameter = sweep.parameter().toString();
        JFreeChart chart = ChartFactory.createXYLineChart("Latency against " + parameter, parameter,
                "ms", data, PlotOrientation.VERTICAL, true, false, false);
        ChartPalette colours = palette.charts();
        chart.setBackgroundPaint(colours.background());
        XYPlot plot = chart.getXYPlot();
        if (sweep.log()) {
            LogAxis x = new LogAxis(parameter);
            x.setSmallestValue(Double.MIN_NORMAL);
            plot.setDomainAxis(x);
        }
        plot.setBackgroundPaint(colours.plotBackground());
        plot.setDomainGridlinePaint(colours.grid());
        plot.setRangeGridlinePaint(colours.grid());
        for (int i = 0; i < data.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesPaint(i, colours.series(i));
        }
        return new Block.Figure("chart-sweep", chart.getTitle().getText(), chart::draw, WIDTH, HEIGHT);
    }
}
