package org.splitscope.io.onnx;

import java.util.Arrays;

/**
 * A tensor as bytes, for sending between processes: its name in the model, its element type
 * (an {@code ai.onnxruntime.OnnxJavaType} name: FLOAT, INT64, ...), its shape and its data in
 * native byte order.
 */
public record RawTensor(String name, String elemType, long[] shape, byte[] data) {
    public RawTensor {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The element count the shape says. */
    public long elements() {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public String toString() {
        return name + " " + elemType + Arrays.toString(shape) + " (" + data.length + " bytes)";
    }
}
