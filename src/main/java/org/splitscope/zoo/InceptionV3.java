package org.splitscope.zoo;

import java.util.List;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;

/**
 * Inception-v3 (Szegedy et al., "Rethinking the Inception Architecture for Computer Vision",
 * CVPR 2016, Table 1), ImageNet 299x299x3, laid out as torchvision's {@code inception_v3}
 * WITHOUT the auxiliary classifier (a training aid, not run at inference): two stem blocks
 * (3x3 convolutions to 32, 32 and 64 channels, the first two unpadded, the first with stride 2;
 * 3x3 stride-2 max pooling; a 1x1 convolution to 80 and an unpadded 3x3 to 192; max pooling
 * again, leaving 35x35x192), three Inception-A modules (Mixed_5b-d), a grid reduction (Mixed_6a),
 * four Inception-C modules with factorized 1x7 and 7x1 convolutions (Mixed_6b-e, 17x17x768), a
 * second reduction (Mixed_7a) and two Inception-E modules with expanded 1x3 / 3x1 branches
 * (Mixed_7b-c, 8x8x2048), global average pooling and a 1000-way fully connected layer. Every
 * convolution is torchvision's BasicConv2d: conv without bias, bn, relu.
 *
 * <p>A module's branches write separate tensors and the next module reads them concatenated, so
 * a cut inside a module carries the module's input and every branch output made so far, and a cut
 * after it the four branches. Published: 5.7 G multiply-adds and 23.8 M parameters without the
 * auxiliary classifier (torchvision: 23,834,568; 27,161,264 with it). Block granularity: the two
 * stem blocks, the eleven modules and the classifier. Cost conventions: {@link Architecture}.
 *
 * <p>Exits ({@link #exits}): a {@link Architecture#poolFcHead} after Mixed_5d, the last 35x35
 * module, and the paper's own auxiliary classifier after Mixed_6e (section 4: "on top of the last
 * 17x17 layer"), used at inference as an early exit: 5x5 stride-3 average pooling, a 1x1
 * BasicConv2d to 128, a 5x5 BasicConv2d to 768 and a 1000-way fc.
 */
public final class InceptionV3 {
    public static final int CLASSES = 1000;
    /** torchvision's ImageNet top-1 accuracy of its IMAGENET1K_V1 weights. */
    public static final double PUBLISHED_ACCURACY = 0.77294;

    private InceptionV3() {
    }

    public static Architecture architecture() {
        NetworkBuilder b = new NetworkBuilder(new Shape(3, 299, 299));
        b.block("stem1", "stem");
        int x = basic(b, "conv1a", new int[] {0}, 32, 3, 3, 2, 0, 0);
        x = basic(b, "conv2a", new int[] {x}, 32, 3, 3, 1, 0, 0);
        x = basic(b, "conv2b", new int[] {x}, 64, 3, 3, 1, 1, 1);
        x = b.maxPool("maxpool", new int[] {x}, 3, 2, 0);
        b.block("stem2", "stem");
        x = basic(b, "conv3b", new int[] {x}, 80, 1, 1, 1, 0, 0);
        x = basic(b, "conv4a", new int[] {x}, 192, 3, 3, 1, 0, 0);
        int[] m = {b.maxPool("maxpool", new int[] {x}, 3, 2, 0)};
        m = inceptionA(b.block("Mixed_5b", "inception"), m, 32);
        m = inceptionA(b.block("Mixed_5c", "inception"), m, 64);
        m = inceptionA(b.block("Mixed_5d", "inception"), m, 64);
        m = inceptionB(b.block("Mixed_6a", "reduction"), m);
        for (String[] module : new String[][] {{"Mixed_6b", "128"}, {"Mixed_6c", "160"}, {"Mixed_6d", "160"},
                {"Mixed_6e", "192"}}) {
            m = inceptionC(b.block(module[0], "inception"), m, Integer.parseInt(module[1]));
        }
        m = inceptionD(b.block("Mixed_7a", "reduction"), m);
        m = inceptionE(b.block("Mixed_7b", "inception"), m);
        m = inceptionE(b.block("Mixed_7c", "inception"), m);
        b.block("classifier", "classifier").fc("fc", b.globalAvgPool("pool", m), CLASSES);
        return b.build("Inception-v3",
                "Inception-v3 (Szegedy et al. 2016, torchvision layout, no auxiliary classifier), ImageNet "
                        + "299x299x3 fp32 input, batch 1; FLOPs = 2 x MACs + bias, bn, relu and pooling.");
    }

    public static ModelProfile profile(Granularity granularity) {
        return architecture().profile(granularity);
    }

    /** Two exit heads: pooling and fc after Mixed_5d, the auxiliary classifier after Mixed_6e. */
    public static List<ExitHead> exits(Granularity granularity) {
        Architecture a = architecture();
        return List.of(a.poolFcHead("exit-5d", "Mixed_5d", granularity, CLASSES),
                a.exitHead("exit-aux", "Mixed_6e", granularity, (h, in) -> {
                    int x = h.avgPool("pool", new int[] {in}, 5, 3, 0);
                    x = basic(h, "conv0", new int[] {x}, 128, 1, 1, 1, 0, 0);
                    x = basic(h, "conv1", new int[] {x}, 768, 5, 5, 1, 0, 0);
                    h.fc("fc", h.globalAvgPool("avgpool", x), CLASSES);
                }));
    }

