package org.splitscope.io.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.splitscope.io.InputFiles;

/**
 * Runs exported stage files one after another in ONNX Runtime (CPU), as a chain of devices
 * would: each stage gets the tensors its manifest entry names, from the request or from the
 * stages before, and adds its outputs to the tensors in flight. For checking an export against
 * the whole model (and for testbeds), not for timing: one intra-op thread, default optimizations.
 * Each stage's session is created from its file alone, so a stage that is not valid on its own
 * fails here.
 */
public final class StageRunner implements AutoCloseable {
    private final ExportManifest manifest;
    private final List<OrtSession> sessions = new ArrayList<>();

    private StageRunner(ExportManifest manifest) {
        this.manifest = manifest;
    }

    /** Opens every stage of the export in a folder written by {@link StageExport#write}. */
    public static StageRunner open(Path folder) throws IOException, OrtException {
        StageRunner runner = new StageRunner(StageExport.readManifest(folder));
        try {
            for (ExportManifest.StageFile s : runner.manifest.stages()) {
                runner.sessions.add(session(StageExport.stageFile(folder, s.file())));
            }
        } catch (OrtException | IOException | RuntimeException e) {
            runner.close();
            throw e;
        }
        return runner;
    }

    public ExportManifest manifest() {
        return manifest;
    }

    /** The model's outputs, by name, for the model's inputs; the caller keeps ownership of the inputs. */
    public Map<String, float[]> run(Map<String, OnnxTensor> inputs) throws OrtException {
        return run(inputs, manifest.modelOutputs());
    }

    /** Every tensor a stage handed on (the model's outputs included), by name, in manifest order. */
    public Map<String, float[]> runHandedOn(Map<String, OnnxTensor> inputs) throws OrtException {
        return run(inputs, manifest.transfers().stream().filter(t -> t.from() > 0).map(ExportManifest.Transfer::tensor).toList());
    }

    private Map<String, float[]> run(Map<String, OnnxTensor> inputs, List<String> wanted) throws OrtException {
        Map<String, OnnxTensor> inFlight = new HashMap<>(inputs);
        List<OrtSession.Result> results = new ArrayList<>();
        try {
            for (int k = 0; k < sessions.size(); k++) {
                ExportManifest.StageFile s = manifest.stages().get(k);
                Map<String, OnnxTensor> feed = new LinkedHashMap<>();
                for (String t : s.inputs()) {
                    OnnxTensor value = inFlight.get(t);
                    if (value == null) {
                        throw new OrtException("stage " + s.stage() + " reads '" + t + "', which no earlier stage or input gave");
                    }
                    feed.put(t, value);
                }
                OrtSession.Result r = sessions.get(k).run(feed, new HashSet<>(s.outputs()));
                results.add(r);
                for (Map.Entry<String, OnnxValue> e : r) {
                    inFlight.put(e.getKey(), (OnnxTensor) e.getValue());
                }
            }
            Map<String, float[]> outputs = new LinkedHashMap<>();
            for (String out : wanted) {
                outputs.put(out, floats(inFlight.get(out)));
            }
            return outputs;
        } finally {
            results.forEach(OrtSession.Result::close);
        }
    }

    /** Runs a whole model file the same way, for comparison; its graph outputs by name. */
    public static Map<String, float[]> runModel(Path model, Map<String, OnnxTensor> inputs) throws IOException, OrtException {
        return runModel(InputFiles.readOrThrow(model, ImportOptions.DEFAULT_MAX_BYTES), inputs);
    }

    /** As {@link #runModel(Path, Map)}, for a model in memory. */
    public static Map<String, float[]> runModel(byte[] model, Map<String, OnnxTensor> inputs) throws OrtException {
        try (OrtSession session = session(model); OrtSession.Result r = session.run(inputs)) {
            Map<String, float[]> outputs = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : r) {
                outputs.put(e.getKey(), floats((OnnxTensor) e.getValue()));
            }
            return outputs;
        }
    }

    /**
     * Uniform random values in [-1, 1) of each model input's type and shape, reproducible from the
     * seed; integer inputs are zeros (their meaning, an index or a length, is unknown here).
     */
    public Map<String, OnnxTensor> randomInputs(long seed) throws OrtException {
        Random random = new Random(seed);
        OrtEnvironment env = OrtRuntime.environment();
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        for (ExportManifest.Transfer t : manifest.transfers()) {
            if (t.from() != 0) {
                continue;
            }
            long[] shape = t.shape().stream().mapToLong(Long::longValue).toArray();
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (t.elemType().equals("FLOAT")) {
                ByteBuffer b = ByteBuffer.allocateDirect(Math.toIntExact(n * 4)).order(ByteOrder.nativeOrder());
                for (long i = 0; i < n; i++) {
                    b.putFloat(random.nextFloat() * 2 - 1);
                }
                inputs.put(t.tensor(), OnnxTensor.createTensor(env, b.flip().asFloatBuffer(), shape));
            } else {
                inputs.put(t.tensor(), OnnxTensor.createTensor(env, ByteBuffer.allocateDirect(
                        Math.toIntExact(n * javaType(t.elemType()).size)).order(ByteOrder.nativeOrder()), shape, javaType(t.elemType())));
            }
        }
        return inputs;
    }

    private static OnnxJavaType javaType(String elemType) throws OrtException {
        return switch (elemType) {
            case "DOUBLE" -> OnnxJavaType.DOUBLE;
            case "INT64" -> OnnxJavaType.INT64;
            case "INT32" -> OnnxJavaType.INT32;
            case "INT8" -> OnnxJavaType.INT8;
            case "UINT8" -> OnnxJavaType.UINT8;
            case "BOOL" -> OnnxJavaType.BOOL;
            default -> throw new OrtException("cannot make an input of type " + elemType);
        };
    }

    /** Any numeric tensor as floats, for comparing outputs. */
    private static float[] floats(OnnxTensor t) {
        return switch (t.getInfo().type) {
            case FLOAT -> {
                var b = t.getFloatBuffer();
                float[] f = new float[b.remaining()];
                b.get(f);
                yield f;
            }
            case INT64 -> {
                var b = t.getLongBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = b.get(i);
                }
                yield f;
            }
            case INT32 -> {
                var b = t.getIntBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = b.get(i);
                }
                yield f;
            }
            default -> throw new IllegalArgumentException("cannot compare an output of type " + t.getInfo().type);
        };
    }

    private static OrtSession session(Path file) throws IOException, OrtException {
        return session(InputFiles.readOrThrow(file, ImportOptions.DEFAULT_MAX_BYTES));
    }

    private static OrtSession session(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = OrtRuntime.sessionOptions()) {
            options.setIntraOpNumThreads(1);
            return OrtRuntime.environment().createSession(model, options);
        }
    }

    @Override
    public void close() throws OrtException {
        for (OrtSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }
}
