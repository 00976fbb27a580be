package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.splitscope.report.Report;
import org.splitscope.report.ReportFiles;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Objective;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "Write a report of the scenario's plan as PDF or HTML (chosen by the"
        + " file's extension): scenario, every metric with its breakdown, charts, the optimizer's best plan,"
        + " the assumptions in force and an optional sweep.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the scenario has problems (each named)",
                "2:bad command line (including a file that is neither .pdf nor .html)", "3:the file could not be written"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.pdf|FILE.html", description = "the report")
    Path output;

    @Option(names = "--sweep", paramLabel = "PARAM", description = "also sweep this parameter: "
            + SweepParameter.SYNTAX)
    String sweep;

    @Option(names = "--from", description = "first value of the sweep (SI units)")
    Double from;

    @Option(names = "--to", description = "last value of the sweep (SI units)")
    Double to;

    @Option(names = "--steps", defaultValue = "11", description = "number of sweep values (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--log", description = "space the sweep's values geometrically")
    boolean log;

    @Option(names = "--optimize", paramLabel = "OBJECTIVE", converter = OptionWords.Objectives.class,
            completionCandidates = OptionWords.Objectives.class, description = "also find the best plan at every swept value"
            + " for this objective (${COMPLETION-CANDIDATES}): the report names it and where it changes")
    Objective optimize;

    @Option(names = "--sweep2", paramLabel = "PARAM", description = "a second parameter (needs --optimize): the report"
            + " shows the grid of both as a heat map of the best plan, with its regions, instead of a one-parameter sweep")
    String sweep2;

    @Mixin
    SecondRange second = new SecondRange();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ReportFiles.formatOf(output);
        } catch (IllegalArgumentException e) {
            err.println("report: -o: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (sweep == null && (from != null || to != null)) {
            err.println("report: --from and --to need --sweep PARAM");
            return ExitCodes.USAGE;
        }
        if (sweep == null && optimize != null) {
            err.println("report: --optimize needs --sweep PARAM");
            return ExitCodes.USAGE;
        }
        if (sweep != null && (from == null || to == null)) {
            err.println("report: --sweep needs --from and --to");
            return ExitCodes.USAGE;
        }
        if (sweep2 != null && (sweep == null || optimize == null || !second.given())) {
            err.println("report: --sweep2 needs --sweep PARAM, --optimize OBJECTIVE, --from2 and --to2");
            return ExitCodes.USAGE;
        }
        String tooMany = sweep == null ? null : StepLimits.refusal(steps, sweep2 != null ? second.steps : null);
        if (tooMany != null) {
            err.println("report: " + tooMany);
            return ExitCodes.USAGE;
        }
        Scenario s = ScenarioInput.read(file, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        SweepResult swept = null;
        SweepGrid.Result grid = null;
        if (sweep2 != null) {
            try {
                grid = new SweepGrid(s, SweepParameter.parse(sweep), SweepParameter.parse(sweep2), Sweep.reoptimizing(optimize))
                        .run(Sweep.values(from, to, steps, log), second.values(), done -> { }, () -> false);
            } catch (IllegalArgumentException e) {
                err.println("report: --sweep2: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        } else if (sweep != null) {
            try {
                SweepParameter parameter = SweepParameter.parse(sweep);
                double[] values = Sweep.values(from, to, steps, log);
                swept = SweepResult.of(parameter, log, new Sweep(s, parameter,
                        optimize == null ? null : Sweep.reoptimizing(optimize)).run(values, done -> { }, () -> false));
            } catch (IllegalArgumentException e) {
                err.println("report: --sweep: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        Report report = Report.assemble(s, swept, CancellationToken.none()).withGrid(grid);
        try {
            ReportFiles.write(report, output);
        } catch (IOException e) {
            err.println("report: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        spec.commandLine().getOut().println("wrote " + output);
        return ExitCodes.OK;
    }
}
