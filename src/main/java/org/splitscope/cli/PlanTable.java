package org.splitscope.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.splitscope.io.SweepCsv;
import org.splitscope.model.Plan;
import org.splitscope.perf.Metrics;

/** The one-line-per-plan table that {@code optimize} and {@code pareto} print. */
final class PlanTable {
    private final PrintWriter out;

    PlanTable(PrintWriter out) {
        this.out = out;
        out.printf(Locale.ROOT, "%4s %12s %12s %9s %14s %16s  %s%n", "#", "mean", "p95", "accuracy", "cost/million",
                "throughput", "plan");
    }

    void row(int number, Plan plan, Metrics m) {
        out.printf(Locale.ROOT, "%4d %12s %12s %9s %14s %16s  %s%n", number, Format.ms(m.meanLatency()),
                Format.ms(m.latency().p95()), Format.percent(m.accuracy()), Format.usd(m.costUsdPerMillion()),
                Format.rate(m.throughputPerSecond()),
                describe(plan));
    }

    static String describe(Plan plan) {
        String exits = plan.exits().stream().map(x -> x.exit() + "@" + x.threshold())
                .reduce((a, b) -> a + "," + b).map(x -> " exits " + x).orElse("");
        String end = plan.terminalExit() == null ? "" : " ends at " + plan.terminalExit();
        return SweepCsv.stages(plan) + exits + end;
    }
}
