package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.onnx.ExportManifest;
import org.splitscope.io.onnx.StageExport;

/** {@code export-onnx MODEL --scenario S -o DIR} through Main, on the classifier fixture imported in blocks. */
class ExportOnnxCommandTest {
    private static final Path CLASSIFIER = org.splitscope.OnnxFixtures.CLASSIFIER;

    @TempDir
    Path dir;
    Path scenario;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A scenario over the imported profile whose plan cuts after block 20 (of 60), phone then edge. */
    @BeforeEach
    void importAndWriteScenario() throws IOException {
        Run imported = run("import", CLASSIFIER.toString(), "-o", dir.resolve("cls.json").toString(),
                "--units", "blocks", "--input-shape", "1,3,48,192");
        assertEquals(ExitCodes.OK, imported.code(), imported.err());
        scenario = dir.resolve("scenario.json");
        Files.writeString(scenario, """
                {"formatVersion": 1, "name": "cls split", "profileFile": "cls.json",
                 "topology": {"nodes": [{"id": "phone", "tier": 0, "deviceClass": "cpu", "flopsPerSecond": 1e10},
                                        {"id": "edge", "tier": 1, "deviceClass": "gpu", "flopsPerSecond": 1e12}],
                              "links": [{"from": "phone", "to": "edge", "bandwidthBps": 1e8, "latencySeconds": 0.005}],
                              "source": "phone"},
                 "plan": {"stages": [{"firstUnit": 1, "lastUnit": 20, "node": "phone"},
                                     {"firstUnit": 21, "lastUnit": 60, "node": "edge"}]}}
                """);
    }

    @Test
    void writesOneFilePerStageAndTheManifest() throws IOException {
        Path out = dir.resolve("stages");
        Run r = run("export-onnx", CLASSIFIER.toString(), "--scenario", scenario.toString(), "-o", out.toString(),
                "--units", "blocks", "--input-shape", "1,3,48,192");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        ExportManifest m = StageExport.readManifest(out);
        assertEquals(List.of("phone", "edge"), m.stages().stream().map(ExportManifest.StageFile::node).toList());
        assertTrue(Files.isRegularFile(out.resolve("stage-1.onnx")) && Files.isRegularFile(out.resolve("stage-2.onnx")));
        assertTrue(r.out().contains("stage 1: units 1..20 on phone -> " + out.resolve("stage-1.onnx")), r.out());
        assertTrue(r.out().contains("stage 2: units 21..60 on edge"), r.out());
        assertTrue(r.out().contains("wrote " + out.resolve("manifest.json")), r.out());
    }

    @Test
    void otherImportOptionsThanTheProfilesAreAMismatch() {
        Run r = run("export-onnx", CLASSIFIER.toString(), "--scenario", scenario.toString(), "-o",
                dir.resolve("stages").toString(), "--input-shape", "1,3,48,192");
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("profile.units: the scenario's profile has 60 units, the model imported with "
                + "--units layers and input x[1, 3, 48, 192] has 220"), r.err());
        assertTrue(Files.notExists(dir.resolve("stages")));
    }

    @Test
    void aFileInPlaceOfTheFolderCannotBeWritten() throws IOException {
        Path blocker = Files.writeString(dir.resolve("taken"), "a file");
        Run r = run("export-onnx", CLASSIFIER.toString(), "--scenario", scenario.toString(), "-o", blocker.toString(),
                "--units", "blocks", "--input-shape", "1,3,48,192");
        assertEquals(ExitCodes.IO_ERROR, r.code(), r.err());
        assertTrue(r.err().contains(blocker + " is a file, not a folder"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("a file", Files.readString(blocker));
    }

    @Test
    void withoutAScenarioTheCommandLineIsIncomplete() {
        Run r = run("export-onnx", CLASSIFIER.toString(), "-o", dir.resolve("stages").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--scenario"), r.err());
    }

    @Test
    void aMissingModelIsNamed() {
        Run r = run("export-onnx", dir.resolve("missing.onnx").toString(), "--scenario", scenario.toString(),
                "-o", dir.resolve("stages").toString(), "--units", "blocks");
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("no such file: " + dir.resolve("missing.onnx")), r.err());
    }
}
