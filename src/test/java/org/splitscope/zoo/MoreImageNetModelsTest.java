package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.zoo.CifarResNetTest.byName;
import static org.splitscope.zoo.CifarResNetTest.max;
import static org.splitscope.zoo.CifarResNetTest.sum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Unit;

/**
 * EfficientNet-B0, DenseNet-121, Inception-v3 and VGGish against published figures, with the
 * tolerance of {@link ResNetTest} (2%: published figures have two or three significant digits).
 * Parameter counts are also checked exactly against torchvision's (and the VGGish definition's).
 */
class MoreImageNetModelsTest {
    private static final double TOLERANCE = 0.02;

    @Test
    void efficientNetB7ScaledFromB0MatchesPublishedFigures() {
        Architecture a = EfficientNetB0.b7();
        // torchvision's efficientnet_b7: 66,347,960 parameters, 37.75 G multiply-adds at 600x600
        assertClose(66.35e6, a.trainableParameters());
        assertClose(37.75e9, a.macs());
        // 55 MBConv blocks (1, 2, 2, 3, 3, 4, 1 repeats x 3.1, rounded up) between stem and head
        assertEquals(1 + 55 + 1 + 1, a.units(Granularity.BLOCKS).size());
    }

    @Test
    void efficientNetB0MatchesPublishedFigures() {
        Architecture a = EfficientNetB0.architecture();
        assertEquals(5_288_548, a.trainableParameters(), "torchvision's count");
        assertClose(5.3e6, a.trainableParameters());
        assertClose(0.39e9, a.macs());
        // stem 3; block 1 (no expansion) 11; 15 blocks of 14; 9 adds; last conv 3; pool, fc
        assertEquals(3 + 11 + 15 * 14 + 9 + 3 + 2, a.units(Granularity.LAYERS).size());
        assertEquals(1 + 16 + 1 + 1, a.units(Granularity.BLOCKS).size());
    }

    @Test
    void denseNet121MatchesPublishedFigures() {
        Architecture a = DenseNet121.architecture();
        assertEquals(7_978_856, a.trainableParameters(), "torchvision's count");
        assertClose(8.0e6, a.trainableParameters());
        assertClose(2.87e9, a.macs());
        int denseLayers = 0;
        for (int d = 1; d <= 4; d++) {
            denseLayers += DenseNet121.layersInBlock(d);
        }
        assertEquals(121, 2 * denseLayers + 3 + 2, "two convolutions a layer, three transitions, stem conv and fc");
        // stem 4; 6 a dense layer; 3 a transition plus its pooling; final bn, relu, pool, fc
        assertEquals(4 + 6 * denseLayers + 4 * 3 + 4, a.units(Granularity.LAYERS).size());
        assertEquals(1 + denseLayers + 3 + 1, a.units(Granularity.BLOCKS).size());
    }

    @Test
    void inceptionV3MatchesPublishedFiguresWithoutTheAuxiliaryClassifier() {
        Architecture a = InceptionV3.architecture();
        assertEquals(23_834_568, a.trainableParameters(), "torchvision's count without AuxLogits");
        assertClose(23.8e6, a.trainableParameters());
        assertClose(5.7e9, a.macs());
        assertEquals(299 * 299 * 3 * 4, a.inputBytes());
        // the auxiliary exit is exactly torchvision's AuxLogits: 27,161,264 - 23,834,568 trainable
        // parameters, stored with 4 per BatchNorm channel (128 + 768 channels)
        ExitHead aux = InceptionV3.exits(Granularity.BLOCKS).get(1);
        assertEquals(4.0 * (27_161_264 - 23_834_568 + 2 * (128 + 768)), aux.paramBytes(), 1e-6);
        // stem 10 + 7; A: 7 BasicConv2d (3 layers each) + avgpool; B: 4 + maxpool; C: 10 + avgpool;
        // D: 6 + maxpool; E: 9 + avgpool; pool, fc
        assertEquals(10 + 7 + 3 * 22 + 13 + 4 * 31 + 19 + 2 * 28 + 2, a.units(Granularity.LAYERS).size());
        assertEquals(2 + 11 + 1, a.units(Granularity.BLOCKS).size());
    }

