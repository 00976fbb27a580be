package org.splitscope.io.onnx;

import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;

/**
 * The element type and static shape of one tensor, with its size in bytes.
 *
 * @param elemType an ONNX {@code TensorProto.DataType} number
 * @param dims     every dimension, all known (shapes are pinned before they are inferred)
 */
record TensorType(int elemType, long[] dims) {
    TensorType {
        dims = dims.clone();
    }

    static TensorType of(TensorProto t) {
        return new TensorType(t.getDataType(), t.getDimsList().stream().mapToLong(Long::longValue).toArray());
    }

    long elements() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    double bytes() {
        return elements() * bytesPerElement(elemType);
    }

    int rank() {
        return dims.length;
    }

    long dim(int axis) {
        return dims[axis < 0 ? dims.length + axis : axis];
    }

    /**
     * Bytes of one element of an ONNX data type; 4-bit types are half a byte. Strings have no fixed
     * size and count 0 here: they are rare in the graphs SplitScope imports and never weights.
     * -1 for a type number this SplitScope does not know.
     */
    static double bytesPerElement(int dataType) {
        return switch (dataType) {
            case 2, 3, 9, 17, 18, 19, 20, 24 -> 1; // uint8, int8, bool, float8 types
            case 4, 5, 10, 16 -> 2;                // uint16, int16, float16, bfloat16
            case 1, 6, 12 -> 4;                    // float, int32, uint32
            case 7, 11, 13, 14 -> 8;               // int64, double, uint64, complex64
            case 15 -> 16;                         // complex128
            case 21, 22, 23 -> 0.5;                // uint4, int4, float4e2m1
            case 25, 26 -> 0.25;                   // uint2, int2
            case 8 -> 0;                           // string
            default -> -1;
        };
    }

    /**
     * The ONNX data type number of an ONNX Runtime element type, or -1. The runtime's Java enum
     * numbers its constants in its own order ({@code value} 10 is FLOAT there, FLOAT16 in ONNX),
     * so the mapping goes by name.
     */
    static int fromRuntime(TensorInfo.OnnxTensorType type) {
        String name = type.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "");
        for (TensorProto.DataType t : TensorProto.DataType.values()) {
            if (t.name().equals(name)) {
                return t.getNumber();
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
