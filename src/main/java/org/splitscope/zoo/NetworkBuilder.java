package org.splitscope.zoo;

import java.util.ArrayList;
import java.util.List;

/**
 * Records a network operator by operator, with the tensors each reads and writes, so that costs
 * and live tensors follow from the shapes alone. Every method returns the id of the tensor it
 * writes; tensor 0 is the input. Convolutions use "same" padding ({@code kernel / 2}).
 *
 * <p>Cost conventions: a convolution or fully connected layer costs its multiply-accumulates
 * (one FLOP each for the multiply and the add), a bias 1 FLOP per output element, BatchNorm 2
 * FLOPs per element (running statistics folded into a scale and a shift), ReLU, ReLU6 and an
 * elementwise add 1 FLOP per element, pooling 1 FLOP per element of each window. The option-A
 * shortcut (strided subsampling and zero channel padding) costs nothing.
 */
final class NetworkBuilder {
    private final List<Shape> tensors = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private final List<String> blockNames = new ArrayList<>();
    private final List<String> blockKinds = new ArrayList<>();

    NetworkBuilder(Shape input) {
        tensors.add(input);
    }

    Shape shape(int tensor) {
        return tensors.get(tensor);
    }

    /** Starts a block: the layers added next belong to it and are named {@code name.layer}. */
    NetworkBuilder block(String name, String kind) {
        blockNames.add(name);
        blockKinds.add(kind);
        return this;
    }

    /** A convolution without bias (followed by BatchNorm). */
    int conv(String name, int x, int outChannels, int kernel, int stride) {
        return convolution(name, "conv", x, outChannels, kernel, stride, 1, false);
    }

    /** A convolution with bias, as in VGG. */
    int convBias(String name, int x, int outChannels, int kernel, int stride) {
        return convolution(name, "conv", x, outChannels, kernel, stride, 1, true);
    }

    /** A depthwise convolution without bias: one filter per channel. */
    int depthwise(String name, int x, int kernel, int stride) {
        int c = shape(x).channels();
        return convolution(name, "dwconv", x, c, kernel, stride, c, false);
    }

    private int convolution(String name, String kind, int x, int outChannels, int kernel, int stride, int groups,
                            boolean bias) {
        Shape in = shape(x);
        Shape out = new Shape(outChannels, (in.height() - 1) / stride + 1, (in.width() - 1) / stride + 1);
        long perOutput = (long) (in.channels() / groups) * kernel * kernel;
        long weights = outChannels * perOutput + (bias ? outChannels : 0);
        return add(name, kind, out.elements() * perOutput, bias ? out.elements() : 0, weights, weights, out, x);
    }

    int bn(String name, int x) {
        Shape s = shape(x);
        return add(name, "bn", 0, 2 * s.elements(), 4L * s.channels(), 2L * s.channels(), s, x);
    }

    int relu(String name, int x) {
        return add(name, "relu", 0, shape(x).elements(), 0, 0, shape(x), x);
    }

    int relu6(String name, int x) {
        return add(name, "relu6", 0, shape(x).elements(), 0, 0, shape(x), x);
    }

    int sum(String name, int a, int b) {
        return add(name, "add", 0, shape(a).elements(), 0, 0, shape(a), a, b);
    }

    /** He et al.'s option A: keep every other pixel, pad the new channels with zeros. */
    int shortcutA(String name, int x, int outChannels, int stride) {
        Shape in = shape(x);
        Shape out = new Shape(outChannels, (in.height() - 1) / stride + 1, (in.width() - 1) / stride + 1);
        return add(name, "shortcut", 0, 0, 0, 0, out, x);
    }

    int maxPool(String name, int x, int kernel, int stride) {
        Shape in = shape(x);
        Shape out = new Shape(in.channels(), in.height() / stride, in.width() / stride);
        return add(name, "pool", 0, out.elements() * kernel * kernel, 0, 0, out, x);
    }

    int globalAvgPool(String name, int x) {
        Shape in = shape(x);
        return add(name, "pool", 0, in.elements(), 0, 0, new Shape(in.channels(), 1, 1), x);
    }

    /** Fully connected with bias; a feature map is flattened first. */
    int fc(String name, int x, int out) {
        long in = shape(x).elements();
        long weights = in * out + out;
        return add(name, "fc", in * out, out, weights, weights, new Shape(out, 1, 1), x);
    }

    private int add(String name, String kind, long macs, long otherFlops, long params, long trainable,
                    Shape out, int... inputs) {
        if (blockNames.isEmpty()) {
            throw new IllegalStateException("start a block before adding layers");
        }
        int block = blockNames.size() - 1;
        tensors.add(out);
        int id = tensors.size() - 1;
        layers.add(new Layer(blockNames.get(block) + "." + name, kind, block, macs, otherFlops, params, trainable,
                inputs.clone(), id));
        return id;
    }

    Architecture build(String name, String description) {
        return new Architecture(name, description, tensors, layers, blockNames, blockKinds);
    }
}
