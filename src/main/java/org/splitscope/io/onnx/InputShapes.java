package org.splitscope.io.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.TensorShapeProto;
import org.splitscope.io.onnx.proto.Onnx.ValueInfoProto;
import org.splitscope.model.Problem;
import org.splitscope.model.Problems;

/**
 * Fixes every dimension of the graph inputs, since a profile is for one request size. A shape
 * given by the user must agree with every dimension the file fixes; without one, each symbolic
 * dimension (batch, height, width...) is pinned to 1 and a warning says so, because for an image
 * model that is rarely the size meant.
 */
final class InputShapes {
    private InputShapes() {
    }

    static Loaded<Map<String, long[]>> pin(OnnxGraph g, Map<String, long[]> shapes) {
        Problems p = new Problems();
        List<Problem> warnings = new ArrayList<>();
        Map<String, long[]> pinned = new LinkedHashMap<>();
        List<String> names = g.inputs.stream().map(ValueInfoProto::getName).toList();
        Map<String, long[]> requested = new LinkedHashMap<>(shapes);
        long[] unnamed = requested.remove(ImportOptions.ONLY_INPUT);
        if (unnamed != null && names.size() == 1) {
            requested.putIfAbsent(names.get(0), unnamed);
        } else if (unnamed != null) {
            p.add("graph.input", "the model has " + names.size() + " inputs (" + String.join(", ", names)
                    + "): say which one each shape is for");
        }
        for (String name : requested.keySet()) {
            if (!names.contains(name)) {
                p.add("graph.input", "an input shape is given for '" + name + "', but the model's inputs are: "
                        + String.join(", ", names));
            }
        }
        for (int i = 0; i < g.graph.getInputCount(); i++) {
            ValueInfoProto in = g.graph.getInput(i);
            if (!names.contains(in.getName())) {
                continue; // an initializer listed as an input (IR version < 4)
            }
            String at = "graph.input[" + i + "]";
            long[] given = requested.get(in.getName());
            if (!in.getType().hasTensorType()) {
                p.add(at, "input '" + in.getName() + "' is not a tensor; only tensor inputs are supported");
                continue;
            }
            int elemType = in.getType().getTensorType().getElemType();
            if (TensorType.bytesPerElement(elemType) < 0) {
                p.add(at, "input '" + in.getName() + "' has element type " + elemType
                        + ", which this SplitScope does not know");
            }
            boolean hasShape = in.getType().getTensorType().hasShape();
            List<TensorShapeProto.Dimension> dims = in.getType().getTensorType().getShape().getDimList();
            if (given != null) {
                if (hasShape && given.length != dims.size()) {
                    p.add(at, "input '" + in.getName() + "' has " + dims.size() + " dimensions, the shape given has "
                            + given.length);
                    continue;
                }
                for (int d = 0; d < given.length; d++) {
                    if (given[d] < 1) {
                        p.add(at, "input '" + in.getName() + "': dimension " + d + " must be at least 1, got " + given[d]);
                    } else if (hasShape && dims.get(d).hasDimValue() && dims.get(d).getDimValue() != given[d]) {
                        p.add(at, "input '" + in.getName() + "': dimension " + d + " is " + dims.get(d).getDimValue()
                                + " in the model, the shape given says " + given[d]);
                    }
                }
                pinned.put(in.getName(), given.clone());
            } else if (!hasShape) {
                p.add(at, "input '" + in.getName() + "' has no shape in the model; give one (--input-shape)");
            } else {
                long[] fixed = new long[dims.size()];
                List<String> free = new ArrayList<>();
                for (int d = 0; d < fixed.length; d++) {
                    boolean known = dims.get(d).hasDimValue() && dims.get(d).getDimValue() > 0;
                    fixed[d] = known ? dims.get(d).getDimValue() : 1;
                    if (!known) {
                        free.add(dims.get(d).hasDimParam() ? "'" + dims.get(d).getDimParam() + "'" : "#" + d);
                    }
                }
                if (!free.isEmpty()) {
                    warnings.add(new Problem(at, "input '" + in.getName() + "': symbolic dimension"
                            + (free.size() == 1 ? " " : "s ") + String.join(", ", free) + " pinned to 1, giving "
                            + Arrays.toString(fixed) + "; give the real size with --input-shape"));
                }
                pinned.put(in.getName(), fixed);
            }
        }
        pinned.forEach((name, dims) -> {
            long elements = elements(dims);
            if (elements > ImportOptions.MAX_INPUT_ELEMENTS) {
                p.add("graph.input", "input '" + name + "' of shape " + Arrays.toString(dims) + " has "
                        + (elements == Long.MAX_VALUE ? "too many" : String.format("%,d", elements))
                        + " elements, over the limit of " + String.format("%,d", ImportOptions.MAX_INPUT_ELEMENTS)
                        + " elements per input (the model is run on a made-up input of that size)");
            }
        });
        return p.isEmpty() ? Loaded.ok(pinned, warnings) : Loaded.failed(p.list(), warnings);
    }

    /** The product of the dimensions, or {@link Long#MAX_VALUE} when it overflows. */
    private static long elements(long[] dims) {
        long n = 1;
        for (long d : dims) {
            if (d > 0 && n > Long.MAX_VALUE / d) {
                return Long.MAX_VALUE;
            }
            n *= Math.max(d, 0);
        }
        return n;
    }

    /** The input with every dimension fixed. */
    static ValueInfoProto withDims(ValueInfoProto in, long[] dims) {
        ValueInfoProto.Builder b = in.toBuilder();
        TensorShapeProto.Builder shape = b.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().clearDim();
        for (long d : dims) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return b.build();
    }

    /** "x[1, 3, 48, 192]" for messages. */
    static String describe(Map<String, long[]> shapes) {
        return shapes.entrySet().stream().map(e -> e.getKey() + Arrays.toString(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
