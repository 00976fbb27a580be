package org.splitscope.io.onnx;

import static org.splitscope.io.onnx.OnnxModels.model;
import static org.splitscope.io.onnx.OnnxModels.node;
import static org.splitscope.io.onnx.OnnxModels.value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.splitscope.io.HostileText;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.StringStringEntryProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;

/**
 * Fuzzing the ONNX reader (file, protobuf, external data, the graph's structure) with byte-level
 * mutations of a small model: every answer is a {@link Loaded} in words. ONNX Runtime is left
 * out: it is native code, and what it is given has passed these checks.
 */
class OnnxReaderFuzzProperties {
    private static Path folder;
    private static byte[] valid;

    @BeforeContainer
    static void makeModel() throws IOException {
        folder = Files.createTempDirectory("onnx-fuzz");
        Files.write(folder.resolve("w.bin"), new byte[64]);
        TensorProto w = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).addDims(4).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin")).build();
        ModelProto m = model(GraphProto.newBuilder().addInput(value("x", 1, -1)).addOutput(value("z", 1, 4))
                .addInitializer(w)
                .addNode(node("MatMul", "mm", List.of("x", "W"), List.of("y")))
                .addNode(node("Relu", "relu", List.of("y"), List.of("z"))));
        valid = m.toByteArray();
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    private record ByteEdit(int kind, double at, int value) {
        byte[] apply(byte[] b) {
            int i = (int) (at * b.length);
            return switch (kind) {
                case 0 -> java.util.Arrays.copyOf(b, i); // truncated
                case 1 -> { // one byte changed
                    byte[] c = b.clone();
                    if (i < c.length) {
                        c[i] = (byte) value;
                    }
                    yield c;
                }
                default -> { // a byte inserted (shifts every later field)
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, i);
                    c[i] = (byte) value;
                    System.arraycopy(b, i, c, i + 1, b.length - i);
                    yield c;
                }
            };
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedModels() {
        Arbitrary<ByteEdit> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255)).as(ByteEdit::new);
        return edit.list().ofMinSize(1).ofMaxSize(6).map(edits -> {
            byte[] b = valid;
            for (ByteEdit e : edits) {
                b = e.apply(b);
            }
            return b;
        });
    }

    @Property(tries = 400)
    void aMutatedModelIsReadOrRefusedInWords(@ForAll("mutatedModels") byte[] bytes) throws IOException {
        Path file = Files.write(folder.resolve("m.onnx"), bytes);
        Loaded<ModelProto> read = HostileText.readInWords(() -> OnnxModelReader.read(file, 1 << 20));
        if (read.isOk()) {
            Loaded<OnnxGraph> graph = HostileText.readInWords(() -> OnnxGraph.of(read.value().getGraph()));
            if (graph.isOk()) {
                HostileText.readInWords(() -> InputShapes.pin(graph.value(), java.util.Map.of()));
            }
        }
    }
}
