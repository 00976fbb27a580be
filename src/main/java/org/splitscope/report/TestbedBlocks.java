package org.splitscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.splitscope.chart.TestbedScatterChart;
import org.splitscope.io.SweepCsv;
import org.splitscope.testbed.PlanResult;
import org.splitscope.testbed.TestbedRun;

/**
 * A report's testbed section: each plan run for real beside the evaluator's prediction (mean, p95,
 * throughput, errors in percent, outputs checked), the shaper and slow-downs in force, and the
 * window's predicted-vs-measured scatter charts with R^2.
 */
final class TestbedBlocks {
    private TestbedBlocks() {
    }

    static List<Block> of(TestbedRun run, PrintPalette palette) {
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "Testbed: measured against predicted"));
        List<String> shapers = run.results().stream().map(PlanResult::shaper).distinct().toList();
        out.add(new Block.Facts(List.of(
                new String[] {"Plans run", String.valueOf(run.results().size())},
                new String[] {"Unit times measured on", run.deviceClass() + String.format(Locale.ROOT, " (%.3g GFLOP/s)",
                        run.machineFlopsPerSecond() / 1e9)},
                new String[] {"Shaper", String.join("; ", shapers)},
                new String[] {"R^2 mean latency", r2(run.rSquaredMeanLatency())},
                new String[] {"R^2 throughput", r2(run.rSquaredThroughput())},
                new String[] {String.format(Locale.ROOT, "Within %.0f %%", TestbedRun.GOAL_PERCENT), String.format(Locale.ROOT,
                        "mean latency %d of %d plans, throughput %d of %d", run.withinGoal(PlanResult::meanLatencyError),
                        run.results().size(), run.withinGoal(PlanResult::throughputError), run.results().size())})));
        run.notes().forEach(note -> out.add(new Block.Paragraph("Note: " + note + ".")));
        out.add(new Block.Paragraph("A node slower than this machine is stood for by slowing its stage's worker by the "
                + "ratio of the two FLOP rates; the prediction uses the same slowed node. Errors are "
                + "(measured - predicted) / predicted."));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < run.results().size(); i++) {
            rows.add(row(run.results().get(i), run.slowDowns().get(i)));
        }
        out.add(new Block.Table(List.of("plan", "slow-down", "mean pred / meas", "err", "p95 pred / meas", "err",
                "throughput pred / meas", "err", "outputs"), rows));
        for (TestbedScatterChart.Quantity q : TestbedScatterChart.Quantity.values()) {
            TestbedScatterChart c = new TestbedScatterChart(q);
            c.applyPalette(palette.charts());
            c.show(run);
            JFreeChart chart = c.chart();
            out.add(new Block.Figure("chart-" + c.id(), chart.getTitle().getText(), chart::draw,
                    ReportCharts.WIDTH, ReportCharts.HEIGHT));
        }
        return out;
    }

    private static List<String> row(PlanResult r, List<Double> slowDowns) {
        return List.of(SweepCsv.stages(r.plan()),
                String.join(", ", slowDowns.stream().map(f -> String.format(Locale.ROOT, "x%.2f", f)).toList()),
                Figures.ms(r.predicted().latency().mean()) + " / " + Figures.ms(r.measured().meanLatency()),
                percent(r.meanLatencyError()),
                Figures.ms(r.predicted().latency().p95()) + " / " + Figures.ms(r.measured().p95Latency()),
                percent(r.p95LatencyError()),
                Figures.rate(r.predicted().throughputPerSecond()) + " / " + Figures.rate(r.measured().throughputPerSecond()),
                percent(r.throughputError()),
                r.outputsMatch() ? "equal" : "DIFFER by " + Figures.number(r.maxOutputDifference()));
    }

    static String percent(double error) {
        return Double.isNaN(error) ? Figures.NONE : String.format(Locale.ROOT, "%+.1f %%", error);
    }

    static String r2(double v) {
        return Double.isNaN(v) ? Figures.NONE + " (needs two plans that differ)" : String.format(Locale.ROOT, "%.3f", v);
    }
}
