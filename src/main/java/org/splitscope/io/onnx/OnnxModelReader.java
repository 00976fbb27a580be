package org.splitscope.io.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return Loaded.failed("", file + " is a folder, not an ONNX file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                return Loaded.failed("", file + " is " + size + " bytes, over the limit of " + maxBytes + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // the file may have grown since it was measured: never read more than the limit
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
        } catch (NoSuchFileException e) {
            return Loaded.failed("", "no such file: " + file);
        } catch (AccessDeniedException e) {
            return Loaded.failed("", "not allowed to read " + file);
        } catch (IOException e) {
            return Loaded.failed("", "cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            return Loaded.failed("", file + " is over the limit of " + maxBytes + " bytes");
        }
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
}
