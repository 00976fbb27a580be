package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.splitscope.io.PlanFiles;
import org.splitscope.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export-plan", description = "Write the scenario's plan as a plan JSON file (formatVersion 1, the"
        + " fields of \"plan\" in a scenario).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:written", "1:the scenario has problems (each named)", "2:bad command line",
                "3:the file could not be written"})
final class ExportPlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario JSON file")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PLAN.json", description = "the plan file")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Scenario s = ScenarioInput.read(file, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        try {
            PlanFiles.write(s.plan(), output);
        } catch (IOException e) {
            err.println("export-plan: cannot write " + output + ": " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        spec.commandLine().getOut().println("wrote " + output);
        return ExitCodes.OK;
    }
}
