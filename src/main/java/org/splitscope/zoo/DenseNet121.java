package org.splitscope.zoo;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * DenseNet-121 (Huang et al., "Densely Connected Convolutional Networks", CVPR 2017, Table 1,
 * DenseNet-BC with growth rate 32 and compression 0.5), ImageNet 224x224x3, laid out as
 * torchvision's {@code densenet121}: a 7x7 stride-2 convolution to 64 channels (bn, relu) and
 * 3x3 stride-2 max pooling; four dense blocks of 6, 12, 24 and 16 layers, the first three each
 * followed by a transition (bn, relu, 1x1 convolution halving the channels, 2x2 average pooling);
 * a final bn and relu, global average pooling and a 1000-way fully connected layer.
 *
 * <p>A dense layer reads every feature map of its block so far, concatenated (bn1, relu1, a 1x1
 * convolution to 128, bn2, relu2, a 3x3 convolution to 32 new channels). The concatenation is not
 * a unit: bn1 reads the parts, so a cut anywhere inside a dense block carries every feature map
 * the block has made so far (and its input), which is what must cross the network. Block
 * granularity: the stem, each dense layer, each transition and the classifier (with the final bn
 * and relu). Published: 8.0 M parameters (torchvision: 7,978,856) and 2.87 G multiply-adds.
 * Cost conventions: {@link Architecture}.
 *
 * <p>Exits ({@link #exits}): {@link Architecture#poolFcHead} heads after the first three
 * transitions, where Huang et al.'s MSDNet (ICLR 2018) attaches the intermediate classifiers of
 * its DenseNet baselines (one per dense block).
 */
public final class DenseNet121 {
    public static final int CLASSES = 1000;
    /** torchvision's ImageNet top-1 accuracy of its IMAGENET1K_V1 weights. */
    public static final double PUBLISHED_ACCURACY = 0.74434;
    private static final int[] LAYERS = {6, 12, 24, 16};
    public static final int GROWTH = 32;
    private static final int BOTTLENECK = 4 * GROWTH;

    private DenseNet121() {
    }

    public static Architecture architecture() {
        NetworkBuilder b = new NetworkBuilder(new Shape(3, 224, 224));
        int x = b.block("stem", "stem").conv("conv", 0, 64, 7, 2);
        x = b.maxPool("maxpool", new int[] {b.relu("relu", b.bn("bn", x))}, 3, 2, 1);
        List<Integer> features = new ArrayList<>(List.of(x));
        for (int d = 1; d <= LAYERS.length; d++) {
            for (int l = 1; l <= LAYERS[d - 1]; l++) {
                b.block(layerName(d, l), "dense");
                int y = b.relu("relu1", b.bn("bn1", ints(features)));
                y = b.relu("relu2", b.bn("bn2", b.conv("conv1", y, BOTTLENECK, 1, 1)));
                features.add(b.conv("conv2", y, GROWTH, 3, 1));
            }
            if (d < LAYERS.length) {
                b.block(transitionName(d), "transition");
                int y = b.relu("relu", b.bn("bn", ints(features)));
                y = b.conv("conv", y, b.shape(y).channels() / 2, 1, 1);
                features = new ArrayList<>(List.of(b.avgPool("pool", new int[] {y}, 2, 2, 0)));
            }
        }
        b.block("classifier", "classifier");
        x = b.relu("relu", b.bn("bn", ints(features)));
        b.fc("fc", b.globalAvgPool("pool", x), CLASSES);
        return b.build("DenseNet-121",
                "DenseNet-121 (Huang et al. 2017, torchvision layout), ImageNet 224x224x3 fp32 input, batch 1; "
                        + "FLOPs = 2 x MACs + bias, bn, relu and pooling.");
    }

    public static ModelProfile profile(Granularity granularity) {
        return architecture().profile(granularity);
    }

    /** Three exit heads, after transitions 1, 2 and 3. */
    public static List<ExitHead> exits(Granularity granularity) {
        Architecture a = architecture();
        return List.of(
                a.poolFcHead("exit-t1", transitionName(1), granularity, CLASSES),
                a.poolFcHead("exit-t2", transitionName(2), granularity, CLASSES),
                a.poolFcHead("exit-t3", transitionName(3), granularity, CLASSES));
    }

    /** The number of dense layers in dense block 1..4. */
    public static int layersInBlock(int denseBlock) {
        return LAYERS[denseBlock - 1];
    }

    static String layerName(int denseBlock, int layer) {
        return "dense" + denseBlock + ".layer" + layer;
    }

    static String transitionName(int after) {
        return "transition" + after;
    }

    private static int[] ints(List<Integer> tensors) {
        return tensors.stream().mapToInt(Integer::intValue).toArray();
    }
}
