package org.splitscope.io.onnx;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.splitscope.io.onnx.proto.Onnx.AttributeProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;

/**
 * FLOPs of one node for batch-sized shapes, by the conventions of the built-in zoo
 * ({@code org.splitscope.zoo.Architecture}) so that imported and built-in profiles compare:
 * <ul>
 *   <li>Conv, ConvTranspose, Gemm, MatMul: 2 FLOPs per multiply-accumulate, plus 1 per output
 *       element for a bias (Gemm: for C). Conv's MACs per output element are the weight's
 *       {@code C/group x kernel} elements, which already accounts for groups and dilations;
 *       ConvTranspose multiplies each input element by {@code M/group x kernel} weights.</li>
 *   <li>BatchNormalization: 2 per element (scale and shift, statistics folded).</li>
 *   <li>Element-wise operators (activations, arithmetic, comparisons): 1 per output element;
 *       Softmax and LogSoftmax 3 (exponent, sum, divide).</li>
 *   <li>MaxPool, AveragePool, LpPool: 1 per window element of each output; global pooling and
 *       Reduce* operators: 1 per input element.</li>
 *   <li>Resize/Upsample: nearest is a copy (0); linear reads 2 and cubic 4 inputs per resized
 *       axis, 2 FLOPs (multiply-add) each.</li>
 *   <li>Data movement (Concat, Reshape, Transpose, Slice, Gather, Cast, Pad...): 0.</li>
 * </ul>
 * Anything else has no formula: {@link #of} returns empty and the importer lists the node.
 */
final class OpFlops {
    private static final Set<String> ELEMENTWISE = Set.of("Add", "Sub", "Mul", "Div", "Pow", "Max", "Min",
            "Mean", "Relu", "LeakyRelu", "PRelu", "Elu", "Selu", "Celu", "Gelu", "Clip", "Sigmoid", "HardSigmoid",
            "HardSwish", "Tanh", "Softplus", "Softsign", "Mish", "Exp", "Log", "Sqrt", "Reciprocal", "Neg", "Abs",
            "Erf", "Sin", "Cos", "Floor", "Ceil", "Round", "Sign", "Where", "Equal", "Greater", "GreaterOrEqual",
            "Less", "LessOrEqual", "Not", "And", "Or", "Xor", "ThresholdedRelu", "Shrink");
    private static final Set<String> FREE = Set.of("Concat", "Reshape", "Transpose", "Flatten", "Squeeze",
            "Unsqueeze", "Shape", "Size", "Gather", "GatherElements", "Slice", "Split", "Cast", "Identity",
            "Dropout", "Pad", "Expand", "Tile", "ConstantOfShape", "Range", "DepthToSpace", "SpaceToDepth");
    private static final Set<String> REDUCE = Set.of("GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool",
            "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "ReduceProd", "ReduceL1", "ReduceL2",
            "ReduceSumSquare", "ReduceLogSumExp", "ArgMax", "ArgMin");
    private static final Map<String, Integer> RESIZE_TAPS = Map.of("nearest", 0, "linear", 2, "cubic", 4);

    private OpFlops() {
    }

    /**
     * @param types the static type of every tensor the node reads and writes
     * @return the node's FLOPs, or empty when SplitScope has no formula for its operator
     */
    static OptionalDouble of(NodeProto n, Map<String, TensorType> types) {
        String op = n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx") ? n.getOpType() : "";
        TensorType out = n.getOutputCount() > 0 ? types.get(n.getOutput(0)) : null;
        if (FREE.contains(op)) {
            return OptionalDouble.of(0);
        }
        if (out == null) {
            return OptionalDouble.empty();
        }
        double outElements = out.elements();
        if (ELEMENTWISE.contains(op)) {
            return OptionalDouble.of(outElements);
        }
        if (REDUCE.contains(op)) {
            return OptionalDouble.of(input(n, 0, types).elements());
        }
        return switch (op) {
            case "Conv" -> OptionalDouble.of(2 * outElements * tail(input(n, 1, types)) + bias(n, 2, outElements));
            case "ConvTranspose" -> OptionalDouble.of(2 * input(n, 0, types).elements() * tail(input(n, 1, types))
                    + bias(n, 2, outElements));
            case "Gemm" -> OptionalDouble.of(2 * outElements * gemmInner(n, types) + bias(n, 2, outElements));
            case "MatMul" -> OptionalDouble.of(2 * outElements * input(n, 0, types).dim(-1));
            case "BatchNormalization" -> OptionalDouble.of(2 * outElements);
            case "Softmax", "LogSoftmax" -> OptionalDouble.of(3 * outElements);
            case "MaxPool", "AveragePool", "LpPool" -> OptionalDouble.of(outElements * product(ints(n, "kernel_shape")));
            case "Resize", "Upsample" -> resize(n, types, outElements);
            default -> OptionalDouble.empty();
        };
    }

    private static TensorType input(NodeProto n, int i, Map<String, TensorType> types) {
        return types.get(n.getInput(i));
    }

    /** Elements per output channel of a weight: all dimensions after the first. */
    private static double tail(TensorType weight) {
        return weight.elements() / (double) weight.dim(0);
    }

    private static double bias(NodeProto n, int input, double outElements) {
        return n.getInputCount() > input && !n.getInput(input).isEmpty() ? outElements : 0;
    }

    private static double gemmInner(NodeProto n, Map<String, TensorType> types) {
        TensorType a = input(n, 0, types);
        return intAttribute(n, "transA", 0) == 0 ? a.dim(1) : a.dim(0);
    }

    private static OptionalDouble resize(NodeProto n, Map<String, TensorType> types, double outElements) {
        String mode = "nearest";
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals("mode")) {
                mode = a.getS().toStringUtf8();
            }
        }
        Integer taps = RESIZE_TAPS.get(mode);
        if (taps == null) {
            return OptionalDouble.empty();
        }
        TensorType in = input(n, 0, types);
        TensorType out = types.get(n.getOutput(0));
        double reads = 1;
        for (int d = 0; d < in.rank(); d++) {
            if (in.dim(d) != out.dim(d)) {
                reads *= taps;
            }
        }
        return OptionalDouble.of(taps == 0 ? 0 : 2 * reads * outElements);
    }

    private static long[] ints(NodeProto n, String name) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getIntsList().stream().mapToLong(Long::longValue).toArray();
            }
        }
        return new long[0];
    }

    private static long intAttribute(NodeProto n, String name, long otherwise) {
        for (AttributeProto a : n.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return otherwise;
    }

    private static double product(long[] values) {
        double p = 1;
        for (long v : values) {
            p *= v;
        }
        return p;
    }
}
