package org.splitscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.splitscope.io.MetricsFiles;
import org.splitscope.model.FieldRange;
import org.splitscope.model.Ranges;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.perf.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", description = "Evaluate a scenario's plan and print its metrics.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:evaluated (an infeasible or saturated plan is reported, not an error)",
                "1:the scenario has problems (all printed)", "2:bad command line"})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file")
    Path file;

    @Option(names = "--json", description = "print the metrics as JSON (SI units) for scripts")
    boolean json;

    @Option(names = "--rate", paramLabel = "REQ_PER_S",
            description = "override the workload's arrival rate (requests per second)")
    Double rate;

    @Override
    public Integer call() throws JsonProcessingException {
        Scenario s = ScenarioInput.read(file, spec.commandLine().getErr());
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        if (rate != null) {
            if (!(rate >= 0) || rate.isInfinite()) {
                spec.commandLine().getErr().println("--rate: must be a finite number >= 0, got " + rate);
                return ExitCodes.USAGE;
            }
            if (!Ranges.ARRIVAL_RATE.contains(rate)) {
                spec.commandLine().getErr().println("--rate: must be " + Ranges.ARRIVAL_RATE.describe() + ", got "
                        + FieldRange.number(rate));
                return ExitCodes.USAGE;
            }
            s = s.withWorkload(s.workload().withArrivalRate(rate));
        }
        Metrics m;
        try {
            m = Evaluator.evaluate(s);
        } catch (InvalidScenarioException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println(file + ": " + p));
            return ExitCodes.INVALID_INPUT;
        }
        if (json) {
            spec.commandLine().getOut().println(MetricsFiles.toJson(m));
        } else {
            spec.commandLine().getOut().print(new MetricsReport(s, m).text());
        }
        return ExitCodes.OK;
    }
}
