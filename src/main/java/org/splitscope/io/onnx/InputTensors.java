package org.splitscope.io.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Synthetic model inputs, for measuring shapes and times: the values do not matter, the shapes do. */
final class InputTensors {
    private InputTensors() {
    }

    /** A tensor of the input's type and shape with every element equal to {@code fill}. */
    static OnnxTensor filled(OrtEnvironment env, TensorInfo info, int fill) throws OrtException {
        OnnxJavaType type = info.type;
        long elements = info.getNumElements();
        if (elements * type.size > Integer.MAX_VALUE) {
            throw new OrtException("an input of " + elements + " elements is too large to make");
        }
        ByteBuffer data = ByteBuffer.allocateDirect((int) (elements * type.size)).order(ByteOrder.nativeOrder());
        for (long i = 0; i < elements; i++) {
            switch (type) {
                case FLOAT -> data.putFloat(fill);
                case DOUBLE -> data.putDouble(fill);
                case INT64 -> data.putLong(fill);
                case INT32 -> data.putInt(fill);
                case INT16 -> data.putShort((short) fill);
                case INT8, UINT8, BOOL -> data.put((byte) fill);
                default -> throw new OrtException("cannot make an input of type " + type);
            }
        }
        data.flip();
        return OnnxTensor.createTensor(env, data, info.getShape(), type);
    }
}
