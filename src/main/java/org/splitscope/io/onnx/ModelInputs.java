package org.splitscope.io.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.TensorShapeProto;
import org.splitscope.io.onnx.proto.Onnx.ValueInfoProto;

/**
 * What a request must supply to an ONNX model, read before importing it so that the user can
 * fix its symbolic dimensions: each graph input (weights listed as inputs left out) with the
 * dimensions the file fixes and the names of those it leaves open.
 *
 * @param file      the model file
 * @param graphName the graph's name (paddle2onnx writes "Model from PaddlePaddle.")
 * @param inputs    the graph inputs, in the file's order
 */
public record ModelInputs(Path file, String graphName, List<Input> inputs) {
    public ModelInputs {
        inputs = List.copyOf(inputs);
    }

    /**
     * One graph input.
     *
     * @param dims  its dimensions; empty when {@code shaped} is false
     * @param shaped whether the file gives the input a shape at all (rank and dimensions)
     */
    public record Input(String name, boolean shaped, List<Dim> dims) {
        public Input {
            dims = List.copyOf(dims);
        }
    }

    /**
     * One dimension of an input.
     *
     * @param value the size the file fixes, or 0 when it leaves the dimension open
     * @param param the name the file gives an open dimension ("batch", "p2o.DynamicDimension.0"), or ""
     */
    public record Dim(long value, String param) {
        public boolean fixed() {
            return value > 0;
        }
    }

    /** The inputs of the model in the file; a file that cannot be read as a model gives its problems. */
    public static Loaded<ModelInputs> read(Path file, long maxBytes) {
        Loaded<ModelProto> model = OnnxModelReader.read(file, maxBytes);
        if (!model.isOk()) {
            return Loaded.failed(model.problems(), model.warnings());
        }
        Loaded<OnnxGraph> graph = OnnxGraph.of(model.value().getGraph());
        if (!graph.isOk()) {
            return Loaded.failed(graph.problems(), graph.warnings());
        }
        List<Input> inputs = new ArrayList<>();
        for (ValueInfoProto in : graph.value().inputs) {
            boolean shaped = in.getType().hasTensorType() && in.getType().getTensorType().hasShape();
            List<Dim> dims = new ArrayList<>();
            if (shaped) {
                for (TensorShapeProto.Dimension d : in.getType().getTensorType().getShape().getDimList()) {
                    long value = d.hasDimValue() ? Math.max(0, d.getDimValue()) : 0;
                    dims.add(new Dim(value, d.hasDimParam() ? d.getDimParam() : ""));
                }
            }
            inputs.add(new Input(in.getName(), shaped, dims));
        }
        return Loaded.ok(new ModelInputs(file, model.value().getGraph().getName(), inputs), model.warnings());
    }
}
