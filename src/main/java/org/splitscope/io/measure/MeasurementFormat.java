package org.splitscope.io.measure;

/** The per-layer measurement files SplitScope reads. */
public enum MeasurementFormat {
    /** TensorRT {@code trtexec --exportProfile} JSON, optionally with {@code --exportLayerInfo} JSON. */
    TRTEXEC,
    /** TensorFlow Lite {@code benchmark_model} op profiling, CSV mode. */
    TFLITE,
    /** Chrome-trace JSON from ONNX Runtime's or PyTorch's profiler. */
    CHROME_TRACE
}
