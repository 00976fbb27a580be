package org.splitscope.cli;

import java.io.PrintWriter;

import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.ui.ExplorerLauncher;
import org.splitscope.ui.LaunchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code java -jar splitscope.jar COMMAND ...}: the headless entry point (without a command, the
 * explorer window). Every command reads files through {@code io}, computes through the one
 * {@code Evaluator} and prints; user errors are messages with exit codes ({@link ExitCodes}),
 * never stack traces.
 */
@Command(name = "splitscope", mixinStandardHelpOptions = true, version = "SplitScope 0.1.0", scope = CommandLine.ScopeType.INHERIT,
        description = "What-if explorer for partitioned DNN inference (PORTEND-style joint performance model).",
        footer = {"", "Without a command, the explorer window opens (--snapshot renders it to a PNG and exits):",
                "  splitscope [--snapshot FILE.png] [--size WxH] [--tab NAME] [--presentation] [--scenario FILE | FILE.json]"},
        subcommands = {EvaluateCommand.class, ValidateCommand.class, SweepCommand.class, ExplainCommand.class, ImportCommand.class, ProfileCommand.class,
                ExportOnnxCommand.class, ImportCsvCommand.class, ImportMeasurementsCommand.class, ImportNetworkCommand.class,
                CalibrateCommand.class,
                OptimizeCommand.class, ParetoCommand.class, ZooCommand.class,
                ReportCommand.class, ExportPlanCommand.class, TestbedCommand.class, CompletionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * No command at all, or the explorer's own options ({@code --snapshot FILE.png}, a scenario
     * file, ... see {@link LaunchOptions}), opens the explorer window (loaded only then, so that
     * the commands never touch JavaFX); anything else is a command.
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
        cl.setParameterExceptionHandler(Main::badCommandLine);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof InvalidScenarioException invalid) {
                // a command that evaluates many plans (optimize, pareto, report) meets a refusal mid-way
                invalid.problems().forEach(p -> line.getErr().println("splitscope: " + p));
                return ExitCodes.INVALID_INPUT;
            }
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

    /**
     * A bad command line is one line naming what is wrong (an option with its bad value and the
     * accepted ones) and where the help is, not picocli's usage of 30 lines.
     */
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        String command = e.getCommandLine().getCommandSpec().qualifiedName(" ");
        e.getCommandLine().getErr().println(command + ": " + problem(e) + "; see `" + command + " --help`");
        return ExitCodes.USAGE;
    }

    private static String problem(CommandLine.ParameterException e) {
        if (e.getCause() instanceof CommandLine.TypeConversionException t && e.getArgSpec() instanceof OptionSpec o) {
            return o.longestName() + ": " + t.getMessage();
        }
        String message = e.getMessage().strip().replaceFirst("^Error: ", "").replaceAll("\\s*\\R\\s*", "; ").replaceFirst("\\.$", "");
        if (e instanceof CommandLine.UnmatchedArgumentException u && e.getCommandLine().getCommandSpec().parent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            return message + " (did you mean " + String.join(" or ", u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size()))) + "?)";
        }
        return message;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
