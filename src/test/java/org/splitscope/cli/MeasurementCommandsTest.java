package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Link;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;

/** import-measurements, import-network and calibrate on the samples in sample-scenarios/formats. */
class MeasurementCommandsTest {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private static final String SCENARIO = FORMATS.resolve("small-cnn.json").toString();
    private static final String JETSON = "jetson-orin-nano";

    @TempDir
    Path dir;

    private static ExportOnnxCommandTest.Run run(String... args) {
        return ExportOnnxCommandTest.run(args);
    }

    private static String sample(String name) {
        return FORMATS.resolve(name).toString();
    }

    @Test
    void importedTensorRtTimesAreWhatTheScenarioEvaluatesWith() {
        Path out = dir.resolve("measured.json");
        ExportOnnxCommandTest.Run r = run("import-measurements", SCENARIO, sample("trtexec-profile.json"), "--format", "trtexec",
                "--layer-info", sample("trtexec-layer-info.json"), "--device-class", JETSON, "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("6 of 7 layers matched") || r.out().contains("5 of 6 layers matched"), r.out());
        assertTrue(r.out().contains("unmatched, left out"), r.out());
        Scenario before = ScenarioFiles.read(Path.of(SCENARIO)).orElseThrow();
        Scenario after = ScenarioFiles.read(out).orElseThrow();
        // stage 1 (units 1-2) runs on the Jetson: its FLOP estimate gives way to the measured 0.41 + 0.06 ms
        double estimated = (2.4e8 + 2.4e6) / 2e11;
        double measured = (0.41 + 0.06) / 1e3;
        assertEquals(measured - estimated, Evaluator.evaluate(after).meanLatency() - Evaluator.evaluate(before).meanLatency(), 1e-12);
        assertEquals((0.018 + 0.075) / 1e3, after.profile().unit(4).latencySeconds().get(JETSON), 1e-15);
        assertEquals(before.profile().unit(3).nodes(), after.profile().unit(3).nodes());
    }

    @Test
    void aReferencedProfileIsWrittenIntoTheScenario() throws IOException {
        Scenario s = ScenarioFiles.read(Path.of(SCENARIO)).orElseThrow();
        org.splitscope.io.ProfileFiles.write(s.profile(), dir.resolve("p.json"));
        Path referencing = dir.resolve("s.json");
        ScenarioFiles.write(new Scenario(s.formatVersion(), s.name(), s.description(), "p.json", s.profile(), s.topology(), s.plan(),
                s.workload(), s.snapshots()), referencing);
        Path out = dir.resolve("out.json");
        ExportOnnxCommandTest.Run r = run("import-measurements", referencing.toString(), sample("tflite-op-profile.csv"),
                "--format", "tflite", "--device-class", JETSON, "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("the profile from p.json is now written into"), r.out());
        Scenario after = ScenarioFiles.read(out).orElseThrow();
        assertEquals(null, after.profileFile());
        assertEquals(1.874e-3, after.profile().unit(1).latencySeconds().get(JETSON), 1e-15);
        assertEquals(s.profile(), org.splitscope.io.ProfileFiles.read(dir.resolve("p.json")).orElseThrow()); // untouched
    }

    @Test
    void aBrokenFileWritesNothing() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "[{\"count\": 10}, {\"name\": \"/pool1/MaxPool\", \"averageMs\": \"fast\"}]");
        Path out = dir.resolve("out.json");
        ExportOnnxCommandTest.Run r = run("import-measurements", SCENARIO, broken.toString(), "--format", "trtexec",
                "--device-class", JETSON, "-o", out.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("entry 2: layer '/pool1/MaxPool'"), r.err());
        assertFalse(Files.exists(out));
        ExportOnnxCommandTest.Run wrongFormat = run("import-measurements", SCENARIO, sample("trtexec-profile.json"), "--format",
                "onnx", "--device-class", JETSON, "-o", out.toString());
        assertEquals(ExitCodes.USAGE, wrongFormat.code());
    }

    @Test
    void otherFormatsImportAndSpreadOnRequest() {
        for (String[] f : new String[][]{{"tflite", "tflite-op-profile.csv"}, {"chrome-trace", "ort-profile.json"},
                {"chrome-trace", "pytorch-trace.json"}, {"trtexec", "trtexec-profile.json"}}) {
            Path out = dir.resolve(f[1] + ".json");
            ExportOnnxCommandTest.Run r = run("import-measurements", SCENARIO, sample(f[1]), "--format", f[0],
                    "--device-class", JETSON, "--unmatched", "spread", "-o", out.toString());
            assertEquals(ExitCodes.OK, r.code(), f[1] + ": " + r.err());
            Scenario s = ScenarioFiles.read(out).orElseThrow();
            assertTrue(s.profile().units().stream().allMatch(u -> u.latencySeconds().containsKey(JETSON)), f[1]);
        }
    }