    private static int[] inceptionA(NetworkBuilder b, int[] in, int poolChannels) {
        int b1 = basic(b, "branch1x1", in, 64, 1, 1, 1, 0, 0);
        int b5 = basic(b, "branch5x5_1", in, 48, 1, 1, 1, 0, 0);
        b5 = basic(b, "branch5x5_2", new int[] {b5}, 64, 5, 5, 1, 2, 2);
        int b3 = basic(b, "branch3x3dbl_1", in, 64, 1, 1, 1, 0, 0);
        b3 = basic(b, "branch3x3dbl_2", new int[] {b3}, 96, 3, 3, 1, 1, 1);
        b3 = basic(b, "branch3x3dbl_3", new int[] {b3}, 96, 3, 3, 1, 1, 1);
        int bp = basic(b, "branch_pool", new int[] {b.avgPool("branch_pool.avgpool", in, 3, 1, 1)},
                poolChannels, 1, 1, 1, 0, 0);
        return new int[] {b1, b5, b3, bp};
    }

    private static int[] inceptionB(NetworkBuilder b, int[] in) {
        int b3 = basic(b, "branch3x3", in, 384, 3, 3, 2, 0, 0);
        int bd = basic(b, "branch3x3dbl_1", in, 64, 1, 1, 1, 0, 0);
        bd = basic(b, "branch3x3dbl_2", new int[] {bd}, 96, 3, 3, 1, 1, 1);
        bd = basic(b, "branch3x3dbl_3", new int[] {bd}, 96, 3, 3, 2, 0, 0);
        return new int[] {b3, bd, b.maxPool("branch_pool", in, 3, 2, 0)};
    }

    private static int[] inceptionC(NetworkBuilder b, int[] in, int c7) {
        int b1 = basic(b, "branch1x1", in, 192, 1, 1, 1, 0, 0);
        int b7 = basic(b, "branch7x7_1", in, c7, 1, 1, 1, 0, 0);
        b7 = basic(b, "branch7x7_2", new int[] {b7}, c7, 1, 7, 1, 0, 3);
        b7 = basic(b, "branch7x7_3", new int[] {b7}, 192, 7, 1, 1, 3, 0);
        int bd = basic(b, "branch7x7dbl_1", in, c7, 1, 1, 1, 0, 0);
        bd = basic(b, "branch7x7dbl_2", new int[] {bd}, c7, 7, 1, 1, 3, 0);
        bd = basic(b, "branch7x7dbl_3", new int[] {bd}, c7, 1, 7, 1, 0, 3);
        bd = basic(b, "branch7x7dbl_4", new int[] {bd}, c7, 7, 1, 1, 3, 0);
        bd = basic(b, "branch7x7dbl_5", new int[] {bd}, 192, 1, 7, 1, 0, 3);
        int bp = basic(b, "branch_pool", new int[] {b.avgPool("branch_pool.avgpool", in, 3, 1, 1)},
                192, 1, 1, 1, 0, 0);
        return new int[] {b1, b7, bd, bp};
    }

    private static int[] inceptionD(NetworkBuilder b, int[] in) {
        int b3 = basic(b, "branch3x3_1", in, 192, 1, 1, 1, 0, 0);
        b3 = basic(b, "branch3x3_2", new int[] {b3}, 320, 3, 3, 2, 0, 0);
        int b7 = basic(b, "branch7x7x3_1", in, 192, 1, 1, 1, 0, 0);
        b7 = basic(b, "branch7x7x3_2", new int[] {b7}, 192, 1, 7, 1, 0, 3);
        b7 = basic(b, "branch7x7x3_3", new int[] {b7}, 192, 7, 1, 1, 3, 0);
        b7 = basic(b, "branch7x7x3_4", new int[] {b7}, 192, 3, 3, 2, 0, 0);
        return new int[] {b3, b7, b.maxPool("branch_pool", in, 3, 2, 0)};
    }

    private static int[] inceptionE(NetworkBuilder b, int[] in) {
        int b1 = basic(b, "branch1x1", in, 320, 1, 1, 1, 0, 0);
        int[] b3 = {basic(b, "branch3x3_1", in, 384, 1, 1, 1, 0, 0)};
        int b3a = basic(b, "branch3x3_2a", b3, 384, 1, 3, 1, 0, 1);
        int b3b = basic(b, "branch3x3_2b", b3, 384, 3, 1, 1, 1, 0);
        int[] bd = {basic(b, "branch3x3dbl_1", in, 448, 1, 1, 1, 0, 0)};
        bd = new int[] {basic(b, "branch3x3dbl_2", bd, 384, 3, 3, 1, 1, 1)};
        int bda = basic(b, "branch3x3dbl_3a", bd, 384, 1, 3, 1, 0, 1);
        int bdb = basic(b, "branch3x3dbl_3b", bd, 384, 3, 1, 1, 1, 0);
        int bp = basic(b, "branch_pool", new int[] {b.avgPool("branch_pool.avgpool", in, 3, 1, 1)},
                192, 1, 1, 1, 0, 0);
        return new int[] {b1, b3a, b3b, bda, bdb, bp};
    }

    /** torchvision's BasicConv2d: a convolution without bias, bn and relu. */
    private static int basic(NetworkBuilder b, String name, int[] in, int out, int kernelHeight, int kernelWidth,
                             int stride, int padHeight, int padWidth) {
        int x = b.conv(name, in, out, kernelHeight, kernelWidth, stride, padHeight, padWidth);
        return b.relu(name + ".relu", b.bn(name + ".bn", x));
    }
}
