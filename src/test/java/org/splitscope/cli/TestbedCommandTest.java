package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.OnnxImporter;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Workload;
import org.splitscope.zoo.Granularity;

/** {@code testbed} on the command line: a real two-stage run against its prediction, and a mismatched profile named. */
class TestbedCommandTest {
    @TempDir
    Path dir;

    private static ModelProfile profile(Path model) {
        return OnnxImporter.importModel(model, ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 4, 8, 8))
                .orElseThrow().profile();
    }

    /** The model cut after unit 3, device to edge over one 100 Mb/s, 5 ms link. */
    private Path twoNodeScenario(ModelProfile profile) throws Exception {
        Topology two = new Topology(List.of(new Node("d", 0, "cpu", 1e9), new Node("e", 1, "cpu", 1e9)),
                List.of(new Link("d", "e", 100e6, 0.005)), "d", null, null);
        Plan plan = new Plan(List.of(new Stage(1, 3, "d"), new Stage(4, profile.unitCount(), "e")));
        Path scenario = dir.resolve("s.json");
        ScenarioFiles.write(new Scenario("testbed", profile, two, plan, Workload.NONE), scenario);
        return scenario;
    }

    /** {@code testbed} on the two-node scenario of the residual model, in-process shaper, with these options. */
    private CommandLineTest.Run onTwoNodes(String... options) throws Exception {
        Path model = TestModelFiles.residual(dir);
        List<String> args = new java.util.ArrayList<>(List.of("testbed", twoNodeScenario(profile(model)).toString(),
                "--model", model.toString(), "--units", "layers", "--input-shape", "x=1,4,8,8", "--shaper", "in-process"));
        args.addAll(List.of(options));
        return CommandLineTest.run(args.toArray(String[]::new));
    }

    @Test
    void runsThePlanAndPrintsMeasuredAgainstPredicted() throws Exception {
        CommandLineTest.Run r = onTwoNodes("--requests", "3", "--warm-up", "1", "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode json = Json.mapper().readTree(r.out());
        JsonNode result = json.isArray() ? json.get(0) : json;
        assertTrue(result.toString().contains("outputsMatch\":true"), result.toString());
        double latencyError = result.get("plans").get(0).get("meanLatencyErrorPercent").asDouble();
        assertEquals(Math.abs(latencyError) <= 10 ? 1 : 0, result.get("meanLatencyWithinGoal").asInt(), result.toString());
        assertEquals(org.splitscope.testbed.Testbed.SHAPER, json.get("shaper").asText());
    }

    @Test
    void allSingleCutsEndWithTheFitAndTheShareWithinTheGoal() throws Exception {
        int units = profile(TestModelFiles.residual(dir)).unitCount();
        CommandLineTest.Run r = onTwoNodes("--requests", "2", "--warm-up", "0", "--all-single-cuts",
                "--cut-step", String.valueOf(units));
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("[1] "), r.out());
        assertTrue(r.out().matches("(?s).*within 10%: mean latency on \\d of 1 plans \\(largest error \\d+\\.\\d%\\), throughput on \\d of 1 plans.*"),
                r.out());
        assertTrue(r.out().contains("shaper: " + org.splitscope.testbed.Testbed.SHAPER), r.out());
    }

    @Test
    void anUnknownShaperIsABadCommandLineNamingTheChoices() throws Exception {
        Path model = TestModelFiles.residual(dir);
        CommandLineTest.Run r = CommandLineTest.run("testbed", Path.of("sample-scenarios", "teaching.json").toString(),
                "--model", model.toString(), "--shaper", "netem");
        assertEquals(ExitCodes.USAGE, r.code(), r.out());
        assertTrue(r.err().contains("--shaper: 'netem' is not one of auto, kernel, in-process"), r.err());
    }

    @Test
    void aProfileFromAnotherModelIsNamed() throws Exception {
        Path model = TestModelFiles.residual(dir);
        CommandLineTest.Run r = CommandLineTest.run("testbed", Path.of("sample-scenarios", "teaching.json").toString(),
                "--model", model.toString(), "--input-shape", "x=1,4,8,8", "--requests", "2");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.out());
        assertTrue(r.err().contains("profile.units"), r.err());
    }
}
