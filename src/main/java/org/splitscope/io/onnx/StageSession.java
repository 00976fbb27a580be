package org.splitscope.io.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.io.InputFiles;

/**
 * One ONNX model (a stage file or a whole model) in ONNX Runtime, run on {@link RawTensor}s, the
 * form tensors take between processes. Run as {@link OnnxProfiler} times: CPU, one intra-op
 * thread, unoptimized graph, so that a stage costs what the profile's unit times say it costs.
 */
public final class StageSession implements AutoCloseable {
    private final OrtSession session;

    private StageSession(OrtSession session) {
        this.session = session;
    }

    public static StageSession open(Path file) throws IOException, OrtException {
        return open(InputFiles.readOrThrow(file, ImportOptions.DEFAULT_MAX_BYTES));
    }

    public static StageSession open(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = OrtRuntime.sessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            return new StageSession(OrtRuntime.environment().createSession(model, options));
        }
    }

    /**
     * Runs the model on the tensors among {@code available} that it takes as inputs, and returns
     * the outputs named in {@code wanted} (every output when empty), in the model's order.
     */
    public List<RawTensor> run(Collection<RawTensor> available, Collection<String> wanted) throws OrtException {
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            for (RawTensor t : available) {
                if (session.getInputNames().contains(t.name())) {
                    ByteBuffer data = ByteBuffer.allocateDirect(t.data().length).order(ByteOrder.nativeOrder());
                    data.put(t.data()).flip();
                    feed.put(t.name(), OnnxTensor.createTensor(OrtRuntime.environment(), data, t.shape(),
                            OnnxJavaType.valueOf(t.elemType())));
                }
            }
            for (String input : session.getInputNames()) {
                if (!feed.containsKey(input)) {
                    throw new OrtException("the model reads '" + input + "', which the request did not carry");
                }
            }
            OrtSession.Result r = wanted.isEmpty() ? session.run(feed) : session.run(feed, new HashSet<>(wanted));
            try (r) {
                List<RawTensor> out = new ArrayList<>();
                for (Map.Entry<String, OnnxValue> e : r) {
                    OnnxTensor t = (OnnxTensor) e.getValue();
                    ByteBuffer b = t.getByteBuffer();
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    out.add(new RawTensor(e.getKey(), t.getInfo().type.name(), t.getInfo().getShape(), bytes));
                }
                return out;
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
