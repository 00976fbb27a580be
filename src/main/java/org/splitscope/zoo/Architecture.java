package org.splitscope.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Unit;

/**
 * A network defined operator by operator, from which exact profiles are computed at either
 * {@link Granularity}. Conventions, shared by every model in the zoo:
 * <ul>
 *   <li>batch 1, fp32: 4 bytes per parameter and per activation element;</li>
 *   <li>FLOPs = 2 x multiply-accumulates of convolutions and fully connected layers, plus 1 FLOP
 *       per bias, 2 per BatchNorm element, 1 per ReLU/ReLU6/add element and 1 per pooled window
 *       element ({@link #macs()} gives the multiply-accumulates alone, the figure papers
 *       publish);</li>
 *   <li>parameters: weights and biases, and 4 per BatchNorm channel (gamma, beta, running mean
 *       and variance), since all four must be in memory; {@link #trainableParameters()} counts
 *       BatchNorm as 2 per channel, as papers do;</li>
 *   <li>{@code cutBytes(u)}: the bytes of every tensor written at or before u (the input
 *       included) and read after u, so a cut inside a residual block also carries the skip
 *       tensor; after the last unit, its output;</li>
 *   <li>{@code workingBytes(u)}: the bytes alive while a layer runs: every tensor alive just before
 *       it (its inputs and any waiting skip tensor) plus its output. For a chain that is input +
 *       output; for a block, the largest value over its layers.</li>
 * </ul>
 * Dropout and softmax are inference no-ops or left to the caller, and are not units.
 */
public final class Architecture {
    private final String name;
    private final String description;
    private final List<Shape> tensors;
    private final List<Layer> layers;
    private final List<String> blockNames;
    private final List<String> blockKinds;
    /** producer[t], lastReader[t]: the layers (1-based) that write and last read tensor t. */
    private final int[] producer;
    private final int[] lastReader;
    /** live[i]: bytes alive after layer i (1-based); live[0] is the input. */
    private final double[] live;

    Architecture(String name, String description, List<Shape> tensors, List<Layer> layers,
                 List<String> blockNames, List<String> blockKinds) {
        this.name = name;
        this.description = description;
        this.tensors = List.copyOf(tensors);
        this.layers = List.copyOf(layers);
        this.blockNames = List.copyOf(blockNames);
        this.blockKinds = List.copyOf(blockKinds);
        this.producer = new int[tensors.size()];
        this.lastReader = new int[tensors.size()];
        this.live = liveBytes();
    }

    private double[] liveBytes() {
        int n = layers.size();
        for (int i = 1; i <= n; i++) {
            Layer l = layers.get(i - 1);
            producer[l.output()] = i;
            lastReader[l.output()] = i; // a tensor nobody reads lives only while it is written
            for (int t : l.inputs()) {
                lastReader[t] = Math.max(lastReader[t], i);
            }
        }
        lastReader[layers.get(n - 1).output()] = n + 1; // the result leaves after the last unit
        double[] delta = new double[n + 2];
        for (int t = 0; t < tensors.size(); t++) {
            delta[producer[t]] += tensors.get(t).bytes();
            delta[lastReader[t]] -= tensors.get(t).bytes();
        }
        double[] alive = new double[n + 1];
        double running = 0;
        for (int i = 0; i <= n; i++) {
            running += delta[i];
            alive[i] = running;
        }
        return alive;
    }

    public String name() {
        return name;
    }

    public double inputBytes() {
        return tensors.get(0).bytes();
    }

    /** Multiply-accumulates of one forward pass (convolutions and fully connected layers). */
    public long macs() {
        return layers.stream().mapToLong(Layer::macs).sum();
    }

    /** Every FLOP of one forward pass, by the conventions above. */
    public double flops() {
        return layers.stream().mapToDouble(Layer::flops).sum();
    }

    /** Stored parameters (BatchNorm: 4 per channel). */
    public long parameters() {
        return layers.stream().mapToLong(Layer::params).sum();
    }

    /** Trainable parameters (BatchNorm: 2 per channel), the figure papers publish. */
    public long trainableParameters() {
        return layers.stream().mapToLong(Layer::trainable).sum();
    }

