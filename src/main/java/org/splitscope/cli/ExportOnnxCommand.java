package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ExportManifest;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.StageExport;
import org.splitscope.io.onnx.StageExporter;
import org.splitscope.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export-onnx", description = "Write one ONNX sub-model per stage of a scenario's plan, and a manifest "
        + "of the tensors that go from stage to stage. The scenario's profile must have been imported from MODEL "
        + "with the same --units and --input-shape.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the stage files and manifest.json were written",
                "1:the scenario or the model has problems, or the profile is not this model's (all printed)",
                "2:bad command line", "3:a file could not be written"})
final class ExportOnnxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the .onnx file the scenario's profile was imported from")
    Path model;

    @Option(names = "--scenario", required = true, paramLabel = "SCENARIO", description = "scenario JSON file whose plan is exported")
    Path scenario;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "folder for stage-1.onnx, stage-2.onnx, ... and manifest.json (created when missing)")
    Path output;

    @Mixin
    OnnxInputOptions input = new OnnxInputOptions();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = input.importOptions(err);
        if (options == null) {
            return ExitCodes.USAGE;
        }
        Scenario s = ScenarioInput.read(scenario, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        Loaded<StageExport> export = StageExporter.export(model, options, s.profile(), s.plan());
        export.warnings().forEach(w -> err.println("warning: " + w));
        if (!export.isOk()) {
            int n = export.problems().size();
            err.println(model + " with " + scenario + ": cannot export (" + n + " problem" + (n == 1 ? "" : "s") + "):");
            export.problems().forEach(p -> err.println("  " + p));
            return ExitCodes.INVALID_INPUT;
        }
        try {
            export.value().write(output);
        } catch (IOException e) {
            err.println(e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        summary(export.value().manifest(), spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private void summary(ExportManifest m, PrintWriter out) {
        for (ExportManifest.StageFile f : m.stages()) {
            double sent = m.transfers().stream().filter(t -> f.outputs().contains(t.tensor()))
                    .mapToDouble(ExportManifest.Transfer::bytes).sum();
            out.printf("stage %d: units %d..%d%s -> %s (%d nodes), reads %s, hands on %s (%s)%n", f.stage(), f.firstUnit(),
                    f.lastUnit(), f.node() == null ? "" : " on " + f.node(), output.resolve(f.file()), f.nodes(),
                    String.join(", ", f.inputs()), String.join(", ", f.outputs()), Format.bytes(sent));
        }
        out.println("wrote " + output.resolve(ExportManifest.FILE_NAME));
    }
}
