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

/** Reads a measurement file and maps it onto a scenario's profile, printing problems the same way for every command. */
final class MeasurementInput {
    private MeasurementInput() {
    }

    /** The mapping, or {@code null} after printing why there is none. */
    static MeasurementMapping.Mapped mapped(Scenario scenario, Path file, MeasurementFormat format, Path layerInfo,
                                            String deviceClass, UnmatchedLayers unmatched, PrintWriter err) {
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
