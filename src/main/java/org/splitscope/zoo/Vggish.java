package org.splitscope.zoo;

import java.util.List;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * VGGish, the audio embedding network released with AudioSet (Hershey et al., "CNN Architectures
 * for Large-Scale Audio Classification", ICASSP 2017; definition: tensorflow/models
 * research/audioset/vggish, {@code vggish_slim.py}): a 96x64 log-mel patch (96 frames of 10 ms,
 * 64 mel bands, one channel) through 3x3 convolutions with bias and ReLU (64; 128; 256, 256; 512,
 * 512), each group followed by 2x2 stride-2 max pooling (to 6x4x512), then fc1_1 and fc1_2 (4096,
 * ReLU) and the linear 128-d embedding fc2 (the definition's {@code activation_fn=None}; older
 * ports add a ReLU there). There is no classifier: the embedding is the output. Published: 72.1 M
 * parameters (exactly 72,141,184); the papers give no multiply-add figure, the definition gives
 * 863,895,552 (0.86 G). Block granularity: the four convolution groups, fc1_1, fc1_2 and fc2.
 * Cost conventions: {@link Architecture}.
 *
 * <p>Exits ({@link #exits}): no paper places exits in VGGish. We follow Shallow-Deep Networks
 * (Kaya et al., ICML 2019), which attach internal classifiers after the convolution groups of
 * VGG-16, with {@link Architecture#poolFcHead} heads to the same 128-d embedding after groups 3
 * and 4. The second saves little compute (the fc layers are 8% of the MACs) but skips 93% of the
 * parameters, which is what matters on a device with little memory.
 */
public final class Vggish {
    public static final int EMBEDDING = 128;
    private static final int[] WIDTHS = {64, 128, 256, 512};
    private static final int[] CONVS = {1, 1, 2, 2};

    private Vggish() {
    }

    public static Architecture architecture() {
        NetworkBuilder b = new NetworkBuilder(new Shape(1, 96, 64));
        int x = 0;
        for (int g = 0; g < WIDTHS.length; g++) {
            b.block("conv" + (g + 1), "block");
            for (int i = 1; i <= CONVS[g]; i++) {
                String conv = CONVS[g] == 1 ? "conv" : "conv_" + i;
                x = b.relu(conv + ".relu", b.convBias(conv, x, WIDTHS[g], 3, 1));
            }
            x = b.maxPool("pool", x, 2, 2);
        }
        x = b.block("fc1_1", "fc").relu("relu", b.fc("fc", x, 4096));
        x = b.block("fc1_2", "fc").relu("relu", b.fc("fc", x, 4096));
        b.block("fc2", "fc").fc("fc", x, EMBEDDING);
        return b.build("VGGish",
                "VGGish (Hershey et al. 2017, AudioSet release), 96x64x1 log-mel fp32 input, batch 1, 128-d "
                        + "embedding output; FLOPs = 2 x MACs + bias, relu and pooling.");
    }

    public static ModelProfile profile(Granularity granularity) {
        return architecture().profile(granularity);
    }

    /** Two exit heads to the 128-d embedding, after convolution groups 3 and 4. */
    public static List<ExitHead> exits(Granularity granularity) {
        Architecture a = architecture();
        return List.of(a.poolFcHead("exit-conv3", "conv3", granularity, EMBEDDING),
                a.poolFcHead("exit-conv4", "conv4", granularity, EMBEDDING));
    }
}
