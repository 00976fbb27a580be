package org.splitscope.io.measure;

import java.nio.file.Path;
import java.util.List;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problem;

/** Reads a measurement file of a format (every file through {@link org.splitscope.io.InputFiles}). */
public final class MeasurementFiles {
    private MeasurementFiles() {
    }

    /** @param layerInfo TensorRT layer information, or {@code null}; only {@link MeasurementFormat#TRTEXEC} has it */
    public static Loaded<Measurements> read(Path file, MeasurementFormat format, Path layerInfo) {
        if (layerInfo != null && format != MeasurementFormat.TRTEXEC) {
            return Loaded.failed("layerInfo", "only a trtexec profile comes with layer information");
        }
        Loaded<String> text = MeasureText.read(file);
        if (!text.isOk()) {
            return Loaded.failed(text.problems(), text.warnings());
        }
        String info = null;
        if (layerInfo != null) {
            Loaded<String> read = MeasureText.read(layerInfo);
            if (!read.isOk()) {
                return Loaded.failed(read.problems(), read.warnings());
            }
            info = read.value();
        }
        Loaded<Measurements> parsed = switch (format) {
            case TRTEXEC -> TrtexecProfile.parse(text.value(), info);
            case TFLITE -> TfliteOpProfile.parse(text.value());
            case CHROME_TRACE -> ChromeTraceProfile.parse(text.value());
        };
        if (parsed.isOk() || layerInfo == null) {
            return parsed;
        }
        // problems of the layer information name entries of that file, not of the profile
        return Loaded.failed(parsed.problems().stream().map(p -> p.path().startsWith("Layers")
                ? new Problem(layerInfo + ": " + p.path(), p.message()) : p).toList(), List.of());
    }
}
