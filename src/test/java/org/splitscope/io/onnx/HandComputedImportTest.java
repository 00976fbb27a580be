package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.splitscope.io.onnx.OnnxModels.constant;
import static org.splitscope.io.onnx.OnnxModels.imported;
import static org.splitscope.io.onnx.OnnxModels.ints;
import static org.splitscope.io.onnx.OnnxModels.model;
import static org.splitscope.io.onnx.OnnxModels.node;
import static org.splitscope.io.onnx.OnnxModels.value;
import static org.splitscope.io.onnx.OnnxModels.weight;
import static org.splitscope.io.onnx.OnnxModels.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;

/**
 * A residual model small enough to work out by hand: x [1,2,4,4] -> Conv 3x3 (pad 1, bias) ->
 * Relu -> Add(x) -> Flatten -> Gemm to 10 outputs (bias). Tensors are fp32: x, and every
 * activation up to the Flatten, holds 32 elements = 128 bytes; the result 10 elements = 40 bytes.
 */
class HandComputedImportTest {
    @TempDir
    Path dir;

    /** The model with its weights as initializers, or as Constant nodes (as paddle2onnx exports). */
    static ModelProto residual(boolean constants) {
        List<TensorProto> weights = List.of(weight("W1", 2, 2, 3, 3), weight("B1", 2), weight("W2", 32, 10), weight("B2", 10));
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 1, 2, 4, 4)).addOutput(value("y", 1, 10));
        if (constants) {
            weights.forEach(w -> g.addNode(constant(w)));
        } else {
            g.addAllInitializer(weights);
        }
        g.addNode(node("Conv", "conv", List.of("x", "W1", "B1"), List.of("c"), ints("pads", 1, 1, 1, 1),
                ints("kernel_shape", 3, 3)));
        g.addNode(node("Relu", "relu", List.of("c"), List.of("r")));
        g.addNode(node("Add", "add", List.of("r", "x"), List.of("s")));
        g.addNode(node("Flatten", "flat", List.of("s"), List.of("f")));
        g.addNode(node("Gemm", "fc", List.of("f", "W2", "B2"), List.of("y")));
        return model(g);
    }

    @ParameterizedTest(name = "weights as Constant nodes: {0}")
    @ValueSource(booleans = {false, true})
    void layersCarryHandComputedFigures(boolean constants) throws IOException {
        OnnxImport result = imported(write(dir, "residual.onnx", residual(constants)), Granularity.LAYERS);
        ModelProfile p = result.profile();
        assertEquals(128, p.inputBytes());
        assertEquals(40, p.resultBytes());
        assertEquals(List.of("conv", "relu", "add", "flat", "fc"), p.units().stream().map(Unit::name).toList());
        assertEquals(List.of("Conv", "Relu", "Add", "Flatten", "Gemm"), p.units().stream().map(Unit::kind).toList());
        // Conv: 32 outputs x 18 MACs x 2 + 32 bias; Relu and Add 1 per element; Gemm 10 x 32 MACs x 2 + 10
        assertEquals(List.of(2.0 * 32 * 18 + 32, 32.0, 32.0, 0.0, 2.0 * 10 * 32 + 10), figures(p, Unit::flops));
        // weights: W1 36 + B1 2 floats on the Conv, W2 320 + B2 10 floats on the Gemm
        assertEquals(List.of(4.0 * 38, 0.0, 0.0, 0.0, 4.0 * 330), figures(p, Unit::paramBytes));
        // after the Conv and the Relu the skip input x waits for the Add: two tensors cross
        assertEquals(List.of(256.0, 256.0, 128.0, 128.0, 40.0), figures(p, Unit::cutBytes));
        // alive before the node, plus its output
        assertEquals(List.of(256.0, 384.0, 384.0, 256.0, 168.0), figures(p, Unit::workingBytes));
        assertEquals(4.0 * 368, result.report().weightBytes());
        assertEquals(constants ? 4 : 0, result.report().constantNodes());
        assertEquals(List.of(), result.report().unknownFlops());
    }

    @ParameterizedTest(name = "weights as Constant nodes: {0}")
    @ValueSource(booleans = {false, true})
    void blocksEndWhereOneTensorIsAlive(boolean constants) throws IOException {
        OnnxImport result = imported(write(dir, "residual.onnx", residual(constants)), Granularity.BLOCKS);
        ModelProfile p = result.profile();
        assertEquals(List.of("conv .. add", "flat", "fc"), p.units().stream().map(Unit::name).toList());
        assertEquals(List.of("Conv", "Flatten", "Gemm"), p.units().stream().map(Unit::kind).toList());
        assertEquals(List.of(2.0 * 32 * 18 + 32 + 32 + 32, 0.0, 650.0), figures(p, Unit::flops));
        assertEquals(List.of(152.0, 0.0, 1320.0), figures(p, Unit::paramBytes));
        assertEquals(List.of(128.0, 128.0, 40.0), figures(p, Unit::cutBytes));
        assertEquals(List.of(384.0, 256.0, 168.0), figures(p, Unit::workingBytes));
        assertEquals(List.of(List.of("conv", "relu", "add"), List.of("flat"), List.of("fc")), result.report().unitNodes());
    }

    private static List<Double> figures(ModelProfile p, java.util.function.ToDoubleFunction<Unit> f) {
        return p.units().stream().map(u -> f.applyAsDouble(u)).toList();
    }
}
