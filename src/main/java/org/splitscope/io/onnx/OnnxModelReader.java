package org.splitscope.io.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.file.Path;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;

/**
 * Reads an {@code .onnx} file into its protobuf message, bounded in size, and checks that what
 * protobuf accepted is an ONNX model at all: protobuf parses many non-ONNX byte strings without
 * complaint (every unknown field is kept), so a message without a graph is "not ONNX", not an
 * empty model. Weights kept in external files are inlined by {@link ExternalData}, within the
 * same limit.
 */
final class OnnxModelReader {
    private OnnxModelReader() {
    }

    static Loaded<ModelProto> read(Path file, long maxBytes) {
        Loaded<byte[]> read = InputFiles.readBytes(file, maxBytes);
        if (!read.isOk()) {
            return Loaded.failed(read.problems(), read.warnings());
        }
        byte[] bytes = read.value();
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return Loaded.failed("", "not an ONNX model, or a damaged or truncated one (" + e.getMessage() + ")");
        }
        String notOnnx = notOnnx(model);
        if (notOnnx != null) {
            return Loaded.failed("", "not an ONNX model: " + notOnnx);
        }
        String tooLarge = tooLarge(model);
        if (tooLarge != null) {
            return Loaded.failed("graph.node", tooLarge);
        }
        return ExternalData.inline(model, file.toAbsolutePath().getParent(), maxBytes - bytes.length);
    }

    /** Why the parsed message cannot be an ONNX model, or {@code null}. */
    private static String notOnnx(ModelProto model) {
        if (model.getIrVersion() <= 0) {
            return "it has no IR version";
        }
        if (!model.hasGraph()) {
            return "it has no graph";
        }
        GraphProto g = model.getGraph();
        if (g.getNodeCount() == 0) {
            return "its graph has no nodes";
        }
        if (g.getOutputCount() == 0) {
            return "its graph has no outputs";
        }
        return null;
    }

    /** Why the graph is too large to analyse, or {@code null}. */
    private static String tooLarge(ModelProto model) {
        int nodes = model.getGraph().getNodeCount();
        return nodes <= ImportOptions.MAX_NODES ? null : "the graph has " + String.format("%,d", nodes)
                + " nodes, over the limit of " + String.format("%,d", ImportOptions.MAX_NODES) + " nodes for an import";
    }
}
