package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Unit;

class CifarResNetTest {
    private static final int[] DEPTHS = {20, 32, 44, 56, 110};
    /** Trainable parameters of the option-A networks as PyTorch counts them. */
    private static final long[] TRAINABLE = {269_722, 464_154, 658_586, 853_018, 1_727_962};
    /** He et al. 2016, Table 6. */
    private static final double[] PUBLISHED_PARAMS = {0.27e6, 0.46e6, 0.66e6, 0.85e6, 1.7e6};

    @Test
    void parameterCountsMatchThePaper() {
        for (int i = 0; i < DEPTHS.length; i++) {
            Architecture a = CifarResNet.architecture(DEPTHS[i]);
            assertEquals(TRAINABLE[i], a.trainableParameters(), "ResNet-" + DEPTHS[i]);
            assertEquals(PUBLISHED_PARAMS[i], a.trainableParameters(), 0.02 * PUBLISHED_PARAMS[i]);
            // running mean and variance: two more per BatchNorm channel, under 1% more
            assertTrue(a.parameters() > a.trainableParameters() && a.parameters() < 1.01 * a.trainableParameters());
        }
    }

    @Test
    void multiplyAccumulatesMatchPublishedFigures() {
        assertEquals(40.8e6, CifarResNet.architecture(20).macs(), 0.02 * 40.8e6);
        assertEquals(253e6, CifarResNet.architecture(110).macs(), 0.02 * 253e6);
        // 2 x MACs plus bn, relu, add, pooling and bias: a few percent more
        Architecture r110 = CifarResNet.architecture(110);
        assertTrue(r110.flops() > 2.0 * r110.macs() && r110.flops() < 2.05 * r110.macs());
    }

    @Test
    void unitCountsAtBothGranularities() {
        Architecture a = CifarResNet.architecture(110);
        // stem 3, 54 blocks of 7, 2 option-A shortcuts, pool and fc
        assertEquals(3 + 54 * 7 + 2 + 2, a.units(Granularity.LAYERS).size());
        assertEquals(1 + 54 + 1, a.units(Granularity.BLOCKS).size());
    }

    @Test
    void layerAndBlockTotalsAgree() {
        for (int depth : DEPTHS) {
            Architecture a = CifarResNet.architecture(depth);
            List<Unit> layers = a.units(Granularity.LAYERS);
            List<Unit> blocks = a.units(Granularity.BLOCKS);
            assertEquals(sum(layers, Unit::flops), sum(blocks, Unit::flops), 1e-6);
            assertEquals(a.flops(), sum(blocks, Unit::flops), 1e-6);
            assertEquals(sum(layers, Unit::paramBytes), sum(blocks, Unit::paramBytes), 1e-6);
            assertEquals(4.0 * a.parameters(), sum(blocks, Unit::paramBytes), 1e-6);
            assertEquals(max(layers, Unit::workingBytes), max(blocks, Unit::workingBytes), 1e-6);
        }
    }

    @Test
    void blockCutsAreTheBlockOutputs() {
        List<Unit> blocks = CifarResNet.profile(110, Granularity.BLOCKS).units();
        Architecture a = CifarResNet.architecture(110);
        List<Unit> layers = a.units(Granularity.LAYERS);
        for (int b = 1; b <= 18; b++) {
            assertEquals(16 * 32 * 32 * 4, blocks.get(b).cutBytes(), "stage 1");
            assertEquals(32 * 16 * 16 * 4, blocks.get(18 + b).cutBytes(), "stage 2");
            assertEquals(64 * 8 * 8 * 4, blocks.get(36 + b).cutBytes(), "stage 3");
        }
        assertEquals(10 * 4, blocks.get(55).cutBytes());
        for (int u = 1; u <= blocks.size(); u++) {
            String name = blocks.get(u - 1).name();
            int last = a.unitEnding(name, Granularity.LAYERS);
            assertEquals(blocks.get(u - 1).cutBytes(), layers.get(last - 1).cutBytes(), name);
        }
    }

    @Test
    void cutsInsideAResidualBlockAlsoCarryTheSkipTensor() {
        List<Unit> layers = CifarResNet.profile(20, Granularity.LAYERS).units();
        Unit conv1 = byName(layers, "stage1.block2.conv1");
        assertEquals(2 * 16 * 32 * 32 * 4, conv1.cutBytes(), "conv1 output + block input");
        for (String inside : List.of("conv1", "bn1", "relu1", "conv2", "bn2")) {
            assertTrue(byName(layers, "stage3.block2." + inside).cutBytes() > 64 * 8 * 8 * 4, inside);
        }
        // option A: after the shortcut runs, only the subsampled 32x16x16 tensor waits
        assertEquals(2 * 32 * 16 * 16 * 4, byName(layers, "stage2.block1.conv1").cutBytes());
        assertEquals(16 * 32 * 32 * 4 + 32 * 16 * 16 * 4, byName(layers, "stage2.block1.shortcut").cutBytes());
        assertEquals(32 * 16 * 16 * 4, byName(layers, "stage2.block1.relu2").cutBytes());
    }

    @Test
    void workingBytesAreWhatIsAliveWhileALayerRuns() {
        List<Unit> layers = CifarResNet.profile(20, Granularity.LAYERS).units();
        assertEquals((3 + 16) * 32 * 32 * 4, layers.get(0).workingBytes(), "input + output of the stem conv");
        assertEquals(3 * 16 * 32 * 32 * 4, byName(layers, "stage1.block1.bn1").workingBytes(),
                "conv1 output, bn1 output and the waiting skip tensor");
    }

    @Test
    void exitsSitWhereBranchyNetPutsThem() {
        Architecture a = CifarResNet.architecture(110);
        for (Granularity g : Granularity.values()) {
            List<ExitHead> exits = CifarResNet.exits(110, g);
            assertEquals(List.of(a.unitEnding("stage1.block1", g), a.unitEnding("stage1.block18", g),
                    a.unitEnding("stage2.block18", g)), exits.stream().map(ExitHead::afterUnit).toList());
        }
        assertEquals(List.of(2, 19, 37), CifarResNet.exits(110, Granularity.BLOCKS).stream()
                .map(ExitHead::afterUnit).toList());
        ExitHead first = CifarResNet.exits(110, Granularity.BLOCKS).get(0);
        // 3x3 conv 16->16 at 32x32, bn, relu, global pool, fc 16->10
        double macs = 32 * 32 * 16 * 16 * 9 + 16 * 10;
        double other = 2 * 16384 + 16384 + 16384 + 10;
        assertEquals(2 * macs + other, first.flops(), 1e-6);
        assertEquals(4.0 * (16 * 16 * 9 + 4 * 16 + 16 * 10 + 10), first.paramBytes(), 1e-6);
    }

    @Test
    void publishedAccuracy() {
        assertEquals(0.9357, CifarResNet.publishedAccuracy(110), 1e-9);
        assertEquals(0.9125, CifarResNet.publishedAccuracy(20), 1e-9);
    }

    static double sum(List<Unit> units, java.util.function.ToDoubleFunction<Unit> f) {
        return units.stream().mapToDouble(f).sum();
    }

    static double max(List<Unit> units, java.util.function.ToDoubleFunction<Unit> f) {
        return units.stream().mapToDouble(f).max().orElse(0);
    }

    static Unit byName(List<Unit> units, String name) {
        return units.stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }
}