    @Test
    void scissionCsvUpdatesAndAddsLinks() {
        Path out = dir.resolve("net.json");
        ExportOnnxCommandTest.Run r = run("import-network", SCENARIO, sample("network.csv"), "--format", "csv", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Scenario s = ScenarioFiles.read(out).orElseThrow();
        assertEquals(new Link("jetson", "edge", 94.1e6, 2.4e-3), s.topology().links().get(0));
        assertEquals(new Link("edge", "cloud", 480e6, 23.5e-3 / 2), s.topology().links().get(1));
        assertTrue(r.out().contains("updated link jetson-edge") && r.out().contains("added link edge-cloud"), r.out());
    }

    @Test
    void iperf3SetsOneLinkFromWhatTheReceiverGot() {
        Path out = dir.resolve("net.json");
        ExportOnnxCommandTest.Run r = run("import-network", SCENARIO, sample("iperf3.json"), "--format", "iperf3",
                "--from", "jetson", "--to", "edge", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Link l = ScenarioFiles.read(out).orElseThrow().topology().links().get(0);
        assertEquals(93416330.2, l.bandwidthBps());
        assertEquals(5120e-6 / 2, l.latencySeconds(), 1e-15);
        assertEquals(ExitCodes.USAGE, run("import-network", SCENARIO, sample("iperf3.json"), "--format", "iperf3",
                "-o", out.toString()).code());
        ExportOnnxCommandTest.Run unknown = run("import-network", SCENARIO, sample("iperf3.json"), "--format", "iperf3",
                "--from", "phone", "--to", "edge", "-o", dir.resolve("x.json").toString());
        assertEquals(ExitCodes.INVALID_INPUT, unknown.code());
        assertTrue(unknown.err().contains("no node 'phone'"), unknown.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void brokenNetworkFilesNameTheRow() throws IOException {
        Path csv = dir.resolve("n.csv");
        Files.writeString(csv, "source,destination,ping_ms,bandwidth_mbps\njetson,edge,4,0\njetson,mars,4,10\n");
        ExportOnnxCommandTest.Run r = run("import-network", SCENARIO, csv.toString(), "--format", "csv", "-o", dir.resolve("o.json").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("bandwidth_mbps") && r.err().contains("row 2"), r.err());
        Files.writeString(csv, "source,destination,ping_ms,bandwidth_mbps\njetson,mars,4,10\n");
        r = run("import-network", SCENARIO, csv.toString(), "--format", "csv", "-o", dir.resolve("o.json").toString());
        assertTrue(r.err().contains("row 2: no node 'mars'"), r.err());
        Files.writeString(csv, "source,destination,ping_ms,bandwidth_mbps\njetson,edge,4,10\nedge,jetson,5,12\n");
        r = run("import-network", SCENARIO, csv.toString(), "--format", "csv", "-o", dir.resolve("o.json").toString());
        assertTrue(r.err().contains("row 3: link jetson-edge was measured already (row 2)"), r.err());
        Path iperf = dir.resolve("i.json");
        Files.writeString(iperf, "{\"start\": {}, \"intervals\": [], \"end\": {}, \"error\": \"unable to connect to server: Connection refused\"}");
        r = run("import-network", SCENARIO, iperf.toString(), "--format", "iperf3", "--from", "jetson", "--to", "edge",
                "-o", dir.resolve("o.json").toString());
        assertTrue(r.err().contains("iperf3 reported that the test failed"), r.err());
        assertFalse(Files.exists(dir.resolve("o.json")));
    }

    @Test
    void calibrateFitsTheRateThroughTheOrigin() throws IOException {
        ExportOnnxCommandTest.Run r = run("calibrate", SCENARIO, "--measurements", sample("trtexec-profile.json"), "--format",
                "trtexec", "--layer-info", sample("trtexec-layer-info.json"), "--device-class", JETSON, "--json");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        JsonNode j = Json.mapper().readTree(r.out());
        double[] f = {2.4e8, 2.4e6, 4.8e8, 2.6e5};
        double[] t = {0.41e-3, 0.06e-3, 0.78e-3, 0.093e-3};
        double ff = 0;
        double ft = 0;
        for (int i = 0; i < 4; i++) {
            ff += f[i] * f[i];
            ft += f[i] * t[i];
        }
        assertEquals(ff / ft, j.get("fittedFlopsPerSecond").asDouble(), 1e-6 * ff / ft);
        JsonNode stage = j.get("stages").get(0);
        assertEquals(1, j.get("stages").size()); // only stage 1 runs on a Jetson
        assertEquals((2.4e8 + 2.4e6) / 2e11, stage.get("estimatedSeconds").asDouble(), 1e-15);
        assertEquals(0.47e-3, stage.get("measuredSeconds").asDouble(), 1e-15);
        assertEquals(((2.4e8 + 2.4e6) / 2e11 - 0.47e-3) / 0.47e-3, stage.get("relativeError").asDouble(), 1e-12);

        ExportOnnxCommandTest.Run table = run("calibrate", SCENARIO, "--measurements", sample("tflite-op-profile.csv"),
                "--format", "tflite", "--device-class", JETSON);
        assertEquals(ExitCodes.OK, table.code(), table.err());
        assertTrue(table.out().contains("least-squares fit through the origin"), table.out());
        assertTrue(table.out().contains("stage 1 on jetson, units 1-2"), table.out());
        ExportOnnxCommandTest.Run none = run("calibrate", SCENARIO, "--measurements", sample("tflite-op-profile.csv"),
                "--format", "tflite", "--device-class", "pixel-8");
        assertEquals(ExitCodes.INVALID_INPUT, none.code());
    }
}