    public List<Unit> units(Granularity granularity) {
        List<Unit> units = new ArrayList<>();
        if (granularity == Granularity.LAYERS) {
            for (int i = 1; i <= layers.size(); i++) {
                Layer l = layers.get(i - 1);
                units.add(new Unit(l.name(), l.kind(), l.flops(), 4.0 * l.params(), live[i], null, working(i)));
            }
            return units;
        }
        int first = 1;
        for (int b = 0; b < blockNames.size(); b++) {
            int last = lastLayerOf(b);
            double flops = 0;
            double params = 0;
            double working = 0;
            for (int i = first; i <= last; i++) {
                flops += layers.get(i - 1).flops();
                params += 4.0 * layers.get(i - 1).params();
                working = Math.max(working, working(i));
            }
            units.add(new Unit(blockNames.get(b), blockKinds.get(b), flops, params, live[last], null, working));
            first = last + 1;
        }
        return units;
    }

    /** A profile with the units only: no exits, default result size, max-probability criterion. */
    public ModelProfile profile(Granularity granularity) {
        return new ModelProfile(name, description, inputBytes(), null, units(granularity),
                null, null, null, null, null, null);
    }

    /** The 1-based number of the unit that ends the named block at this granularity. */
    public int unitEnding(String block, Granularity granularity) {
        int b = blockIndex(block);
        return granularity == Granularity.BLOCKS ? b + 1 : lastLayerOf(b);
    }

    /**
     * An exit head after the named block: a 3x3 convolution keeping the channel count, BatchNorm,
     * ReLU, global average pooling and a fully connected layer to {@code classes} outputs, costed
     * by the same conventions (its working bytes are the largest of its own layers').
     */
    public ExitHead convPoolFcHead(String id, String afterBlock, Granularity granularity, int classes) {
        return exitHead(id, afterBlock, granularity, (head, in) -> {
            int x = head.conv("conv", in, head.shape(in).channels(), 3, 1);
            x = head.relu("relu", head.bn("bn", x));
            head.fc("fc", head.globalAvgPool("pool", x), classes);
        });
    }

    /**
     * An exit head after the named block made of global average pooling and a fully connected
     * layer to {@code classes} outputs: the network's own classifier moved up, the cheapest head
     * (a few MFLOPs where a 3x3 convolution over a wide ImageNet feature map costs GFLOPs).
     */
    public ExitHead poolFcHead(String id, String afterBlock, Granularity granularity, int classes) {
        return exitHead(id, afterBlock, granularity, (head, in) -> head.fc("fc", head.globalAvgPool("pool", in), classes));
    }

    /**
     * An exit head after the named block whose layers {@code layers} adds to a builder whose
     * tensor 0 holds every feature map alive after the block, concatenated (the block's output; in
     * a dense block every feature map so far, after an Inception module every branch).
     */
    ExitHead exitHead(String id, String afterBlock, Granularity granularity, BiConsumer<NetworkBuilder, Integer> layers) {
        NetworkBuilder head = new NetworkBuilder(featuresAfter(lastLayerOf(blockIndex(afterBlock)))).block(id, "exit");
        layers.accept(head, 0);
        Architecture h = head.build(id, "");
        double working = 0;
        for (int i = 1; i <= h.layers.size(); i++) {
            working = Math.max(working, h.working(i));
        }
        return new ExitHead(id, unitEnding(afterBlock, granularity), h.flops(), 4.0 * h.parameters(), null, working);
    }

    /** The channel concatenation of the tensors written at or before the layer and read after it. */
    private Shape featuresAfter(int layer) {
        int channels = 0;
        Shape first = null;
        for (int t = 0; t < tensors.size(); t++) {
            if (producer[t] <= layer && lastReader[t] > layer) {
                Shape s = tensors.get(t);
                if (first != null && (s.height() != first.height() || s.width() != first.width())) {
                    throw new IllegalStateException(name + ": feature maps of different sizes alive after layer " + layer);
                }
                first = first == null ? s : first;
                channels += s.channels();
            }
        }
        return new Shape(channels, first.height(), first.width());
    }

    private double working(int layer) {
        return live[layer - 1] + tensors.get(layers.get(layer - 1).output()).bytes();
    }

    private int blockIndex(String block) {
        int b = blockNames.indexOf(block);
        if (b < 0) {
            throw new IllegalArgumentException(name + " has no block '" + block + "'");
        }
        return b;
    }

    private int lastLayerOf(int block) {
        int last = 0;
        for (int i = 1; i <= layers.size(); i++) {
            if (layers.get(i - 1).block() == block) {
                last = i;
            }
        }
        return last;
    }
}
