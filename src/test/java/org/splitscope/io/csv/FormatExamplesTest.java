package org.splitscope.io.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Unit;

/** The documented examples in sample-scenarios/formats import and together make a valid profile. */
class FormatExamplesTest {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private static final List<ExitHead> EXITS = List.of(new ExitHead("e1", 1, 1e6, 4e4), new ExitHead("e2", 2, 1e6, 4e4));

    private static ModelProfile profile(List<Unit> units) {
        return new ModelProfile("small-cnn", null, 602112, null, units, null, null, null, null, null, null);
    }

    @Test
    void unitsCarryEveryColumn() {
        List<Unit> units = UnitsCsv.read(FORMATS.resolve("units.csv")).orElseThrow();
        assertEquals(4, units.size());
        assertEquals(new Unit("stem", "conv", 118013952, 1856, 3211264, Map.of("jetson-nano", 0.0041, "xeon-8c", 0.00031),
                3813376.0), units.get(0));
        assertEquals(Map.of("xeon-8c", 0.00002), units.get(3).latencySeconds(), "an empty cell is not measured");
        assertEquals(List.of(), profile(units).validate("profile"));
    }

    @Test
    void rangesBecomeOneTablePerDeviceClass() {
        List<RangeLatencyTable> tables = RangeLatencyCsv.read(FORMATS.resolve("ranges.csv")).orElseThrow();
        assertEquals(List.of("jetson-nano", "xeon-8c"), tables.stream().map(RangeLatencyTable::deviceClass).toList());
        assertTrue(tables.get(0).includesExitHead());
        assertEquals(3, tables.get(0).ranges().size());
        assertEquals(0.0018, tables.get(1).ranges().get(1).seconds());
        ModelProfile p = profile(UnitsCsv.read(FORMATS.resolve("units.csv")).orElseThrow());
        ModelProfile withRanges = new ModelProfile(p.name(), null, p.inputBytes(), null, p.units(), null, null, null,
                tables, null, null);
        assertEquals(List.of(), withRanges.validate("profile"));
    }

    @Test
    void samplesAndCurvesDescribeTheSameValidationRun() {
        ModelProfile units = profile(UnitsCsv.read(FORMATS.resolve("units.csv")).orElseThrow());
        ExitSamples samples = ExitSamplesCsv.read(FORMATS.resolve("exit-samples.csv")).orElseThrow();
        assertEquals(List.of("e1", "e2"), samples.exits());
        assertEquals(8, samples.stats().sampleCount());
        SampleStats exact = samples.forExits(List.of("e1", "e2")).orElseThrow();
        assertEquals(List.of(), units.withExits(EXITS, exact).validate("profile"));

        ExitCurves curves = ExitCurvesCsv.read(FORMATS.resolve("exit-curves.csv")).orElseThrow();
        CurveStats approx = curves.forExits(List.of("e1", "e2")).orElseThrow();
        assertEquals(List.of(), units.withExits(EXITS, approx).validate("profile"));
        assertEquals(0.875, approx.finalAccuracy());
        // every point of the curves file is what the samples file gives at that threshold
        for (int e = 0; e < 2; e++) {
            ExitCurve c = approx.curves().get(e);
            for (int k = 0; k < c.thresholds().length; k++) {
                int passed = 0;
                int right = 0;
                for (int s = 0; s < 8; s++) {
                    if (exact.confidence()[e][s] >= c.thresholds()[k]) {
                        passed++;
                        right += exact.correct()[e][s] ? 1 : 0;
                    }
                }
                assertEquals(passed / 8.0, c.exitRate()[k], 1e-3);
                assertEquals(right / (double) passed, c.exitedAccuracy()[k], 1e-3);
            }
        }
    }

    @Test
    void exitsMayBeListedInAnotherOrderThanTheProfiles() {
        ExitSamples samples = ExitSamplesCsv.read(FORMATS.resolve("exit-samples.csv")).orElseThrow();
        SampleStats swapped = samples.forExits(List.of("e2", "e1")).orElseThrow();
        assertArrayEquals(samples.stats().confidence()[1], swapped.confidence()[0]);
        ExitCurves curves = ExitCurvesCsv.read(FORMATS.resolve("exit-curves.csv")).orElseThrow();
        assertEquals(List.of("the file has no statistics for the profile's exit 'e3'",
                        "the file has statistics for exit 'e2', but the profile has no such exit (it has: e1, e3)"),
                curves.forExits(List.of("e1", "e3")).problems().stream().map(p -> p.message()).toList());
    }
}
