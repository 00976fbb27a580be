package org.splitscope.io.onnx;

import java.util.LinkedHashMap;
import java.util.Map;
import org.splitscope.zoo.Granularity;

/**
 * How to import an ONNX model.
 *
 * @param units       one unit per node, or per block between single-tensor cut points
 * @param inputShapes the shape of each graph input, by name ({@link #ONLY_INPUT} for a model's
 *                    only input); inputs left out have their symbolic dimensions pinned to 1
 * @param maxBytes    the most bytes read: the model file and its external weight files together
 */
public record ImportOptions(Granularity units, Map<String, long[]> inputShapes, long maxBytes) {
    /** Protobuf cannot hold a message over 2 GB, and the importer keeps about two copies. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    /**
     * The most nodes in an imported graph: above the largest models SplitScope partitions
     * (a BERT-large export has some 3,000), below where the per-node analysis gets slow.
     */
    public static final int MAX_NODES = 20_000;
    /**
     * The most elements in one graph input: import and profile run the model on a made-up input
     * of this size (2^25, a 3 x 2160 x 3840 frame and more; 128 MiB as float32).
     */
    public static final long MAX_INPUT_ELEMENTS = 1L << 25;
    /** The name under which a shape applies to the model's only input, whatever it is called. */
    public static final String ONLY_INPUT = "";

    public ImportOptions {
        Map<String, long[]> copy = new LinkedHashMap<>();
        inputShapes.forEach((name, dims) -> copy.put(name, dims.clone()));
        inputShapes = Map.copyOf(copy);
    }

    public static ImportOptions of(Granularity units) {
        return new ImportOptions(units, Map.of(), DEFAULT_MAX_BYTES);
    }

    public ImportOptions withInputShape(String input, long... dims) {
        Map<String, long[]> shapes = new LinkedHashMap<>(inputShapes);
        shapes.put(input, dims);
        return new ImportOptions(units, shapes, maxBytes);
    }
}
