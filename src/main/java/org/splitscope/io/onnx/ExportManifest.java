package org.splitscope.io.onnx;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code manifest.json} beside the exported stage files says: which file runs which units,
 * and which tensor goes from which stage to which. Stage 0 is the request (the model's inputs).
 * A tensor that skips a stage (a skip connection across a whole stage) goes straight from its
 * producer to its readers here; a deployment forwards it through the stages between, as the
 * profile's cut bytes count it in every cut it crosses.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param model         the file name of the exported model
 * @param units         "layers" or "blocks", as it was imported
 * @param inputShapes   the pinned input shapes every shape here is for, by input name
 * @param modelInputs   the model's inputs, supplied by the request
 * @param modelOutputs  the model's outputs, in the model's order
 * @param stages        one per stage of the plan, in order
 * @param transfers     every tensor that some stage reads but does not produce, or that is a model output
 */
public record ExportManifest(int formatVersion, String model, String units, Map<String, List<Long>> inputShapes,
                             List<String> modelInputs, List<String> modelOutputs, List<StageFile> stages,
                             List<Transfer> transfers) {
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    public ExportManifest {
        inputShapes = Collections.unmodifiableMap(new TreeMap<>(inputShapes)); // sorted: the same file every time
        modelInputs = List.copyOf(modelInputs);
        modelOutputs = List.copyOf(modelOutputs);
        stages = List.copyOf(stages);
        transfers = List.copyOf(transfers);
    }

    /**
     * @param stage   1-based
     * @param node    the topology node the plan puts it on ({@code null} when the plan names none)
     * @param nodes   how many ONNX nodes the file holds, Constant and weight-only nodes included
     * @param inputs  its graph inputs, in the order of first use
     * @param outputs its graph outputs, in the order they are computed
     */
    public record StageFile(int stage, int firstUnit, int lastUnit, String node, String file, int nodes,
                            List<String> inputs, List<String> outputs) {
        public StageFile {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }

    /**
     * @param tensor      its name in the model and in the stage files
     * @param from        the stage that computes it, 0 for a model input
     * @param to          the later stages that read it, in order
     * @param modelOutput whether it is one of the model's outputs (sent to the sink)
     * @param elemType    the ONNX element type name (FLOAT, INT64, ...)
     * @param shape       its static shape for the pinned inputs
     * @param bytes       its size
     */
    public record Transfer(String tensor, int from, List<Integer> to, boolean modelOutput, String elemType,
                           List<Long> shape, double bytes) {
        public Transfer {
            to = List.copyOf(to);
            shape = List.copyOf(shape);
        }
    }
}
