package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.splitscope.io.onnx.OnnxModels.imported;
import static org.splitscope.io.onnx.OnnxModels.int64s;
import static org.splitscope.io.onnx.OnnxModels.integer;
import static org.splitscope.io.onnx.OnnxModels.ints;
import static org.splitscope.io.onnx.OnnxModels.model;
import static org.splitscope.io.onnx.OnnxModels.node;
import static org.splitscope.io.onnx.OnnxModels.string;
import static org.splitscope.io.onnx.OnnxModels.value;
import static org.splitscope.io.onnx.OnnxModels.weight;
import static org.splitscope.io.onnx.OnnxModels.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.onnx.proto.Onnx.AttributeProto;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;
import org.splitscope.zoo.Granularity;

/** One operator per model, its FLOPs worked out by hand from the shapes ONNX Runtime infers. */
class OperatorFlopsTest {
    @TempDir
    Path dir;

    /** FLOPs of the single node "op" reading x (and the weights) and writing y. */
    private double flops(long[] x, long[] y, List<TensorProto> weights, String op, List<String> inputs,
                         AttributeProto... attributes) throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", x)).addOutput(value("y", y))
                .addAllInitializer(weights).addNode(node(op, "op", inputs, List.of("y"), attributes));
        OnnxImport result = imported(write(dir, op + ".onnx", model(g)), Granularity.LAYERS);
        assertEquals(List.of(), result.report().unknownFlops());
        return result.profile().unit(1).flops();
    }

    @Test
    void groupedDilatedConvolutionCountsTheWeightsPerOutput() throws IOException {
        // 2 groups, 4 output channels: each output reads 1 channel x 3x3 = 9 weights; dilation 2
        // with pad 2 keeps 5x5, so 4 x 5 x 5 = 100 outputs
        double f = flops(new long[] {1, 2, 5, 5}, new long[] {1, 4, 5, 5}, List.of(weight("W", 4, 1, 3, 3)), "Conv",
                List.of("x", "W"), integer("group", 2), ints("dilations", 2, 2), ints("pads", 2, 2, 2, 2));
        assertEquals(2.0 * 100 * 9, f);
    }

    @Test
    void transposedConvolutionMultipliesEveryInputElement() throws IOException {
        // 2 x 3 x 3 = 18 inputs, each times M/group x 2x2 = 12 weights; stride 2 gives 3 x 6 x 6
        double f = flops(new long[] {1, 2, 3, 3}, new long[] {1, 3, 6, 6}, List.of(weight("W", 2, 3, 2, 2)),
                "ConvTranspose", List.of("x", "W"), ints("strides", 2, 2));
        assertEquals(2.0 * 18 * 12, f);
    }

    @Test
    void matMulAndGemm() throws IOException {
        assertEquals(2.0 * 10 * 32, flops(new long[] {1, 32}, new long[] {1, 10}, List.of(weight("W", 32, 10)),
                "MatMul", List.of("x", "W")));
        // transA: x is stored as [K, M] = [32, 1]
        assertEquals(2.0 * 10 * 32 + 10, flops(new long[] {32, 1}, new long[] {1, 10},
                List.of(weight("W", 32, 10), weight("C", 10)), "Gemm", List.of("x", "W", "C"), integer("transA", 1)));
    }

    @Test
    void normalizationActivationsAndSoftmax() throws IOException {
        long[] s = {1, 2, 4, 4};
        List<TensorProto> bn = List.of(weight("g", 2), weight("b", 2), weight("m", 2), weight("v", 2));
        assertEquals(2.0 * 32, flops(s, s, bn, "BatchNormalization", List.of("x", "g", "b", "m", "v")));
        assertEquals(32.0, flops(s, s, List.of(), "HardSigmoid", List.of("x")));
        assertEquals(32.0, flops(s, s, List.of(), "Sigmoid", List.of("x")));
        assertEquals(3.0 * 32, flops(s, s, List.of(), "Softmax", List.of("x")));
    }

    @Test
    void pooling() throws IOException {
        long[] s = {1, 2, 4, 4};
        // 2 x 2 x 2 outputs, each over a 2x2 window
        assertEquals(8.0 * 4, flops(s, new long[] {1, 2, 2, 2}, List.of(), "MaxPool", List.of("x"),
                ints("kernel_shape", 2, 2), ints("strides", 2, 2)));
        assertEquals(32.0, flops(s, new long[] {1, 2, 1, 1}, List.of(), "GlobalAveragePool", List.of("x")));
    }

    @Test
    void resizeCostsNothingNearestAndFourMultiplyAddsBilinear() throws IOException {
        long[] s = {1, 2, 4, 4};
        long[] up = {1, 2, 8, 8};
        List<TensorProto> sizes = List.of(int64s("sizes", up));
        List<String> in = List.of("x", "", "", "sizes");
        assertEquals(0.0, flops(s, up, sizes, "Resize", in, string("mode", "nearest")));
        // 2 resized axes: each of the 128 outputs blends 2 x 2 inputs, a multiply-add each
        assertEquals(2.0 * 4 * 128, flops(s, up, sizes, "Resize", in, string("mode", "linear")));
    }

    @Test
    void operatorsWithoutAFormulaAreListedAndCountZero() throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 1, 2, 4, 4)).addOutput(value("y", 1, 2, 4, 4))
                .addNode(node("LRN", "lrn", List.of("x"), List.of("y"), integer("size", 3)));
        OnnxImport result = imported(write(dir, "lrn.onnx", model(g)), Granularity.LAYERS);
        assertEquals(List.of(new NodeRef("lrn", "LRN")), result.report().unknownFlops());
        assertEquals(java.util.Map.of("LRN", 1), result.report().unknownFlopOps());
        assertEquals(0.0, result.profile().unit(1).flops());
    }
}
