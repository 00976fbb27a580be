package org.splitscope.io.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.StringStringEntryProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;

/**
 * Copies the weights of initializers stored outside the model ({@code data_location = EXTERNAL},
 * the ONNX layout for models over 2 GB or exported with separate weights) into the message, so
 * that ONNX Runtime can build a session from bytes alone. A missing or short file is reported with
 * the tensor and the node that uses it.
 */
final class ExternalData {
    private ExternalData() {
    }

    /**
     * @param folder the model's folder: external locations are relative to it and may not leave it
     * @param budget bytes that may still be read (what is left of the import's size limit)
     */
    static Loaded<ModelProto> inline(ModelProto model, Path folder, long budget) {
        GraphProto.Builder g = model.getGraph().toBuilder();
        long left = budget;
        boolean changed = false;
        for (int i = 0; i < g.getInitializerCount(); i++) {
            TensorProto t = g.getInitializer(i);
            if (t.getDataLocation() != TensorProto.DataLocation.EXTERNAL) {
                continue;
            }
            String at = "graph.initializer[" + i + "]";
            String what = "tensor '" + t.getName() + "'" + usedBy(model.getGraph(), t.getName());
            String location = entry(t, "location");
            if (location == null) {
                return Loaded.failed(at, what + " is marked external but names no file (no 'location' entry)");
            }
            Loaded<Path> real = InputFiles.inFolder(folder, location, "the model's folder");
            if (!real.isOk()) {
                return Loaded.failed(at, what + " keeps its data in a file SplitScope may not read: "
                        + real.problems().get(0).message());
            }
            Path data = real.value();
            String refusal = InputFiles.refusal(data, Long.MAX_VALUE, false);
            if (refusal != null) {
                return Loaded.failed(at, what + ": its external data " + InputFiles.quote(location)
                        + " is not a regular file; SplitScope reads only regular files");
            }
            try {
                long offset = parseLong(entry(t, "offset"), 0);
                long length = parseLong(entry(t, "length"), Files.size(data) - offset);
                if (offset < 0 || length < 0 || offset > Files.size(data) || length > Files.size(data) - offset) {
                    return Loaded.failed(at, what + ": " + InputFiles.quote(location) + " is " + Files.size(data)
                            + " bytes, too short for " + length + " bytes at offset " + offset);
                }
                long needed = (long) Math.ceil(TensorType.of(t).bytes());
                if (length != needed) {
                    return Loaded.failed(at, what + ": " + InputFiles.quote(location) + " gives " + length + " bytes at offset "
                            + offset + ", but a tensor of shape " + TensorType.of(t) + " needs " + needed);
                }
                if (length > left) {
                    return Loaded.failed(at, what + ": its external data (" + InputFiles.size(length)
                            + ") takes the model over the import's size limit (" + InputFiles.size(left) + " left)");
                }
                left -= length;
                g.setInitializer(i, t.toBuilder().clearExternalData().clearDataLocation()
                        .setRawData(ByteString.copyFrom(readRange(data, offset, length))));
                changed = true;
            } catch (NumberFormatException e) {
                return Loaded.failed(at, what + ": the external offset or length is not a whole number");
            } catch (IOException e) {
                return Loaded.failed(at, what + ": cannot read " + InputFiles.quote(location) + " next to the model");
            }
        }
        return Loaded.ok(changed ? model.toBuilder().setGraph(g).build() : model, List.of());
    }

    private static String entry(TensorProto t, String key) {
        return t.getExternalDataList().stream().filter(e -> e.getKey().equals(key))
                .map(StringStringEntryProto::getValue).findFirst().orElse(null);
    }

    private static long parseLong(String s, long otherwise) {
        return s == null ? otherwise : Long.parseLong(s.trim());
    }

    private static byte[] readRange(Path file, long offset, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("one tensor of " + length + " bytes is more than SplitScope can hold");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (buffer.hasRemaining()) {
                if (in.read(buffer, offset + buffer.position()) < 0) {
                    throw new IOException("the file ended early");
                }
            }
        }
        return buffer.array();
    }

    private static String usedBy(GraphProto g, String tensor) {
        for (NodeProto n : g.getNodeList()) {
            if (n.getInputList().contains(tensor)) {
                return " (used by node '" + OnnxGraph.displayName(n) + "')";
            }
        }
        return "";
    }
}
