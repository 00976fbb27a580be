package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.model.Codec;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.NodePlace;
import org.splitscope.model.Plan;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.Scenario;
import org.splitscope.model.SerializationCost;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.model.ViewSettings;
import org.splitscope.model.Workload;

/** Writing then reading gives the same scenario, compared as JSON trees (records with arrays are not equals()-comparable). */
class ScenarioRoundTripTest {
    @TempDir
    Path dir;

    /** A scenario that sets every optional field, so that each one makes the trip. */
    static Scenario full() {
        List<Unit> units = List.of(
                new Unit("conv1", "conv", 2e9, 4e4, 8e5, Map.of("gpu", 0.002, "cpu", 0.03), 1.6e6),
                new Unit("conv2", "conv", 1e9, 8e4, 2e5),
                new Unit("fc", "matmul", 1e7, 4e6, 4e3));
        List<ExitHead> exits = List.of(new ExitHead("e1", 1, 1e6, 1e4, Map.of("gpu", 1e-4), 2e3),
                new ExitHead("e2", 2, 1e6, 1e4));
        CurveStats curves = new CurveStats(List.of(
                new ExitCurve(new double[] {0.1, 0.3}, new double[] {0.2, 0.5}, new double[] {0.9, 0.8}, 0.6),
                new ExitCurve(new double[] {0.1, 0.3}, new double[] {0.4, 0.7}, new double[] {0.95, 0.85}, 0.75)),
                0.92, CurveCombination.NESTED);
        ModelProfile profile = new ModelProfile("net", "three units", 6e5, 2e3, units, exits, curves,
                ExitCriterion.ENTROPY,
                List.of(new RangeLatencyTable("gpu", true, List.of(new RangeLatency(1, 2, 0.004)))),
                Map.of("cpu", new SerializationCost(1e-4, 2e-9, Map.of(0, 0.001, 2, 0.0005))),
                Map.of("gpu", new SerializationCost(5e-5, 1e-9, null)));
        Topology topology = new Topology(List.of(
                new Node("phone", "Pixel", 0, "cpu", 5e10, 4e9, 1, null, 3.5),
                new Node("edge", null, 1, "gpu", 2e12, null, 4, new DedicatedPricing(0.9), null),
                new Node("fn", null, 2, "cpu", 8e10, null, null,
                        new ServerlessPricing(1.66667e-5, 2e-7, 2.048, 0.001, 0.25, 0.05), null)),
                List.of(new Link("wifi", "phone", "edge", 5e7, 0.004, 0.0, false),
                        new Link(null, "edge", "fn", 1e9, 0.01, 0.09, true)),
                "phone", "edge", 1400.0);
        Plan plan = new Plan(List.of(new Stage(1, 1, "phone"),
                new Stage(2, 2, "edge", new Codec("int8", 4, 0.001, 0.0005))),
                List.of(new EnabledExit("e1", 0.3)), "e2");
        return new Scenario(Scenario.FORMAT_VERSION, "full", "every field", null, profile, topology, plan,
                new Workload(20.0, 0.1, 0.8, 1e-5)).withView(new ViewSettings(List.of(
                new NodePlace("phone", 92, 68, 3), new NodePlace("edge", 252.5, 98.25, 0))));
    }

    private static JsonNode tree(Scenario s) {
        return TestScenarios.read(ScenarioFiles.toJson(s));
    }

    @Test
    void fullScenarioSurvivesWriteAndRead() throws IOException {
        Scenario original = full();
        assertTrue(original.validate().isEmpty(), original.validate()::toString);
        Path file = dir.resolve("full.json");
        ScenarioFiles.write(original, file);
        Loaded<Scenario> back = ScenarioFiles.read(file);
        assertTrue(back.isOk(), back.problems()::toString);
        assertEquals(tree(original), tree(back.value()));
        assertEquals(ScenarioFiles.toJson(original), Files.readString(file));
    }

    @Test
    void writtenFileHoldsOnlyRecordComponents() {
        JsonNode node = tree(full()).get("topology").get("nodes").get(2);
        assertFalse(node.has("serverless"), "a derived getter leaked into the file: " + node);
        assertEquals("serverless", node.get("pricing").get("type").asText());
        assertEquals("entropy", tree(full()).get("profile").get("criterion").asText());
        assertTrue(tree(full()).get("profile").get("serialize").get("cpu").get("perCutSeconds").has("2"));
    }

    @Test
    void optionalFieldsThatHoldTheirDefaultAreLeftOut() {
        Scenario once = ScenarioFiles.read(TestScenarios.MINIMAL, null).orElseThrow();
        JsonNode written = tree(once);
        Scenario twice = ScenarioFiles.read(ScenarioFiles.toJson(once), null).orElseThrow();
        assertEquals(written, tree(twice));
        assertEquals("phone", twice.topology().sink());
        assertFalse(written.get("topology").has("sink"), written::toString);
        assertFalse(written.get("topology").get("links").get(0).has("id"), written::toString);
        assertFalse(written.get("profile").get("units").get(0).has("workingBytes"), written::toString);
        assertFalse(written.has("workload"), written::toString);
        assertFalse(written.has("view"), "a scenario never drawn has no view settings: " + written);
        assertEquals(TestScenarios.read(TestScenarios.MINIMAL).get("plan"), written.get("plan"));
    }

    @Test
    void invalidValuesAreWrittenSoThatReadingNamesThem() {
        Scenario bad = full().withWorkload(new Workload(Double.NaN, null, null, null));
        Loaded<Scenario> r = ScenarioFiles.read(ScenarioFiles.toJson(bad), null);
        TestScenarios.assertProblem(r, "workload.arrivalRatePerSecond", "NaN");
    }

    @Test
    void nodePlacesAndColoursMakeTheTripAndABadColourIsNamed() {
        Scenario back = ScenarioFiles.read(ScenarioFiles.toJson(full()), null).orElseThrow();
        assertEquals(full().view(), back.view());
        Scenario bad = full().withView(new ViewSettings(List.of(new NodePlace("phone", 92, 68, 8))));
        TestScenarios.assertProblem(ScenarioFiles.read(ScenarioFiles.toJson(bad), null), "view.nodes[0].colour", "from 0 to 7");
    }

    @Test
    void writeReplacesTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "old content");
        ScenarioFiles.write(full(), file);
        assertTrue(ScenarioFiles.read(file).isOk());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writeKeepsTheFilesPermissionsAndGivesNewFilesTheUmasks() throws IOException {
        Path existing = dir.resolve("shared.json");
        Files.writeString(existing, "old");
        Files.setPosixFilePermissions(existing, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        ScenarioFiles.write(full(), existing);
        assertEquals("rw-rw-r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(existing)));
        Path fresh = dir.resolve("new.json");
        ScenarioFiles.write(full(), fresh);
        Path plain = Files.createFile(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh),
                "what the umask gives any new file, not the temporary file's private mode");
    }

    @Test
    void writeIntoMissingFolderFailsWithoutCreatingAnything() {
        Path file = dir.resolve("no/such/folder/s.json");
        assertThrows(IOException.class, () -> ScenarioFiles.write(full(), file));
        assertFalse(Files.exists(dir.resolve("no")));
    }
}
