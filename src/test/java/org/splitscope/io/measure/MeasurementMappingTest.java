package org.splitscope.io.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.io.Loaded;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Unit;

/** Mapping measured layers onto units by node names: splits, unmatched layers, coverage. */
class MeasurementMappingTest {
    private static final double EPS = 1e-15;

    /** Four units: a block of two nodes, one node, a block of two nodes, a unit without node names. */
    static ModelProfile profile() {
        return new ModelProfile("m", null, 1000, null, List.of(
                new Unit("a .. b", "Conv", 300, 0, 10, Map.of("gpu", 9.0, "cpu", 1.0), null, List.of("a", "b")),
                new Unit("c", "Pool", 100, 0, 10, null, null, List.of("c")),
                new Unit("d .. e", "Conv", 400, 0, 10, Map.of("gpu", 7.0), null, List.of("d", "e")),
                new Unit("fc", "Gemm", 0, 0, 10)), null, null, null, null, null, null);
    }

    private static MeasuredLayer layer(String name, double seconds, String... nodes) {
        return new MeasuredLayer(name, "entry " + name, seconds, List.of(nodes));
    }

    private static MeasurementMapping.Mapped map(UnmatchedLayers policy, MeasuredLayer... layers) {
        Loaded<MeasurementMapping.Mapped> m = MeasurementMapping.map(profile(), new Measurements(List.of(layers), "test"),
                "gpu", policy);
        assertTrue(m.isOk(), m.problems().toString());
        return m.value();
    }

    private static Double latency(MeasurementMapping.Mapped m, int unit) {
        return m.profile().unit(unit).latencySeconds().get("gpu");
    }

    @Test
    void layersGoToTheUnitsHoldingTheirNodes() {
        MeasurementMapping.Mapped m = map(UnmatchedLayers.LEAVE, layer("a", 1), layer("b", 2), layer("c", 4),
                layer("x", 5, "d", "e"), layer("fc", 8));
        assertEquals(3, latency(m, 1), EPS);
        assertEquals(4, latency(m, 2), EPS);
        assertEquals(5, latency(m, 3), EPS);
        assertEquals(8, latency(m, 4), EPS); // no node names: the unit's name stands for its node
        assertEquals(1.0, m.coverage().matchedShare(), EPS);
        assertEquals(1.0, m.profile().unit(1).latencySeconds().get("cpu")); // other classes kept
    }

    @Test
    void aFusedNameIsSplitIntoItsNodes() {
        MeasurementMapping.Mapped m = map(UnmatchedLayers.LEAVE, layer("a + b", 2), layer("d || e", 3));
        assertEquals(2, latency(m, 1), EPS);
        assertEquals(3, latency(m, 3), EPS);
        MeasurementMapping.Mapped partly = map(UnmatchedLayers.LEAVE, layer("copy to a + b", 2), layer("c", 1));
        assertEquals(List.of("copy to a + b"), partly.coverage().unmatched().stream().map(MeasuredLayer::name).toList());
    }

    @Test
    void aLayerAcrossUnitsIsSplitByTheFlopsOfItsNodes() {
        // b is half of unit 1 (150 FLOPs), c all of unit 2 (100 FLOPs)
        MeasurementMapping.Mapped m = map(UnmatchedLayers.LEAVE, layer("fused", 5, "b", "c"));
        assertEquals(3, latency(m, 1), EPS);
        assertEquals(2, latency(m, 2), EPS);
        assertTrue(m.coverage().lines().stream().anyMatch(l -> l.contains("split by FLOPs") && l.contains("units 1, 2")),
                m.coverage().lines().toString());
    }

    @Test
    void unmatchedLayersAreLeftOutOrSpreadOverTheirNeighbours() {
        MeasuredLayer[] layers = {layer("reformat-in", 1), layer("a", 2), layer("copy", 4), layer("c", 8), layer("tail", 16)};
        MeasurementMapping.Mapped left = map(UnmatchedLayers.LEAVE, layers);
        assertEquals(2, latency(left, 1), EPS);
        assertEquals(8, latency(left, 2), EPS);
        assertEquals(10.0 / 31, left.coverage().matchedShare(), 1e-12);
        assertEquals(List.of("reformat-in", "copy", "tail"), left.coverage().unmatched().stream().map(MeasuredLayer::name).toList());

        MeasurementMapping.Mapped spread = map(UnmatchedLayers.SPREAD, layers);
        assertEquals(1 + 2 + 2, latency(spread, 1), EPS); // all of the first (nothing before it), half of copy
        assertEquals(8 + 2 + 16, latency(spread, 2), EPS); // half of copy, all of the last
        assertEquals(21, spread.coverage().spreadSeconds(), EPS);
        assertEquals(10.0 / 31, spread.coverage().matchedShare(), 1e-12); // spreading is not matching
    }

    @Test
    void unitsNoLayerReachedLoseTheirOldTimeForTheClassAndAreListed() {
        MeasurementMapping.Mapped m = map(UnmatchedLayers.LEAVE, layer("c", 1));
        assertFalse(m.profile().unit(1).latencySeconds().containsKey("gpu"));
        assertFalse(m.profile().unit(3).latencySeconds().containsKey("gpu"));
        assertEquals(List.of(1, 3, 4), m.coverage().unitsWithoutTime());
        assertEquals(1.0, m.profile().unit(1).latencySeconds().get("cpu"));
        assertTrue(m.profile().validate("profile").isEmpty());
    }

    @Test
    void aBlankNodeNameIsAProblemOfTheProfile() {
        ModelProfile p = profile().withUnits(List.of(new Unit("x", null, 1, 0, 1, null, null, List.of(" "))));
        assertEquals("profile.units[0].nodes[0]", p.validate("profile").get(0).path());
    }

    @Test
    void timesAProfileCannotHoldAreRefused() {
        Loaded<MeasurementMapping.Mapped> m = MeasurementMapping.map(profile(),
                new Measurements(List.of(layer("c", 1e300)), "t"), "gpu", UnmatchedLayers.LEAVE);
        assertFalse(m.isOk());
        assertEquals("profile.units[1].latencySeconds.gpu", m.problems().get(0).path());
    }

    @Test
    void aFileThatNamesNoNodeIsRefused() {
        Loaded<MeasurementMapping.Mapped> m = MeasurementMapping.map(profile(),
                new Measurements(List.of(layer("conv_0", 1)), "t"), "gpu", UnmatchedLayers.SPREAD);
        assertFalse(m.isOk());
        assertTrue(m.problems().get(0).message().contains("'conv_0'"), m.problems().toString());
        assertFalse(MeasurementMapping.map(profile(), new Measurements(List.of(layer("a", 1)), "t"), " ",
                UnmatchedLayers.LEAVE).isOk());
    }
}
