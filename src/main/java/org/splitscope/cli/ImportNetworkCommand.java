package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.measure.LinkMeasurement;
import org.splitscope.io.measure.NetworkImport;
import org.splitscope.io.measure.NetworkFormat;
import org.splitscope.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import-network", description = "Update or add the topology's links from measured paths: a Scission "
        + "CSV (source,destination,ping_ms,bandwidth_mbps) or one iperf3 --json run.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the scenario was written", "1:the file has problems or names unknown nodes (nothing written)",
                "2:bad command line", "3:the scenario could not be written"})
final class ImportNetworkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario whose links are measured")
    Path scenario;

    @Parameters(index = "1", paramLabel = "FILE", description = "the measurement file")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "csv|iperf3", converter = OptionWords.NetworkFormats.class,
            completionCandidates = OptionWords.NetworkFormats.class, description = "what wrote FILE")
    NetworkFormat format;

    @Option(names = "--from", paramLabel = "NODE", description = "iperf3: the node the client ran on")
    String from;

    @Option(names = "--to", paramLabel = "NODE", description = "iperf3: the node the server ran on")
    String to;

    @Option(names = "--ping-ms", paramLabel = "MS", description = "iperf3: a measured round trip, for a run without one "
            + "(UDP, or not Linux); half of it is the link's latency")
    Double pingMs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "scenario JSON file to write")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean iperf = format == NetworkFormat.IPERF3;
        if (iperf != (from != null && to != null) || !iperf && pingMs != null) {
            err.println(iperf ? "--from and --to name the two nodes of an iperf3 run" : "--from, --to and --ping-ms go with --format iperf3");
            return ExitCodes.USAGE;
        }
        if (pingMs != null && !(pingMs >= 0 && pingMs < 1e9)) {
            err.println("--ping-ms: a round trip in milliseconds >= 0, got " + pingMs);
            return ExitCodes.USAGE;
        }
        Scenario s = ScenarioInput.read(scenario, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        Loaded<List<LinkMeasurement>> read = NetworkImport.read(file, format, from, to, pingMs);
        if (!printed(file, read, err)) {
            return ExitCodes.INVALID_INPUT;
        }
        Loaded<NetworkImport.Result> updated = NetworkImport.apply(s, read.value());
        if (!printed(file, updated, err)) {
            return ExitCodes.INVALID_INPUT;
        }
        Scenario result = updated.value().scenario();
        PrintWriter out = spec.commandLine().getOut();
        updated.value().changes().forEach(out::println);
        try {
            ScenarioFiles.write(result, output);
        } catch (IOException e) {
            err.println("cannot write " + output + ": " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        out.println("wrote " + output);
        return ExitCodes.OK;
    }

    private static boolean printed(Path file, Loaded<?> loaded, PrintWriter err) {
        loaded.warnings().forEach(w -> err.println("warning: " + file + ": " + w));
        if (!loaded.isOk()) {
            int n = loaded.problems().size();
            err.println(file + ": " + n + " problem" + (n == 1 ? "" : "s") + ":");
            loaded.problems().forEach(p -> err.println("  " + p));
        }
        return loaded.isOk();
    }
}
