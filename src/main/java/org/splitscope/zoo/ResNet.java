package org.splitscope.zoo;

import java.util.List;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * The ImageNet ResNets with bottleneck blocks of He et al., "Deep Residual Learning for Image
 * Recognition" (CVPR 2016), Table 1: ResNet-50, -101 and -152, 224x224x3 input. A 7x7 stride-2
 * convolution to 64 channels (bn, relu) and 3x3 stride-2 max pooling make 56x56x64; four stages
 * of bottleneck blocks (3, 4, 6, 3 / 3, 4, 23, 3 / 3, 8, 36, 3) of width 64, 128, 256, 512 with
 * four times as many output channels; global average pooling and a 1000-way fully connected layer.
 *
 * <p>Laid out as torchvision's {@code resnet50/101/152} ("ResNet v1.5"): the stride of a stage's
 * first block sits on its 3x3 convolution, not on the first 1x1 as in the paper, which is why
 * torchvision's 4.1, 7.8 and 11.5 G multiply-adds are above the paper's 3.8, 7.6 and 11.3 G
 * (parameters are the same either way: 25,557,032, 44,549,160 and 60,192,808). The first block
 * of each stage has a projection shortcut (1x1 convolution and bn, option B). At layer
 * granularity a block is conv1, bn1, relu1, conv2, bn2, relu2, conv3, bn3, then the shortcut's
 * downsample and downsample.bn where there is one (torchvision's order, the order an ONNX export
 * shows, so the block input waits for the whole main path), add and relu; at block granularity
 * the units are the stem, the blocks and the classifier. Cost conventions: {@link Architecture}.
 *
 * <p>Exits ({@link #exits}): one after each of the first three stages (56x56x256, 28x28x512,
 * 14x14x1024), the stage boundaries where BranchyNet (Teerapittayanon et al., ICPR 2016) places
 * its ResNet branches and where MSDNet (Huang et al., ICLR 2018) has its ResNet baselines'
 * intermediate classifiers. Each head is {@link Architecture#poolFcHead} (global pooling and a
 * 1000-way fc), since a 3x3 convolution over 1024 channels would cost more than the stage.
 */
public final class ResNet {
    public static final int CLASSES = 1000;
    private static final int[] DEPTHS = {50, 101, 152};
    private static final int[][] BLOCKS = {{3, 4, 6, 3}, {3, 4, 23, 3}, {3, 8, 36, 3}};
    /** torchvision's ImageNet top-1 accuracy of its IMAGENET1K_V1 weights. */
    private static final double[] ACCURACY = {0.76130, 0.77374, 0.78312};
    private static final int[] WIDTHS = {64, 128, 256, 512};
    private static final int EXPANSION = 4;

    private ResNet() {
    }

    /** The network of the given depth (50, 101 or 152). */
    public static Architecture architecture(int depth) {
        int[] blocks = BLOCKS[depthIndex(depth)];
        NetworkBuilder b = new NetworkBuilder(new Shape(3, 224, 224));
        int x = b.block("stem", "stem").conv("conv", 0, 64, 7, 2);
        x = b.maxPool("maxpool", new int[] {b.relu("relu", b.bn("bn", x))}, 3, 2, 1);
        for (int s = 0; s < 4; s++) {
            for (int i = 1; i <= blocks[s]; i++) {
                int stride = s > 0 && i == 1 ? 2 : 1;
                int out = WIDTHS[s] * EXPANSION;
                b.block(blockName(s + 1, i), "block");
                int y = b.relu("relu1", b.bn("bn1", b.conv("conv1", x, WIDTHS[s], 1, 1)));
                y = b.relu("relu2", b.bn("bn2", b.conv("conv2", y, WIDTHS[s], 3, stride)));
                y = b.bn("bn3", b.conv("conv3", y, out, 1, 1));
                int skip = i == 1 ? b.bn("downsample.bn", b.conv("downsample", x, out, 1, stride)) : x;
                x = b.relu("relu", b.sum("add", y, skip));
            }
        }
        b.block("classifier", "classifier").fc("fc", b.globalAvgPool("pool", x), CLASSES);
        return b.build("ResNet-" + depth,
                "ResNet-" + depth + " (He et al. 2016, torchvision v1.5 layout), ImageNet 224x224x3 fp32 input, "
                        + "batch 1; FLOPs = 2 x MACs + bias, bn, relu, add and pooling.");
    }

    public static ModelProfile profile(int depth, Granularity granularity) {
        return architecture(depth).profile(granularity);
    }

    /** Three exit heads, at the ends of stages 1, 2 and 3. */
    public static List<ExitHead> exits(int depth, Granularity granularity) {
        int[] blocks = BLOCKS[depthIndex(depth)];
        Architecture a = architecture(depth);
        return List.of(
                a.poolFcHead("exit-s1", blockName(1, blocks[0]), granularity, CLASSES),
                a.poolFcHead("exit-s2", blockName(2, blocks[1]), granularity, CLASSES),
                a.poolFcHead("exit-s3", blockName(3, blocks[2]), granularity, CLASSES));
    }

    /** torchvision's ImageNet top-1 accuracy for this depth (ResNet-50: 0.7613). */
    public static double publishedAccuracy(int depth) {
        return ACCURACY[depthIndex(depth)];
    }

    /** The number of bottleneck blocks in stage 1..4. */
    public static int blocksInStage(int depth, int stage) {
        return BLOCKS[depthIndex(depth)][stage - 1];
    }

    static String blockName(int stage, int block) {
        return "stage" + stage + ".block" + block;
    }

    private static int depthIndex(int depth) {
        for (int i = 0; i < DEPTHS.length; i++) {
            if (DEPTHS[i] == depth) {
                return i;
            }
        }
        throw new IllegalArgumentException("ImageNet ResNet depth must be 50, 101 or 152, not " + depth);
    }
}
