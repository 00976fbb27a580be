package org.splitscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.zoo.Granularity;
import picocli.CommandLine.Option;

/** The options every command that reads an ONNX model shares (a picocli mixin). */
final class OnnxInputOptions {
    @Option(names = "--units", paramLabel = "layers|blocks", converter = OptionWords.Units.class,
            completionCandidates = OptionWords.Units.class,
            description = "one unit per node (default), or per block between single-tensor cut points")
    Granularity units = Granularity.LAYERS;

    @Option(names = "--input-shape", paramLabel = "[NAME=]D1,D2,...",
            description = "the request's input shape, for example 1,3,224,224 (NAME= when the model has several "
                    + "inputs); symbolic dimensions not given are pinned to 1")
    List<String> inputShapes = new ArrayList<>();

    /** The import options, or {@code null} after printing why the shapes given cannot be read. */
    ImportOptions importOptions(PrintWriter err) {
        ImportOptions options = ImportOptions.of(units);
        for (String shape : inputShapes) {
            int eq = shape.indexOf('=');
            long[] dims = dims(shape.substring(eq + 1));
            if (dims == null) {
                err.println("--input-shape: expected [NAME=]D1,D2,... with whole numbers >= 1, got '" + shape + "'");
                return null;
            }
            options = options.withInputShape(eq < 0 ? ImportOptions.ONLY_INPUT : shape.substring(0, eq), dims);
        }
        return options;
    }

    String unitsDescription() {
        return units == Granularity.LAYERS ? "one per node" : "one per block between single-tensor cuts";
    }

    private static long[] dims(String text) {
        String[] parts = text.split(",", -1);
        long[] dims = new long[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                dims[i] = Long.parseLong(parts[i].trim());
                if (dims[i] < 1) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return dims;
    }
}
