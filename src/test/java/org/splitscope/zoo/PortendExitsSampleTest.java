package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.bench.PortendExitsSample;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.ui.model.BundledSamples;

/** The full-scale PORTEND sample: the committed file is the generator's, loads as File > Open reads it, and is PORTEND's shape. */
class PortendExitsSampleTest {
    private static final Path FILE = RegenerateSampleScenarios.FOLDER.resolve(PortendExitsSample.FILE);

    @Test
    void theCommittedFileIsWhatTheGeneratorProduces() throws IOException {
        String committed = Files.readString(FILE).replace("\r\n", "\n");
        assertEquals(ScenarioFiles.toJson(PortendExitsSample.scenario()), committed,
                FILE + " is stale: run RegenerateSampleScenarios (see its Javadoc)");
        assertTrue(Files.size(FILE) < 1_000_000, FILE + " is over 1 MB");
    }

    @Test
    void itLoadsFromTheFolderAndFromTheJarAndHasPortendsShape() {
        Loaded<Scenario> file = ScenarioFiles.read(FILE);
        assertEquals(List.of(), file.problems());
        Loaded<Scenario> bundled = BundledSamples.scenario("portend-resnet110-exits");
        assertEquals(List.of(), bundled.problems());
        Scenario s = file.value();
        assertEquals(55, s.profile().unitCount());
        assertEquals(54, s.profile().exits().size());
        CurveStats curves = assertInstanceOf(CurveStats.class, s.profile().exitStats());
        assertEquals(CurveCombination.NESTED, curves.combination());
        assertEquals(3, s.profile().rangeLatencies().size());
        s.profile().rangeLatencies().forEach(t -> assertEquals(55 * 56 / 2, t.ranges().size(), t.deviceClass()));
        assertEquals(List.of("device", "station", "cloud"), s.topology().nodes().stream().map(n -> n.id()).toList());
        assertEquals(0.85, s.workload().accuracyFloor());
        assertTrue(Evaluator.evaluate(s).accuracy() >= 0.85, "the starting plan meets the floor");
    }
}
