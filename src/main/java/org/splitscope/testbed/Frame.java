package org.splitscope.testbed;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.io.onnx.RawTensor;

/**
 * One request's tensors on a TCP stream between stages: a length prefix, the request's number
 * and its tensors (name, element type, shape, bytes). The length prefix lets a reader take a
 * whole frame before decoding; it and the headers add a few dozen bytes to the cut's tensors.
 *
 * @param request the request's sequence number, set by the driver and kept by every stage
 */
record Frame(long request, List<RawTensor> tensors) {
    /** Frames larger than this are refused as corrupt (a stream out of step), not allocated. */
    static final int MAX_BYTES = 1 << 30;

    Frame {
        tensors = List.copyOf(tensors);
    }

    /** The bytes of the tensors alone, as the profile counts a cut. */
    long payloadBytes() {
        return tensors.stream().mapToLong(t -> t.data().length).sum();
    }

    void write(DataOutputStream out) throws IOException {
        long size = 8 + 4;
        for (RawTensor t : tensors) {
            size += utfSize(t.name()) + utfSize(t.elemType()) + 4 + 8L * t.shape().length + 4 + t.data().length;
        }
        if (size > MAX_BYTES) {
            throw new IOException("a frame of " + size + " bytes is larger than the " + MAX_BYTES + " allowed");
        }
        out.writeInt((int) size);
        out.writeLong(request);
        out.writeInt(tensors.size());
        for (RawTensor t : tensors) {
            out.writeUTF(t.name());
            out.writeUTF(t.elemType());
            long[] shape = t.shape();
            out.writeInt(shape.length);
            for (long d : shape) {
                out.writeLong(d);
            }
            out.writeInt(t.data().length);
            out.write(t.data());
        }
        out.flush();
    }

    /** The next frame, or {@code null} at a clean end of the stream (between frames). */
    static Frame read(DataInputStream in) throws IOException {
        int size;
        try {
            size = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (size < 12 || size > MAX_BYTES) {
            throw new IOException("corrupt frame: length " + size);
        }
        long request = in.readLong();
        int count = in.readInt();
        List<RawTensor> tensors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            String type = in.readUTF();
            long[] shape = new long[in.readInt()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = in.readLong();
            }
            byte[] data = new byte[in.readInt()];
            in.readFully(data);
            tensors.add(new RawTensor(name, type, shape, data));
        }
        return new Frame(request, tensors);
    }

    private static int utfSize(String s) {
        return 2 + s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length; // modified UTF-8 differs only for NUL and supplementary chars
    }
}
