package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.AttributeProto;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.OperatorSetIdProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;
import org.splitscope.io.onnx.proto.Onnx.TensorShapeProto;
import org.splitscope.io.onnx.proto.Onnx.TypeProto;
import org.splitscope.io.onnx.proto.Onnx.ValueInfoProto;
import org.splitscope.zoo.Granularity;

/** Small ONNX models built with the protobuf builders, for tests whose figures are computed by hand. */
public final class OnnxModels {
    static final Path FIXTURES = org.splitscope.OnnxFixtures.FOLDER;
    static final Path CLASSIFIER = FIXTURES.resolve("ch_ppocr_mobile_v2.0_cls_infer.onnx");
    static final Path DETECTOR = FIXTURES.resolve("ch_PP-OCRv4_det_infer.onnx");
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    private OnnxModels() {
    }

    public static ModelProto model(GraphProto.Builder graph) {
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("splitscope-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph.setName("test")).build();
    }

    /** A float tensor value; a dimension of -1 is symbolic (named "d" plus its axis). */
    public static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (int i = 0; i < dims.length; i++) {
            shape.addDim(dims[i] < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("d" + i)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dims[i]));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape))).build();
    }

    /** A float weight with small distinct values (so that nothing folds to a special case). */
    static TensorProto weight(String name, long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long d : dims) {
            t.addDims(d);
        }
        for (int i = 0; i < n; i++) {
            t.addFloatData(0.01f * (i % 7 - 3));
        }
        return t.build();
    }

    static TensorProto int64s(String name, long... values) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()).build();
    }

    public static NodeProto node(String op, String name, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addAllOutput(outputs)
                .addAllAttribute(List.of(attributes)).build();
    }

    /** A Constant node that holds the tensor under its own name. */
    static NodeProto constant(TensorProto value) {
        return NodeProto.newBuilder().setOpType("Constant").addOutput(value.getName())
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR)
                        .setT(value)).build();
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    public static Path write(Path dir, String file, ModelProto model) throws IOException {
        Path path = dir.resolve(file);
        Files.write(path, model.toByteArray());
        return path;
    }

    static OnnxImport imported(Path file, ImportOptions options) {
        Loaded<OnnxImport> loaded = OnnxImporter.importModel(file, options);
        assertTrue(loaded.isOk(), loaded.problems()::toString);
        return loaded.value();
    }

    static OnnxImport imported(Path file, Granularity units) {
        return imported(file, ImportOptions.of(units));
    }
}
