package org.splitscope.zoo;

import java.util.List;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * MobileNetV2 (Sandler et al., "MobileNetV2: Inverted Residuals and Linear Bottlenecks", CVPR
 * 2018), width 1.0, ImageNet 224x224x3, laid out as torchvision's {@code mobilenet_v2}: a 3x3
 * stride-2 convolution to 32 channels, 17 inverted-residual blocks (Table 2: expansion t,
 * channels c, repeats n, stride s), a 1x1 convolution to 1280, global average pooling and a
 * 1000-way fully connected layer. A block is an optional 1x1 expansion (conv, bn, relu6), a 3x3
 * depthwise convolution (dwconv, bn, relu6) and a linear 1x1 projection (conv, bn), plus an add
 * where stride is 1 and the channel count is kept. Published: 300M multiply-adds, 3.4M
 * parameters in the paper, 3,504,872 in torchvision. Cost conventions: {@link Architecture}.
 *
 * <p>Exits ({@link #exits}): {@link Architecture#poolFcHead} heads after blocks 3, 6 and 13, the
 * last blocks at 56x56, 28x28 and 14x14, where the resolution drops (the placement of MSDNet,
 * Huang et al., ICLR 2018, and Shallow-Deep Networks, Kaya et al., ICML 2019).
 */
public final class MobileNetV2 {
    public static final int CLASSES = 1000;
    /** Table 2 of the paper: {t, c, n, s} per bottleneck row. */
    private static final int[][] SETTINGS = {
            {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    private MobileNetV2() {
    }

    public static Architecture architecture() {
        NetworkBuilder b = new NetworkBuilder(new Shape(3, 224, 224));
        int x = b.block("stem", "stem").conv("conv", 0, 32, 3, 2);
        x = b.relu6("relu6", b.bn("bn", x));
        int block = 0;
        for (int[] row : SETTINGS) {
            for (int i = 0; i < row[2]; i++) {
                b.block("block" + ++block, "block");
                int in = x;
                int y = x;
                if (row[0] != 1) {
                    y = b.relu6("expand.relu6", b.bn("expand.bn", b.conv("expand", y, b.shape(x).channels() * row[0], 1, 1)));
                }
                y = b.relu6("dw.relu6", b.bn("dw.bn", b.depthwise("dw", y, 3, i == 0 ? row[3] : 1)));
                y = b.bn("project.bn", b.conv("project", y, row[1], 1, 1));
                x = b.shape(in).equals(b.shape(y)) ? b.sum("add", y, in) : y;
            }
        }
        x = b.block("conv_last", "conv").conv("conv", x, 1280, 1, 1);
        x = b.relu6("relu6", b.bn("bn", x));
        b.block("classifier", "classifier").fc("fc", b.globalAvgPool("pool", x), CLASSES);
        return b.build("MobileNetV2",
                "MobileNetV2 width 1.0 (Sandler et al. 2018, torchvision layout), ImageNet 224x224x3 fp32 input, "
                        + "batch 1; FLOPs = 2 x MACs + bias, bn, relu6, add and pooling.");
    }

    public static ModelProfile profile(Granularity granularity) {
        return architecture().profile(granularity);
    }

    /** Three exit heads, after blocks 3, 6 and 13. */
    public static List<ExitHead> exits(Granularity granularity) {
        Architecture a = architecture();
        return List.of(a.poolFcHead("exit-56", "block3", granularity, CLASSES),
                a.poolFcHead("exit-28", "block6", granularity, CLASSES),
                a.poolFcHead("exit-14", "block13", granularity, CLASSES));
    }
}
