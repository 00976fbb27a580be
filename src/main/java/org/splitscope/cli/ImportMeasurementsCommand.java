package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.measure.MeasurementMapping;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import-measurements", description = "Store per-layer times measured on a device (TensorRT trtexec, "
        + "TFLite benchmark_model, ONNX Runtime or PyTorch traces) as the profile's measured latencies for a device class, "
        + "mapped onto the units by ONNX node names; prints what matched.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the scenario was written", "1:a file has problems, or nothing in it matches the profile (nothing written)",
                "2:bad command line", "3:the scenario could not be written"})
final class ImportMeasurementsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario whose profile gets the times")
    Path scenario;

    @Parameters(index = "1", paramLabel = "FILE", description = "the measurement file")
    Path file;

    @Mixin
    MeasurementInput measurement;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "scenario JSON file to write")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Scenario s = ScenarioInput.read(scenario, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        MeasurementMapping.Mapped mapped = measurement.mapped(s, file, err);
        if (mapped == null) {
            return ExitCodes.INVALID_INPUT;
        }
        ModelProfile p = mapped.profile();
        ModelProfile described = new ModelProfile(p.name(), p.description() + " Latencies on '" + measurement.deviceClass + "' from "
                + file.getFileName() + ": " + p.units().size() + " units, " + String.format(java.util.Locale.ROOT, "%.1f%%",
                100 * mapped.coverage().matchedShare()) + " of the measured time matched.", p.inputBytes(), p.resultBytes(),
                p.units(), p.exits(), p.exitStats(), p.criterion(), p.rangeLatencies(), p.serialize(), p.deserialize());
        // the profile changed, so it is written into the scenario rather than to the file it was referenced from
        Scenario updated = new Scenario(s.formatVersion(), s.name(), s.description(), null, described, s.topology(), s.plan(),
                s.workload(), s.snapshots());
        java.util.List<Problem> invalid = updated.validate();
        if (!invalid.isEmpty()) {
            err.println("the scenario with these times is invalid:");
            invalid.forEach(x -> err.println("  " + x));
            return ExitCodes.INVALID_INPUT;
        }
        mapped.coverage().lines().forEach(out::println);
        if (s.profileFile() != null) {
            out.println("the profile from " + s.profileFile() + " is now written into " + output);
        }
        try {
            ScenarioFiles.write(updated, output);
        } catch (IOException e) {
            err.println("cannot write " + output + ": " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        out.println("wrote " + output);
        return ExitCodes.OK;
    }
}
