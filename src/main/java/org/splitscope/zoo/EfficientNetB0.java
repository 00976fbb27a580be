package org.splitscope.zoo;

import java.util.List;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * EfficientNet-B0 (Tan and Le, "EfficientNet: Rethinking Model Scaling for Convolutional Neural
 * Networks", ICML 2019, Table 1), ImageNet 224x224x3, laid out as torchvision's
 * {@code efficientnet_b0}: a 3x3 stride-2 convolution to 32 channels (bn, swish), 16 MBConv
 * blocks in seven stages (expansion, kernel, stride, channels, repeats), a 1x1 convolution to 1280
 * (bn, swish), global average pooling and a 1000-way fully connected layer.
 *
 * <p>An MBConv block is a 1x1 expansion (conv, bn, swish; absent where the expansion is 1), a
 * depthwise convolution (dw, bn, swish), squeeze-and-excitation (global pooling, a 1x1
 * convolution with bias to a quarter of the block's input channels, swish, a 1x1 convolution with
 * bias back, sigmoid, channel scaling), a linear 1x1 projection (conv, bn) and an add where the
 * stride is 1 and the channel count is kept (stochastic depth is an identity at inference). While
 * squeeze-and-excitation runs, the depthwise output waits for the scaling, so cuts there carry it.
 * Published: 0.39 G multiply-adds and 5.3 M parameters (torchvision: 5,288,548). Cost
 * conventions: {@link Architecture}.
 *
 * <p>Exits ({@link #exits}): {@link Architecture#poolFcHead} heads at the ends of the stages
 * that leave the 56x56, 28x28 and 14x14 resolutions (24, 40 and 112 channels), following the
 * practice of placing internal classifiers where the resolution drops (MSDNet, Huang et al., ICLR
 * 2018; Shallow-Deep Networks, Kaya et al., ICML 2019).
 */
public final class EfficientNetB0 {
    public static final int CLASSES = 1000;
    /** torchvision's ImageNet top-1 accuracy of its IMAGENET1K_V1 weights. */
    public static final double PUBLISHED_ACCURACY = 0.77692;
    /** Table 1 of the paper: {expansion, kernel, stride, channels, repeats} per MBConv stage. */
    private static final int[][] STAGES = {
            {1, 3, 1, 16, 1}, {6, 3, 2, 24, 2}, {6, 5, 2, 40, 2}, {6, 3, 2, 80, 3}, {6, 5, 1, 112, 3},
            {6, 5, 2, 192, 4}, {6, 3, 1, 320, 1}};

    private EfficientNetB0() {
    }

    public static Architecture architecture() {
        return scaled("EfficientNet-B0", 1.0, 1.0, 224, "");
    }

    /**
     * EfficientNet-B7 (width 2.0, depth 3.1, 600x600; 66 M parameters): the same layout with
     * channels scaled and rounded to multiples of 8 and repeats rounded up, as the reference code
     * scales B0. Not in the menu; SEIFER's cluster benchmarks use it.
     */
    public static Architecture b7() {
        return scaled("EfficientNet-B7", 2.0, 3.1, 600, " Scaled as B7: width 2.0, depth 3.1, 600x600.");
    }

    private static int channels(int c, double width) {
        int scaled = Math.max(8, (int) (c * width + 4) / 8 * 8);
        return scaled < 0.9 * c * width ? scaled + 8 : scaled;
    }

    private static Architecture scaled(String name, double width, double depth, int resolution, String note) {
        NetworkBuilder b = new NetworkBuilder(new Shape(3, resolution, resolution));
        int x = b.block("stem", "stem").conv("conv", 0, channels(32, width), 3, 2);
        x = b.swish("swish", b.bn("bn", x));
        int block = 0;
        for (int[] stage : STAGES) {
            int repeats = (int) Math.ceil(stage[4] * depth);
            for (int i = 0; i < repeats; i++) {
                b.block("block" + ++block, "block");
                int in = x;
                int inChannels = b.shape(in).channels();
                int y = x;
                if (stage[0] != 1) {
                    y = b.swish("expand.swish", b.bn("expand.bn", b.conv("expand", y, inChannels * stage[0], 1, 1)));
                }
                y = b.swish("dw.swish", b.bn("dw.bn", b.depthwise("dw", y, stage[1], i == 0 ? stage[2] : 1)));
                int expanded = b.shape(y).channels();
                int gate = b.swish("se.swish", b.convBias("se.reduce", b.globalAvgPool("se.pool", y),
                        Math.max(1, inChannels / 4), 1, 1));
                gate = b.sigmoid("se.sigmoid", b.convBias("se.expand", gate, expanded, 1, 1));
                y = b.scale("se.scale", y, gate);
                y = b.bn("project.bn", b.conv("project", y, channels(stage[3], width), 1, 1));
                x = b.shape(in).equals(b.shape(y)) ? b.sum("add", y, in) : y;
            }
        }
        x = b.block("conv_last", "conv").conv("conv", x, channels(1280, width), 1, 1);
        x = b.swish("swish", b.bn("bn", x));
        b.block("classifier", "classifier").fc("fc", b.globalAvgPool("pool", x), CLASSES);
        return b.build(name,
                "EfficientNet-B0 (Tan and Le 2019, torchvision layout), ImageNet 224x224x3 fp32 input, batch 1; "
                        + "FLOPs = 2 x MACs + bias, bn, swish, sigmoid, scaling, add and pooling." + note);
    }

    public static ModelProfile profile(Granularity granularity) {
        return architecture().profile(granularity);
    }

    /** Three exit heads, after blocks 3, 5 and 11 (the last blocks at 56x56, 28x28 and 14x14). */
    public static List<ExitHead> exits(Granularity granularity) {
        Architecture a = architecture();
        return List.of(
                a.poolFcHead("exit-56", "block3", granularity, CLASSES),
                a.poolFcHead("exit-28", "block5", granularity, CLASSES),
                a.poolFcHead("exit-14", "block11", granularity, CLASSES));
    }
}
