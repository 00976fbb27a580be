package org.splitscope.io.onnx;

/** An imported model whose profile carries latencies measured on this machine, and how they were measured. */
public record ProfiledModel(OnnxImport imported, TimingReport timing) {
}
