package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.splitscope.io.Loaded;
import org.splitscope.io.measure.MeasurementFiles;
import org.splitscope.io.measure.MeasurementFormat;
import org.splitscope.io.measure.MeasurementMapping;
import org.splitscope.io.measure.Measurements;
import org.splitscope.io.measure.UnmatchedLayers;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import picocli.CommandLine.Option;

/**
 * The options that say how to read a measurement file (a picocli mixin of import-measurements and
 * calibrate), and the reading and mapping onto a scenario's profile, with problems printed the same
 * way for both commands.
 */
final class MeasurementInput {
    @Option(names = "--format", required = true, paramLabel = "trtexec|tflite|chrome-trace",
            converter = OptionWords.MeasurementFormats.class, completionCandidates = OptionWords.MeasurementFormats.class,
            description = "what wrote FILE")
    MeasurementFormat format;

    @Option(names = "--device-class", required = true, paramLabel = "CLASS", description = "the device class the times were taken on")
    String deviceClass;

    @Option(names = "--layer-info", paramLabel = "FILE", description = "trtexec --exportLayerInfo JSON: maps fused layers to ONNX nodes")
    Path layerInfo;

    @Option(names = "--unmatched", paramLabel = "spread|leave", converter = OptionWords.Unmatched.class,
            completionCandidates = OptionWords.Unmatched.class,
            description = "layers that name no node of the profile: leave them out (default) or spread their time over their neighbours")
    UnmatchedLayers unmatched = UnmatchedLayers.LEAVE;

    /** The mapping, or {@code null} after printing why there is none. */
    MeasurementMapping.Mapped mapped(Scenario scenario, Path file, PrintWriter err) {
        Loaded<Measurements> read = MeasurementFiles.read(file, format, layerInfo);
        if (!printed(file, read, err)) {
            return null;
        }
        Loaded<MeasurementMapping.Mapped> mapped = MeasurementMapping.map(scenario.profile(), read.value(), deviceClass, unmatched);
        if (!printed(file, mapped, err)) {
            return null;
        }
        if (scenario.topology().nodes().stream().noneMatch(n -> n.deviceClass().equals(deviceClass))) {
            err.println("warning: no node of the topology has device class '" + deviceClass
                    + "'; the times apply to the nodes of that class once there are some");
        }
        return mapped.value();
    }

    private static boolean printed(Path file, Loaded<?> loaded, PrintWriter err) {
        loaded.warnings().forEach(w -> err.println("warning: " + file + ": " + w));
        if (!loaded.isOk()) {
            int n = loaded.problems().size();
            err.println(file + ": " + n + " problem" + (n == 1 ? "" : "s") + ":");
            for (Problem p : loaded.problems()) {
                err.println("  " + p);
            }
        }
        return loaded.isOk();
    }
}
