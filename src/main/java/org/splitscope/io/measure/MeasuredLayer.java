package org.splitscope.io.measure;

import java.util.List;

/**
 * One entry of a measurement file: a layer (or kernel) as the measuring tool named it, its time
 * per inference, and the ONNX nodes it computes where the file says so.
 *
 * @param where   where the entry is in its file, as a message names it ("line 12", "entry 3")
 * @param seconds time of one inference spent in this layer
 * @param nodes   ONNX node names from the file's layer information (a TensorRT layer that fused
 *                several nodes lists them all); empty when the file has none, and then the
 *                layer's name stands for the node
 */
public record MeasuredLayer(String name, String where, double seconds, List<String> nodes) {
    public MeasuredLayer {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
