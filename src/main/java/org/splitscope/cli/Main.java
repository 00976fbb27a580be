package org.splitscope.cli;

import java.io.PrintWriter;

import org.splitscope.ui.ExplorerLauncher;
import org.splitscope.ui.LaunchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar splitscope.jar COMMAND ...}: the headless entry point (without a command, the
 * explorer window). Every command reads files through {@code io}, computes through the one
 * {@code Evaluator} and prints; user errors are messages with exit codes ({@link ExitCodes}),
 * never stack traces.
 */
@Command(name = "splitscope", mixinStandardHelpOptions = true, version = "SplitScope 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = "What-if explorer for partitioned DNN inference (PORTEND-style joint performance model).",
        subcommands = {EvaluateCommand.class, ValidateCommand.class, SweepCommand.class, ExplainCommand.class, ImportCommand.class, ProfileCommand.class,
                ExportOnnxCommand.class, ImportCsvCommand.class,
                OptimizeCommand.class, ParetoCommand.class, ZooCommand.class,
                ReportCommand.class, ExportPlanCommand.class, TestbedCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * No command at all, or {@code --snapshot FILE.png}, opens the explorer window (loaded only
     * then, so that the commands never touch JavaFX); anything else is a command.
     */
    public static void main(String[] args) {
        if (LaunchOptions.isExplorer(args)) {
            System.exit(ExplorerLauncher.launch(args));
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given streams and returns its exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("splitscope: internal error: " + e
                    + "\nThis is a bug in SplitScope; please report it with the command and input that caused it.");
            return ExitCodes.INTERNAL_ERROR;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
