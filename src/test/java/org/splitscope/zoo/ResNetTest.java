package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.zoo.CifarResNetTest.byName;
import static org.splitscope.zoo.CifarResNetTest.max;
import static org.splitscope.zoo.CifarResNetTest.sum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Unit;

/**
 * ImageNet ResNets against published figures. Tolerance 2%: the published figures have two or
 * three significant digits (4.1 G stands for 4.05-4.15 G, +-1.2%), and counters differ by under
 * 1% on whether the fc layer and biases count; a wrong block (one bottleneck more or less) moves
 * ResNet-50's MACs by 5-7% and fails.
 */
class ResNetTest {
    private static final int[] DEPTHS = {50, 101, 152};
    /** torchvision's parameter counts (the paper gives none); the paper's are the same rounded. */
    private static final long[] TORCHVISION_PARAMS = {25_557_032, 44_549_160, 60_192_808};
    private static final double[] PUBLISHED_PARAMS = {25.6e6, 44.5e6, 60.2e6};
    /** torchvision's multiply-adds for its v1.5 layout (the paper's v1: 3.8, 7.6, 11.3 G). */
    private static final double[] PUBLISHED_MACS = {4.1e9, 7.8e9, 11.5e9};

    @Test
    void totalsMatchPublishedFigures() {
        for (int i = 0; i < DEPTHS.length; i++) {
            Architecture a = ResNet.architecture(DEPTHS[i]);
            assertEquals(TORCHVISION_PARAMS[i], a.trainableParameters(), a.name());
            assertEquals(PUBLISHED_PARAMS[i], a.trainableParameters(), 0.02 * PUBLISHED_PARAMS[i], a.name());
            assertEquals(PUBLISHED_MACS[i], a.macs(), 0.02 * PUBLISHED_MACS[i], a.name());
            assertTrue(a.flops() > 2.0 * a.macs() && a.flops() < 2.05 * a.macs(), a.name());
            assertEquals(224 * 224 * 3 * 4, a.inputBytes());
        }
    }

    @Test
    void theStemAndFirstBlockByHand() {
        List<Unit> layers = ResNet.profile(50, Granularity.LAYERS).units();
        // 7x7x3 filters, 64 of them, at 112x112
        assertEquals(2.0 * 112 * 112 * 64 * 7 * 7 * 3, byName(layers, "stem.conv").flops());
        assertEquals(4.0 * 64 * 7 * 7 * 3, byName(layers, "stem.conv").paramBytes());
        assertEquals(56 * 56 * 64 * 9, byName(layers, "stem.maxpool").flops(), "3x3 window, pad 1, stride 2");
        // the projection shortcut of stage 1: 1x1, 64 -> 256 at 56x56, plus its bn
        assertEquals(2.0 * 56 * 56 * 256 * 64, byName(layers, "stage1.block1.downsample").flops());
    }

    @Test
    void unitCountsAtBothGranularities() {
        for (int depth : DEPTHS) {
            int blocks = 0;
            for (int s = 1; s <= 4; s++) {
                blocks += ResNet.blocksInStage(depth, s);
            }
            assertEquals((depth - 2) / 3, blocks, "three layers per bottleneck block plus the stem conv and fc");
            Architecture a = ResNet.architecture(depth);
            // stem conv, bn, relu, maxpool; 10 layers a block, 2 more for each stage's projection; pool, fc
            assertEquals(4 + 10 * blocks + 2 * 4 + 2, a.units(Granularity.LAYERS).size());
            assertEquals(1 + blocks + 1, a.units(Granularity.BLOCKS).size());
        }
    }

    @Test
    void layerAndBlockTotalsAgree() {
        for (int depth : DEPTHS) {
            Architecture a = ResNet.architecture(depth);
            List<Unit> layers = a.units(Granularity.LAYERS);
            List<Unit> blocks = a.units(Granularity.BLOCKS);
            assertEquals(a.flops(), sum(layers, Unit::flops), 1e-9 * a.flops());
            assertEquals(sum(layers, Unit::flops), sum(blocks, Unit::flops), 1e-3);
            assertEquals(4.0 * a.parameters(), sum(blocks, Unit::paramBytes), 1e-3);
            assertEquals(sum(layers, Unit::paramBytes), sum(blocks, Unit::paramBytes), 1e-3);
            assertEquals(max(layers, Unit::workingBytes), max(blocks, Unit::workingBytes), 1e-6);
            for (Unit block : blocks) {
                int last = a.unitEnding(block.name(), Granularity.LAYERS);
                assertEquals(block.cutBytes(), layers.get(last - 1).cutBytes(), block.name());
            }
        }
    }

    @Test
    void cutsAfterStagesAndInsideBottlenecks() {
        List<Unit> blocks = ResNet.profile(50, Granularity.BLOCKS).units();
        assertEquals(64 * 56 * 56 * 4, byName(blocks, "stem").cutBytes());
        assertEquals(256 * 56 * 56 * 4, byName(blocks, "stage1.block3").cutBytes());
        assertEquals(512 * 28 * 28 * 4, byName(blocks, "stage2.block4").cutBytes());
        assertEquals(1024 * 14 * 14 * 4, byName(blocks, "stage3.block6").cutBytes());
        assertEquals(2048 * 7 * 7 * 4, byName(blocks, "stage4.block3").cutBytes());
        List<Unit> layers = ResNet.profile(50, Granularity.LAYERS).units();
        // identity block: the skip tensor (the block input) waits beside the main path
        assertEquals((128 + 512) * 28 * 28 * 4, byName(layers, "stage2.block2.conv1").cutBytes());
        // first block of stage 2: the 56x56x256 input waits for the downsample, which runs last
        assertEquals((512 * 28 * 28 + 256 * 56 * 56) * 4, byName(layers, "stage2.block1.bn3").cutBytes());
        assertEquals(2 * 512 * 28 * 28 * 4, byName(layers, "stage2.block1.downsample.bn").cutBytes());
    }

    @Test
    void exitsAtTheEndsOfTheFirstThreeStages() {
        for (int depth : DEPTHS) {
            Architecture a = ResNet.architecture(depth);
            for (Granularity g : Granularity.values()) {
                List<Integer> expected = List.of(
                        a.unitEnding(ResNet.blockName(1, ResNet.blocksInStage(depth, 1)), g),
                        a.unitEnding(ResNet.blockName(2, ResNet.blocksInStage(depth, 2)), g),
                        a.unitEnding(ResNet.blockName(3, ResNet.blocksInStage(depth, 3)), g));
                assertEquals(expected, ResNet.exits(depth, g).stream().map(ExitHead::afterUnit).toList());
            }
        }
        assertEquals(List.of(4, 8, 14), ResNet.exits(50, Granularity.BLOCKS).stream().map(ExitHead::afterUnit).toList());
        ExitHead s3 = ResNet.exits(50, Granularity.BLOCKS).get(2);
        // global pooling over 14x14x1024, then fc 1024 -> 1000 with bias
        assertEquals(14 * 14 * 1024 + 2.0 * 1024 * 1000 + 1000, s3.flops(), 1e-6);
        assertEquals(4.0 * (1024 * 1000 + 1000), s3.paramBytes(), 1e-6);
    }

    @Test
    void unknownDepthIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResNet.architecture(34));
        assertTrue(e.getMessage().contains("50, 101 or 152"), e.getMessage());
    }
}
