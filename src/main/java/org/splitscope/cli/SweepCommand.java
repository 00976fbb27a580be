package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.splitscope.io.SweepCsv;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.SearchStopped;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sweep", description = "Vary one parameter over a range and evaluate the plan at every value.",
        exitCodeListHeading = "Exit codes:%n", footer = {"", "With --optimize, --time-limit limits the search at each value"
                + " (or grid point) on its own: a value whose search reaches it shows the best plan found so far, marked."},
        exitCodeList = {"0:done (points where the scenario is invalid are listed with their problems)",
                "1:the scenario has problems", "2:bad command line", "3:the CSV could not be written"})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file")
    Path file;

    @Option(names = "--param", required = true, paramLabel = "PARAM", description = "what to vary: "
            + SweepParameter.SYNTAX + " (SI units: bit/s, s, FLOP/s, USD, requests/s)")
    String param;

    @Option(names = "--from", required = true, description = "first value (SI units)")
    double from;

    @Option(names = "--to", required = true, description = "last value (SI units)")
    double to;

    @Option(names = "--steps", defaultValue = "11", description = "number of values (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--log", description = "space the values geometrically (for bandwidth and compute)")
    boolean log;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the sweep as CSV")
    Path csv;

    @Option(names = "--optimize", paramLabel = "OBJECTIVE", converter = OptionWords.Objectives.class,
            completionCandidates = OptionWords.Objectives.class, description = "also find the best plan at every value for"
            + " this objective (${COMPLETION-CANDIDATES}) and mark where its cuts or placement change")
    Objective optimize;

    @Option(names = "--param2", paramLabel = "PARAM", description = "a second parameter: sweep the grid of both"
            + " (needs --optimize) and print a heat map of the best mean latency with the regions of each best plan")
    String param2;

    @Mixin
    SecondRange second = new SecondRange();

    @Mixin
    TimeLimitOption timeLimit;

    private SweepLimits limits;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Scenario s = ScenarioInput.read(file, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        String tooMany = StepLimits.refusal(steps, param2 != null ? second.steps : null);
        if (tooMany != null) {
            err.println("sweep: " + tooMany);
            return ExitCodes.USAGE;
        }
        if (timeLimit.limit != null && optimize == null) {
            err.println("sweep: --time-limit limits the search at each value; it needs --optimize OBJECTIVE");
            return ExitCodes.USAGE;
        }
        SweepParameter parameter;
        double[] values;
        Sweep sweep;
        try {
            parameter = SweepParameter.parse(param);
            values = Sweep.values(from, to, steps, log);
            List<SweepParameter> varied = param2 == null ? List.of(parameter) : List.of(parameter, SweepParameter.parse(param2));
            limits = optimize == null ? null : new SweepLimits(timeLimit, optimize, varied);
            sweep = new Sweep(s, parameter, reoptimizing());
        } catch (IllegalArgumentException e) {
            err.println("sweep: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (param2 != null) {
            return grid(s, parameter, values, err);
        }
        List<SweepPoint> points = sweep.run(values, done -> { }, () -> false);
        print(parameter, points, spec.commandLine().getOut());
        if (optimize != null) {
            printOptimal(parameter, points, spec.commandLine().getOut());
            long unproven = points.stream().filter(p -> limits.unprovenFinished(p, p.value())).count();
            printStops(points.size(), unproven, true);
        }
        if (csv != null) {
            try {
                SweepCsv.write(parameter.toString(), points, csv);
            } catch (IOException e) {
                err.println("sweep: cannot write " + csv + ": " + e.getMessage());
                return ExitCodes.IO_ERROR;
            }
        }
        return ExitCodes.OK;
    }

    private int grid(Scenario s, SweepParameter x, double[] xs, PrintWriter err) {
        if (optimize == null || !second.given()) {
            err.println("sweep: --param2 needs --optimize OBJECTIVE, --from2 and --to2");
            return ExitCodes.USAGE;
        }
        SweepGrid.Result result;
        try {
            SweepGrid grid = new SweepGrid(s, x, SweepParameter.parse(param2), reoptimizing());
            result = grid.run(xs, second.values(), done -> { }, () -> false);
        } catch (IllegalArgumentException e) {
            err.println("sweep: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        // every cell marked ~ is counted, a stopped one too (the stop line gives its gap)
        long unproven = result.rows().stream().flatMap(List::stream).filter(SweepPoint::unproven).count();
        GridOutput.print(result, spec.commandLine().getOut());
        printStops(result.xs().length * result.ys().length, unproven, true);
        if (csv != null) {
            try {
                SweepCsv.write(result, csv);
            } catch (IOException e) {
                err.println("sweep: cannot write " + csv + ": " + e.getMessage());
                return ExitCodes.IO_ERROR;
            }
        }
        return ExitCodes.OK;
    }

    /** The exact search at each value, with the time limit per value when one is given; null without --optimize. */
    private java.util.function.Function<Scenario, Sweep.Best> reoptimizing() {
        if (optimize == null) {
            return null;
        }
        return limits.reoptimizing();
    }

    /** The lines on points stopped at the time limit and on plans not proven optimal (marked ~ where rows are). */
    private void printStops(int points, long unprovenPoints, boolean marked) {
        String summary = limits == null ? null : limits.summary(points);
        if (summary != null) {
            spec.commandLine().getOut().println(summary);
        }
        String unproven = SweepLimits.unprovenSummary(unprovenPoints, points, marked);
        if (unproven != null) {
            spec.commandLine().getOut().println(unproven);
        }
    }

    /** The best plan at every value; a '*' marks where the best cuts or placement change (where offloading starts to win, say). */
    private void printOptimal(SweepParameter parameter, List<SweepPoint> points, PrintWriter out) {
        List<Integer> changes = Sweep.planChanges(points);
        out.printf(Locale.ROOT, "%nBest plan for %s at each value (* where the cuts or placement change, ~ where the plan"
                + " is not proven optimal):%n", optimize.label());
        // the first column as wide as the parameter's name or its widest value: the header stays over its columns
        int width = Math.max(14, parameter.toString().length());
        for (SweepPoint p : points) {
            width = Math.max(width, Format.value(p.value()).length());
        }
        String first = "%-" + width + "s";
        out.printf(Locale.ROOT, first + "  %12s %9s %14s  %s%n", parameter, "mean", "accuracy", "cost/million", "plan");
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            if (!p.valid()) {
                continue;
            }
            String mark = (changes.contains(i) ? "*" : " ") + (limits.unprovenFinished(p, p.value()) ? "~" : " ");
            SearchStopped stop = limits == null ? null : limits.at(p.value());
            if (stop != null && p.optimalPlan() == null) {
                out.printf(Locale.ROOT, first + "%s %s%n", Format.value(p.value()), mark, SweepLimits.mark(stop));
                continue;
            }
            if (p.optimalPlan() == null) {
                out.printf(Locale.ROOT, first + "%s no plan meets the scenario's goals here%n", Format.value(p.value()), mark);
                continue;
            }
            out.printf(Locale.ROOT, first + "%s%12s %9s %14s  %s%s%n", Format.value(p.value()), mark, Format.ms(p.optimal().meanLatency()),
                    Format.percent(p.optimal().accuracy()), Format.usd(p.optimal().costUsdPerMillion()), PlanTable.describe(p.optimalPlan()),
                    stop == null ? "" : "   (" + SweepLimits.mark(stop) + ")");
        }
    }

    /**
     * The current plan at every value, with whether it meets each goal the workload sets there.
     * Consecutive values with the same row (a floor sweep leaves the plan's figures alone) print
     * once, as a range of values.
     */
    static void print(SweepParameter parameter, List<SweepPoint> points, PrintWriter out) {
        List<String> values = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        boolean goals = points.stream().anyMatch(p -> p.valid() && !goals(p.current()).isEmpty());
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            String row;
            if (!p.valid()) {
                row = "invalid: " + p.problems().get(0);
            } else {
                var m = p.current();
                row = String.format(Locale.ROOT, "%12s %12s %9s %14s %12s  %-16s", Format.ms(m.meanLatency()),
                        Format.ms(m.latency().p95()), Format.percent(m.accuracy()), Format.usd(m.costUsdPerMillion()),
                        Format.rate(m.throughputPerSecond()), m.bottleneck()) + (goals ? "  " + goals(m) : "");
            }
            int last = rows.size() - 1;
            if (last >= 0 && rows.get(last).equals(row)) {
                String first = values.get(last).split(" ")[0];
                values.set(last, first + " .. " + Format.value(p.value()));
            } else {
                values.add(Format.value(p.value()));
                rows.add(row);
            }
        }
        int width = Math.max(Math.max(14, parameter.toString().length()), values.stream().mapToInt(String::length).max().orElse(0));
        out.println(String.format(Locale.ROOT, "%-" + width + "s %12s %12s %9s %14s %12s  %-16s%s", parameter, "mean", "p95",
                "accuracy", "cost/million", "throughput", "bottleneck", goals ? "  goals" : "").stripTrailing());
        for (int k = 0; k < rows.size(); k++) {
            out.printf(Locale.ROOT, "%-" + width + "s %s%n", values.get(k), rows.get(k).stripTrailing());
        }
    }

    private static String goals(Metrics m) {
        return org.splitscope.report.Figures.goals(m.goals());
    }
}
