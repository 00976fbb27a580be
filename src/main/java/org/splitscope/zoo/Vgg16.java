package org.splitscope.zoo;

import java.util.List;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * VGG-16 (Simonyan and Zisserman, "Very Deep Convolutional Networks for Large-Scale Image
 * Recognition", ICLR 2015, configuration D), ImageNet 224x224x3: five groups of 3x3
 * convolutions with bias and ReLU (64, 128, 256, 512, 512 channels; 2, 2, 3, 3, 3 layers), each
 * followed by 2x2 max pooling, then fc6 (25088 to 4096) and fc7 (4096) with ReLU, and fc8 (1000).
 * Dropout is an inference no-op and not a unit. Published: 138M parameters (138,357,544),
 * 15.5G multiply-adds. Block granularity: the five groups, fc6, fc7, fc8. Cost conventions:
 * {@link Architecture}.
 *
 * <p>Exits ({@link #exits}): {@link Architecture#poolFcHead} heads after groups 2, 3 and 4,
 * following Shallow-Deep Networks (Kaya et al., ICML 2019), which attach internal classifiers
 * after VGG-16's convolution groups.
 */
public final class Vgg16 {
    public static final int CLASSES = 1000;
    private static final int[] WIDTHS = {64, 128, 256, 512, 512};
    private static final int[] CONVS = {2, 2, 3, 3, 3};

    private Vgg16() {
    }

    public static Architecture architecture() {
        NetworkBuilder b = new NetworkBuilder(new Shape(3, 224, 224));
        int x = 0;
        for (int g = 0; g < WIDTHS.length; g++) {
            b.block("block" + (g + 1), "block");
            for (int i = 1; i <= CONVS[g]; i++) {
                x = b.relu("relu" + i, b.convBias("conv" + i, x, WIDTHS[g], 3, 1));
            }
            x = b.maxPool("pool", x, 2, 2);
        }
        x = b.block("fc6", "fc").relu("relu", b.fc("fc", x, 4096));
        x = b.block("fc7", "fc").relu("relu", b.fc("fc", x, 4096));
        b.block("fc8", "fc").fc("fc", x, CLASSES);
        return b.build("VGG-16",
                "VGG-16 (Simonyan and Zisserman 2015, configuration D), ImageNet 224x224x3 fp32 input, batch 1; "
                        + "FLOPs = 2 x MACs + bias, relu and pooling.");
    }

    public static ModelProfile profile(Granularity granularity) {
        return architecture().profile(granularity);
    }

    /** Three exit heads, after groups 2, 3 and 4 (their max pooling). */
    public static List<ExitHead> exits(Granularity granularity) {
        Architecture a = architecture();
        return List.of(a.poolFcHead("exit-block2", "block2", granularity, CLASSES),
                a.poolFcHead("exit-block3", "block3", granularity, CLASSES),
                a.poolFcHead("exit-block4", "block4", granularity, CLASSES));
    }
}
