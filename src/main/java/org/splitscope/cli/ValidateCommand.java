package org.splitscope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.splitscope.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", description = "Check a scenario file and print every problem with its JSON path.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the scenario is valid", "1:the scenario has problems (all printed)", "2:bad command line"})
final class ValidateCommand implements Callable<Integer> {
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
        spec.commandLine().getOut().printf("%s: valid (%d units, %d exits, %d nodes, %d links, %d stages)%n", file,
                s.profile().unitCount(), s.profile().exits().size(), s.topology().nodes().size(),
                s.topology().links().size(), s.plan().stages().size());
        return ExitCodes.OK;
    }
}
