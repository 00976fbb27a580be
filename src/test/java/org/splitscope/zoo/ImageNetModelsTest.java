package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.splitscope.zoo.CifarResNetTest.byName;
import static org.splitscope.zoo.CifarResNetTest.sum;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Unit;

class ImageNetModelsTest {
    @Test
    void mobileNetV2MatchesPublishedFigures() {
        Architecture a = MobileNetV2.architecture();
        assertEquals(3_504_872, a.trainableParameters(), "torchvision's count");
        assertEquals(3.5e6, a.trainableParameters(), 0.02 * 3.5e6);
        assertEquals(300e6, a.macs(), 0.02 * 300e6);
        assertEquals(224 * 224 * 3 * 4, a.inputBytes());
        // stem, 17 inverted residual blocks, last 1x1 conv, classifier
        assertEquals(20, a.units(Granularity.BLOCKS).size());
    }

    @Test
    void vgg16MatchesPublishedFigures() {
        Architecture a = Vgg16.architecture();
        assertEquals(138_357_544, a.trainableParameters());
        assertEquals(a.trainableParameters(), a.parameters(), "no BatchNorm");
        assertEquals(15.5e9, a.macs(), 0.02 * 15.5e9);
        // 13 conv + 13 relu + 5 pool + fc6, relu, fc7, relu, fc8
        assertEquals(36, a.units(Granularity.LAYERS).size());
        assertEquals(8, a.units(Granularity.BLOCKS).size());
    }

    @Test
    void layerAndBlockTotalsAgree() {
        for (Architecture a : List.of(MobileNetV2.architecture(), Vgg16.architecture())) {
            List<Unit> layers = a.units(Granularity.LAYERS);
            List<Unit> blocks = a.units(Granularity.BLOCKS);
            assertEquals(sum(layers, Unit::flops), sum(blocks, Unit::flops), 1e-3, a.name());
            assertEquals(sum(layers, Unit::paramBytes), sum(blocks, Unit::paramBytes), 1e-3, a.name());
            assertEquals(layers.get(layers.size() - 1).cutBytes(), blocks.get(blocks.size() - 1).cutBytes());
        }
    }

    @Test
    void aChainCutsExactlyTheOutputOfEachUnit() {
        List<Unit> units = Vgg16.profile(Granularity.LAYERS).units();
        double previous = Vgg16.architecture().inputBytes();
        for (Unit u : units) {
            // in a chain only the unit's output is alive after it, and input + output while it runs
            assertEquals(previous + u.cutBytes(), u.workingBytes(), 1e-6, u.name());
            previous = u.cutBytes();
        }
        assertEquals(64 * 224 * 224 * 4, byName(units, "block1.conv1").cutBytes());
        assertEquals(512 * 7 * 7 * 4, byName(units, "block5.pool").cutBytes());
        assertEquals(4096 * 4, byName(units, "fc6.relu").cutBytes());
        assertEquals(1000 * 4, units.get(units.size() - 1).cutBytes());
    }

    @Test
    void invertedResidualCutsCarryTheBlockInput() {
        List<Unit> units = MobileNetV2.profile(Granularity.LAYERS).units();
        double blockInput = 24 * 56 * 56 * 4;
        // block 3 (24 channels at 56x56, stride 1) adds its input back
        assertEquals(144 * 56 * 56 * 4 + blockInput, byName(units, "block3.expand").cutBytes());
        assertEquals(24 * 56 * 56 * 4 + blockInput, byName(units, "block3.project.bn").cutBytes());
        assertEquals(blockInput, byName(units, "block3.add").cutBytes());
        // block 2 (16 -> 24 channels, stride 2) has no add: a plain chain
        assertEquals(96 * 56 * 56 * 4, byName(units, "block2.dw").cutBytes());
    }
}
