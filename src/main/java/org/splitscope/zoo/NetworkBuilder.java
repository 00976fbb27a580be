package org.splitscope.zoo;

import java.util.ArrayList;
import java.util.List;

/**
 * Records a network operator by operator, with the tensors each reads and writes, so that costs
 * and live tensors follow from the shapes alone. Every method returns the id of the tensor it
 * writes; tensor 0 is the input. Convolutions use "same" padding ({@code kernel / 2}) unless a
 * padding is given. A layer given several tensors reads them concatenated along channels: the
 * concatenation is not a unit of its own and costs nothing, so a cut before it carries the parts
 * (every feature map of a dense block, every branch of an Inception module), never a copy.
 *
 * <p>Cost conventions: a convolution or fully connected layer costs its multiply-accumulates
 * (one FLOP each for the multiply and the add), a bias 1 FLOP per output element, BatchNorm 2
 * FLOPs per element (running statistics folded into a scale and a shift), ReLU, ReLU6 and an
 * elementwise add 1 FLOP per element, pooling 1 FLOP per element of each window (padding
 * included, as ONNX counts it). Sigmoid and the channel scaling of squeeze-and-excitation cost 1
 * FLOP per element and swish ({@code x sigmoid(x)}) 2, as the ONNX importer counts Sigmoid and
 * Mul. The option-A shortcut (strided subsampling and zero channel padding) costs nothing.
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

    /**
     * A convolution without bias over the concatenation of {@code xs}, with a kernelHeight x
     * kernelWidth kernel and explicit zero padding (Inception's 1x7, 7x1 and unpadded convolutions).
     */
    int conv(String name, int[] xs, int outChannels, int kernelHeight, int kernelWidth, int stride,
             int padHeight, int padWidth) {
        return convolution(name, "conv", xs, outChannels, kernelHeight, kernelWidth, stride, padHeight, padWidth, 1,
                false);
    }

    private int convolution(String name, String kind, int x, int outChannels, int kernel, int stride, int groups,
                            boolean bias) {
        return convolution(name, kind, new int[] {x}, outChannels, kernel, kernel, stride, kernel / 2, kernel / 2,
                groups, bias);
    }

    private int convolution(String name, String kind, int[] xs, int outChannels, int kernelHeight, int kernelWidth,
                            int stride, int padHeight, int padWidth, int groups, boolean bias) {
        Shape in = shape(xs);
        Shape out = new Shape(outChannels, window(in.height(), kernelHeight, stride, padHeight),
                window(in.width(), kernelWidth, stride, padWidth));
        long perOutput = (long) (in.channels() / groups) * kernelHeight * kernelWidth;
        long weights = outChannels * perOutput + (bias ? outChannels : 0);
        return add(name, kind, out.elements() * perOutput, bias ? out.elements() : 0, weights, weights, out, xs);
    }

    /** Output size of a sliding window along one axis (floor mode, as PyTorch and ONNX default). */
    private static int window(int in, int kernel, int stride, int pad) {
        return (in + 2 * pad - kernel) / stride + 1;
    }

    /** The shape of the channel concatenation of xs, which must agree in height and width. */
    Shape shape(int... xs) {
        Shape first = shape(xs[0]);
        int channels = 0;
        for (int x : xs) {
            Shape s = shape(x);
            if (s.height() != first.height() || s.width() != first.width()) {
                throw new IllegalArgumentException("cannot concatenate " + first + " and " + s);
            }
            channels += s.channels();
        }
        return new Shape(channels, first.height(), first.width());
    }

    int bn(String name, int... xs) {
        Shape s = shape(xs);
        return add(name, "bn", 0, 2 * s.elements(), 4L * s.channels(), 2L * s.channels(), s, xs);
    }

    int sigmoid(String name, int x) {
        return add(name, "sigmoid", 0, shape(x).elements(), 0, 0, shape(x), x);
    }

    int swish(String name, int x) {
        return add(name, "swish", 0, 2 * shape(x).elements(), 0, 0, shape(x), x);
    }

    /** Squeeze-and-excitation's rescaling: every channel of x times its gate (a c x 1 x 1 tensor). */
    int scale(String name, int x, int gate) {
        return add(name, "mul", 0, shape(x).elements(), 0, 0, shape(x), x, gate);
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

    /** Max pooling with explicit padding (ResNet's and Inception's stems). */
    int maxPool(String name, int[] xs, int kernel, int stride, int pad) {
        return pool(name, xs, kernel, stride, pad);
    }

    /** Average pooling with explicit padding; padded positions count as window elements. */
    int avgPool(String name, int[] xs, int kernel, int stride, int pad) {
        return pool(name, xs, kernel, stride, pad);
    }

    private int pool(String name, int[] xs, int kernel, int stride, int pad) {
        Shape in = shape(xs);
        Shape out = new Shape(in.channels(), window(in.height(), kernel, stride, pad),
                window(in.width(), kernel, stride, pad));
        return add(name, "pool", 0, out.elements() * kernel * kernel, 0, 0, out, xs);
    }

    int globalAvgPool(String name, int... xs) {
        Shape in = shape(xs);
        return add(name, "pool", 0, in.elements(), 0, 0, new Shape(in.channels(), 1, 1), xs);
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