    @Test
    void vggishMatchesItsDefinition() {
        Architecture a = Vggish.architecture();
        assertEquals(72_141_184, a.trainableParameters());
        assertClose(72.1e6, a.trainableParameters());
        // by hand: conv MACs = H x W x Cout x Cin x 9 per layer, then the three fc layers
        double convs = 96 * 64 * 64 * 1 * 9.0 + 48 * 32 * 128 * 64 * 9.0 + 24 * 16 * 256 * (128 + 256) * 9.0
                + 12 * 8 * 512 * (256 + 512) * 9.0;
        double fcs = 6 * 4 * 512 * 4096.0 + 4096 * 4096.0 + 4096 * 128.0;
        assertEquals(convs + fcs, a.macs(), 1e-6);
        assertEquals(96 * 64 * 4, a.inputBytes());
        assertEquals(21, a.units(Granularity.LAYERS).size());
        assertEquals(7, a.units(Granularity.BLOCKS).size());
        assertEquals(128 * 4, a.units(Granularity.BLOCKS).get(6).cutBytes(), "the embedding");
    }

    @Test
    void layerAndBlockTotalsAgree() {
        for (Architecture a : List.of(EfficientNetB0.architecture(), DenseNet121.architecture(),
                InceptionV3.architecture(), Vggish.architecture())) {
            List<Unit> layers = a.units(Granularity.LAYERS);
            List<Unit> blocks = a.units(Granularity.BLOCKS);
            assertEquals(a.flops(), sum(blocks, Unit::flops), 1e-9 * a.flops(), a.name());
            assertEquals(sum(layers, Unit::flops), sum(blocks, Unit::flops), 1e-9 * a.flops(), a.name());
            assertEquals(4.0 * a.parameters(), sum(blocks, Unit::paramBytes), 1e-3, a.name());
            assertEquals(sum(layers, Unit::paramBytes), sum(blocks, Unit::paramBytes), 1e-3, a.name());
            assertEquals(max(layers, Unit::workingBytes), max(blocks, Unit::workingBytes), 1e-6, a.name());
            for (Unit block : blocks) {
                int last = a.unitEnding(block.name(), Granularity.LAYERS);
                assertEquals(block.cutBytes(), layers.get(last - 1).cutBytes(), a.name() + " " + block.name());
            }
        }
    }

    @Test
    void denseBlockCutsCarryEveryFeatureMapSoFar() {
        List<Unit> blocks = DenseNet121.profile(Granularity.BLOCKS).units();
        // dense block 1 starts from 64 channels at 56x56 and adds 32 a layer
        assertEquals((64 + 3 * 32) * 56 * 56 * 4, byName(blocks, "dense1.layer3").cutBytes());
        assertEquals((64 + 6 * 32) * 56 * 56 * 4, byName(blocks, "dense1.layer6").cutBytes());
        // the transition halves 256 channels and pools to 28x28: one tensor again
        assertEquals(128 * 28 * 28 * 4, byName(blocks, "transition1").cutBytes());
        assertEquals((128 + 12 * 32) / 2 * 14 * 14 * 4, byName(blocks, "transition2").cutBytes());
        List<Unit> layers = DenseNet121.profile(Granularity.LAYERS).units();
        // inside layer 3: the 128 channels so far wait beside the bottleneck's 128-channel output
        assertEquals((128 + 128) * 56 * 56 * 4, byName(layers, "dense1.layer3.conv1").cutBytes());
        // bn1 reads the 128 channels concatenated and writes 128: both live while it runs
        assertEquals((128 + 128) * 56 * 56 * 4, byName(layers, "dense1.layer3.bn1").workingBytes(), 1e-6);
    }

    @Test
    void inceptionCutsCarryTheModuleInputAndItsBranches() {
        List<Unit> blocks = InceptionV3.profile(Granularity.BLOCKS).units();
        assertEquals(64 * 73 * 73 * 4, byName(blocks, "stem1").cutBytes());
        assertEquals(192 * 35 * 35 * 4, byName(blocks, "stem2").cutBytes());
        assertEquals((64 + 64 + 96 + 32) * 35 * 35 * 4, byName(blocks, "Mixed_5b").cutBytes());
        assertEquals(288 * 35 * 35 * 4, byName(blocks, "Mixed_5d").cutBytes());
        assertEquals((384 + 96 + 288) * 17 * 17 * 4, byName(blocks, "Mixed_6a").cutBytes());
        assertEquals(768 * 17 * 17 * 4, byName(blocks, "Mixed_6e").cutBytes());
        assertEquals((320 + 192 + 768) * 8 * 8 * 4, byName(blocks, "Mixed_7a").cutBytes());
        assertEquals(2048 * 8 * 8 * 4, byName(blocks, "Mixed_7c").cutBytes());
        List<Unit> layers = InceptionV3.profile(Granularity.LAYERS).units();
        // after Mixed_5b's second branch starts: the input (read by two more branches), branch 1, 48 channels
        assertEquals((192 + 64 + 48) * 35 * 35 * 4, byName(layers, "Mixed_5b.branch5x5_1.relu").cutBytes());
        // Inception-E: the 1x3 output waits while the 3x1 runs on the same 384-channel input
        assertEquals((1280 + 320 + 384 + 384) * 8 * 8 * 4, byName(layers, "Mixed_7b.branch3x3_2a.relu").cutBytes());
    }

