package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ImportReport;
import org.splitscope.io.onnx.OnnxImport;
import org.splitscope.io.onnx.OnnxImporter;
import org.splitscope.model.ModelProfile;
import org.splitscope.optimize.DnnSplitCandidates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", description = "Import an ONNX model as a profile (FLOPs, parameters, DAG-aware cut bytes).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the profile was written", "1:the model cannot be imported (the reason is printed)",
                "2:bad command line", "3:the profile could not be written"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the .onnx file")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PROFILE", description = "profile JSON file to write")
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
        Loaded<OnnxImport> loaded = OnnxImporter.importModel(model, options);
        if (!ProfileOutput.printed(model, loaded, err)) {
            return ExitCodes.INVALID_INPUT;
        }
        int written = ProfileOutput.write(loaded.value().profile(), output, err);
        if (written != ExitCodes.OK) {
            return written;
        }
        summary(loaded.value(), spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private void summary(OnnxImport imported, PrintWriter out) {
        ModelProfile p = imported.profile();
        ImportReport r = imported.report();
        out.printf("%s: %d nodes (%d Constant, %d computed from weights only), input %s%n", model, r.nodeCount(),
                r.constantNodes(), r.foldedNodes(), r.inputShapes().entrySet().stream()
                        .map(e -> e.getKey() + Arrays.toString(e.getValue())).collect(Collectors.joining(", ")));
        out.printf("wrote %s: %d units (%s)%n", output, p.unitCount(), input.unitsDescription());
        out.printf(Locale.ROOT, "total FLOPs: %.4g%n", p.units().stream().mapToDouble(u -> u.flops()).sum());
        out.printf("parameters: %s%n", Format.bytes(p.units().stream().mapToDouble(u -> u.paramBytes()).sum()));
        out.printf("input: %s, result: %s%n", Format.bytes(p.inputBytes()), Format.bytes(p.resultBytes()));
        List<String> cuts = candidateCuts(p);
        out.printf("DNNSplit candidate cuts (cut bytes below the input and every earlier cut): %d%s%n", cuts.size(),
                cuts.isEmpty() ? "" : "\n  after unit " + String.join("\n  after unit ", cuts));
        Map<String, Integer> unknown = r.unknownFlopOps();
        out.println("operators without a FLOP formula (counted as 0): " + (unknown.isEmpty() ? "none"
                : unknown.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))));
    }

    /** The strict prefix minima of cutBytes below the input, as "u (name): bytes". */
    private static List<String> candidateCuts(ModelProfile p) {
        DnnSplitCandidates candidates = new DnnSplitCandidates(p);
        List<String> cuts = new ArrayList<>();
        for (int u : candidates.cuts()) {
            // cuts() also holds cut 0 (nothing runs first) and N (nothing is cut off), minima or not
            if (u >= 1 && candidates.floor(u) == u) {
                cuts.add(u + " (" + p.unit(u).name() + "): " + Format.bytes(p.unit(u).cutBytes()));
            }
        }
        return cuts;
    }
}
