package org.splitscope.zoo;

import java.util.List;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * The CIFAR-10 ResNets of He et al., "Deep Residual Learning for Image Recognition" (CVPR 2016),
 * section 4.2: a 3x3 convolution with 16 filters on the 32x32x3 input, then three stages of n
 * basic blocks (two 3x3 convolutions each, with BatchNorm and ReLU) at 32x32x16, 16x16x32 and
 * 8x8x64, the first block of stages 2 and 3 subsampling with stride 2, then global average
 * pooling and a 10-way fully connected layer: depth 6n + 2.
 *
 * <p>Shortcuts are option A (identity; where the shape changes, subsample and pad the new
 * channels with zeros: no parameters), the option whose parameter counts match the paper's
 * (0.27M for ResNet-20, 1.7M for ResNet-110; exactly 269,722 and 1,727,962 trainable). At layer
 * granularity a block is shortcut (downsampling blocks only, first so that only the subsampled
 * tensor waits), conv1, bn1, relu1, conv2, bn2, add, relu2; at block granularity the units are
 * the stem, the 3n blocks and the classifier (pool + fc). Cost conventions: {@link Architecture}.
 *
 * <p>Exits ({@link #exits}): BranchyNet's B-ResNet-110 (Teerapittayanon et al., ICPR 2016; its
 * public code, networks/resnet_cifar10.py) attaches branch 1 after the first residual block and
 * branch 2 at the end of the first stage; we add a third at the end of the second stage, the
 * other stage boundary. Each head is {@link Architecture#convPoolFcHead} (3x3 conv, bn, relu,
 * pool, fc to 10), simpler than BranchyNet's own branches.
 */
public final class CifarResNet {
    public static final int CLASSES = 10;
    /** Depths the paper reports and the test errors it reports for them (Table 6, percent). */
    private static final int[] DEPTHS = {20, 32, 44, 56, 110};
    private static final double[] ERRORS = {8.75, 7.51, 7.17, 6.97, 6.43};

    private CifarResNet() {
    }

    /** The network of the given depth (20, 32, 44, 56 or 110). */
    public static Architecture architecture(int depth) {
        int n = blocksPerStage(depth);
        NetworkBuilder b = new NetworkBuilder(new Shape(3, 32, 32));
        int x = b.block("stem", "stem").conv("conv", 0, 16, 3, 1);
        x = b.relu("relu", b.bn("bn", x));
        int[] widths = {16, 32, 64};
        for (int s = 0; s < 3; s++) {
            for (int i = 1; i <= n; i++) {
                int stride = s > 0 && i == 1 ? 2 : 1;
                b.block(blockName(s + 1, i), "block");
                int skip = stride == 1 ? x : b.shortcutA("shortcut", x, widths[s], stride);
                int y = b.conv("conv1", x, widths[s], 3, stride);
                y = b.relu("relu1", b.bn("bn1", y));
                y = b.bn("bn2", b.conv("conv2", y, widths[s], 3, 1));
                x = b.relu("relu2", b.sum("add", y, skip));
            }
        }
        b.block("classifier", "classifier").fc("fc", b.globalAvgPool("pool", x), CLASSES);
        return b.build("CIFAR ResNet-" + depth,
                "ResNet-" + depth + " for CIFAR-10 (He et al. 2016, option-A shortcuts), 32x32x3 fp32 input, "
                        + "batch 1; FLOPs = 2 x MACs + bias, bn, relu, add and pooling.");
    }

    /** The profile without exits. */
    public static ModelProfile profile(int depth, Granularity granularity) {
        return architecture(depth).profile(granularity);
    }

    /** Three exit heads: after stage 1's first block, at the end of stage 1, at the end of stage 2. */
    public static List<ExitHead> exits(int depth, Granularity granularity) {
        int n = blocksPerStage(depth);
        Architecture a = architecture(depth);
        return List.of(
                a.convPoolFcHead("exit-s1b1", blockName(1, 1), granularity, CLASSES),
                a.convPoolFcHead("exit-s1", blockName(1, n), granularity, CLASSES),
                a.convPoolFcHead("exit-s2", blockName(2, n), granularity, CLASSES));
    }

    /** The test accuracy the paper reports for this depth (ResNet-110: 0.9357). */
    public static double publishedAccuracy(int depth) {
        return 1 - ERRORS[depthIndex(depth)] / 100;
    }

    static String blockName(int stage, int block) {
        return "stage" + stage + ".block" + block;
    }

    private static int blocksPerStage(int depth) {
        return (DEPTHS[depthIndex(depth)] - 2) / 6;
    }

    private static int depthIndex(int depth) {
        for (int i = 0; i < DEPTHS.length; i++) {
            if (DEPTHS[i] == depth) {
                return i;
            }
        }
        throw new IllegalArgumentException("the paper reports depths 20, 32, 44, 56 and 110, not " + depth);
    }
}
