package org.splitscope.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints picocli's completion script, made from the commands themselves so it cannot fall behind them. */
@Command(name = "completion", description = "Print the bash and zsh completion script for the splitscope command "
        + "(commands, options and their values). bash: source <(splitscope completion); zsh: autoload -U bashcompinit "
        + "&& bashcompinit first. The .deb installs it.",
        exitCodeListHeading = "Exit codes:%n", exitCodeList = {"0:printed", "2:bad command line"})
final class CompletionCommand implements Callable<Integer> {
    /** The name completion answers to: the .deb puts a {@code splitscope} command on the PATH. */
    static final String COMMAND = "splitscope";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash(COMMAND, spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