    @Test
    void squeezeAndExcitationCutsCarryTheWaitingFeatureMap() {
        List<Unit> layers = EfficientNetB0.profile(Granularity.LAYERS).units();
        // block 2: 16 -> 96 expanded channels, stride 2 to 56x56; SE squeezes to 16 / 4 = 4
        assertEquals((96 * 56 * 56 + 4) * 4, byName(layers, "block2.se.reduce").cutBytes());
        assertEquals(96 * 56 * 56 * 4, byName(layers, "block2.se.scale").cutBytes());
        // block 3 (24 -> 24, stride 1) adds its input back
        assertEquals(2 * 24 * 56 * 56 * 4, byName(layers, "block3.project.bn").cutBytes());
        assertEquals(24 * 56 * 56 * 4, byName(layers, "block3.add").cutBytes());
        // SE of block 2 by hand: pool, 96 -> 4 with bias, swish, 4 -> 96 with bias, sigmoid, scale
        assertEquals(2.0 * 96 * 4 + 4, byName(layers, "block2.se.reduce").flops());
        assertEquals(96 * 56 * 56, byName(layers, "block2.se.scale").flops());
        assertEquals(2 * 96 * 56 * 56, byName(layers, "block2.dw.swish").flops());
    }

    @Test
    void exitsSitAfterTheirBlocks() {
        assertExits(EfficientNetB0.architecture(), List.of("block3", "block5", "block11"),
                EfficientNetB0.exits(Granularity.BLOCKS), EfficientNetB0.exits(Granularity.LAYERS));
        assertExits(DenseNet121.architecture(), List.of("transition1", "transition2", "transition3"),
                DenseNet121.exits(Granularity.BLOCKS), DenseNet121.exits(Granularity.LAYERS));
        assertExits(InceptionV3.architecture(), List.of("Mixed_5d", "Mixed_6e"),
                InceptionV3.exits(Granularity.BLOCKS), InceptionV3.exits(Granularity.LAYERS));
        assertExits(Vggish.architecture(), List.of("conv3", "conv4"),
                Vggish.exits(Granularity.BLOCKS), Vggish.exits(Granularity.LAYERS));
        assertExits(MobileNetV2.architecture(), List.of("block3", "block6", "block13"),
                MobileNetV2.exits(Granularity.BLOCKS), MobileNetV2.exits(Granularity.LAYERS));
        assertExits(Vgg16.architecture(), List.of("block2", "block3", "block4"),
                Vgg16.exits(Granularity.BLOCKS), Vgg16.exits(Granularity.LAYERS));
        // the head after Mixed_5d pools all four branches (288 channels at 35x35)
        ExitHead early = InceptionV3.exits(Granularity.BLOCKS).get(0);
        assertEquals(288 * 35 * 35 + 2.0 * 288 * 1000 + 1000, early.flops(), 1e-6);
        // the auxiliary head by hand: 5x5/3 pooling to 5x5, 1x1 to 128, 5x5 to 768 at 1x1, fc
        double auxMacs = 5 * 5 * 128 * 768 + 768 * 128 * 25 + 768 * 1000;
        double auxOther = 5 * 5 * 768 * 25 + 3 * 5 * 5 * 128 + 3 * 768 + 768 + 1000;
        assertEquals(2 * auxMacs + auxOther, InceptionV3.exits(Granularity.BLOCKS).get(1).flops(), 1e-6);
    }

    private static void assertExits(Architecture a, List<String> blocks, List<ExitHead> atBlocks,
                                    List<ExitHead> atLayers) {
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(a.unitEnding(blocks.get(i), Granularity.BLOCKS), atBlocks.get(i).afterUnit(), a.name());
            assertEquals(a.unitEnding(blocks.get(i), Granularity.LAYERS), atLayers.get(i).afterUnit(), a.name());
            assertEquals(atBlocks.get(i).flops(), atLayers.get(i).flops(), a.name());
            assertTrue(atBlocks.get(i).flops() < 0.01 * a.flops(), "a head is cheap beside the model");
        }
        assertEquals(blocks.size(), atBlocks.size());
    }

    private static void assertClose(double published, double computed) {
        assertEquals(published, computed, TOLERANCE * published);
    }
}
