package org.splitscope.io.onnx;

/** A node of an imported graph, for reports: its name (made up when the file has none) and type. */
public record NodeRef(String name, String opType) {
    @Override
    public String toString() {
        return name + " (" + opType + ")";
    }
}
