package org.splitscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.splitscope.explain.Explanation;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", description = "Show the latency formula with this plan's numbers and why the bottleneck is where it is.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:explained", "1:the scenario has problems", "2:bad command line"})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file")
    Path file;

    @Override
    public Integer call() {
        Scenario s = ScenarioInput.read(file, spec.commandLine().getErr());
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        try {
            spec.commandLine().getOut().print(new Explanation(s, Evaluator.evaluate(s)).text());
            return ExitCodes.OK;
        } catch (InvalidScenarioException e) {
            e.problems().forEach(p -> spec.commandLine().getErr().println(file + ": " + p));
            return ExitCodes.INVALID_INPUT;
        }
    }
}
