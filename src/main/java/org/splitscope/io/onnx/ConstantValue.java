package org.splitscope.io.onnx;

import org.splitscope.io.onnx.proto.Onnx.AttributeProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;

/**
 * The tensor a {@code Constant} node holds, whichever attribute it uses: {@code value} (a tensor,
 * the only form before opset 12) or the scalar and list shorthands of opset 12+. Only the type and
 * shape matter to SplitScope, so the shorthands become tensors without their data.
 */
final class ConstantValue {
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    private static final int INT64 = TensorProto.DataType.INT64_VALUE;
    private static final int STRING = TensorProto.DataType.STRING_VALUE;

    private ConstantValue() {
    }

    /** The value's type and shape, or {@code null} when the node has no readable value. */
    static TensorProto of(NodeProto constant) {
        for (AttributeProto a : constant.getAttributeList()) {
            TensorProto.Builder t = TensorProto.newBuilder().setName(a.getName());
            switch (a.getName()) {
                case "value":
                    return a.hasT() ? a.getT() : null;
                case "value_float":
                    return t.setDataType(FLOAT).build();
                case "value_floats":
                    return t.setDataType(FLOAT).addDims(a.getFloatsCount()).build();
                case "value_int":
                    return t.setDataType(INT64).build();
                case "value_ints":
                    return t.setDataType(INT64).addDims(a.getIntsCount()).build();
                case "value_string":
                    return t.setDataType(STRING).build();
                case "value_strings":
                    return t.setDataType(STRING).addDims(a.getStringsCount()).build();
                default:
                    break; // sparse_value, or an attribute of a later opset: keep looking
            }
        }
        return null;
    }
}
