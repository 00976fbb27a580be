package org.splitscope.io.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Measures the shapes that ONNX Runtime's static inference leaves open by running the model.
 * Exporters often compute a Reshape target from the input's Shape (Shape, Cast, Slice, Concat);
 * the runtime does not propagate those values, so the Reshape's output, and everything after it,
 * has an unknown rank. Running the pinned model gives the real shapes. It runs twice, on inputs
 * of all zeros and all ones: a shape that differs between the two depends on the input values
 * (NonZero, for instance), which no static profile can describe.
 */
final class ShapeRuns {
    /** The shape of each requested tensor for inputs of zeros and of ones. */
    record Measured(Map<String, long[]> zeros, Map<String, long[]> ones) {
    }

    private ShapeRuns() {
    }

    /**
     * @param inputs  the graph inputs a request supplies (not initializers listed as inputs, which
     *                an old IR version allows and which must keep their values)
     * @param outputs the tensors whose shapes are wanted
     */
    static Measured measure(OrtSession session, Set<String> inputs, Set<String> outputs) throws OrtException {
        return new Measured(run(session, inputs, outputs, 0), run(session, inputs, outputs, 1));
    }

    private static Map<String, long[]> run(OrtSession session, Set<String> names, Set<String> outputs, int fill)
            throws OrtException {
        OrtEnvironment env = OrtRuntime.environment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
                if (names.contains(e.getKey())) {
                    inputs.put(e.getKey(), InputTensors.filled(env, (TensorInfo) e.getValue().getInfo(), fill));
                }
            }
            Map<String, long[]> shapes = new HashMap<>();
            try (OrtSession.Result result = session.run(inputs, outputs)) {
                for (Map.Entry<String, OnnxValue> e : result) {
                    shapes.put(e.getKey(), ((TensorInfo) e.getValue().getInfo()).getShape());
                }
            }
            return shapes;
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }
}
