package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.TestScenarios.assertProblem;
import static org.splitscope.io.TestScenarios.json;
import static org.splitscope.io.TestScenarios.minimal;
import static org.splitscope.io.TestScenarios.remove;
import static org.splitscope.io.TestScenarios.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.model.Scenario;

/** Files that are not a scenario at all: each is one clear problem, never an exception. */
class ScenarioFileErrorsTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("s.json"), text, StandardCharsets.UTF_8);
    }

    private static void assertSingle(Loaded<Scenario> r, String path, String... fragments) {
        assertFalse(r.isOk());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        assertProblem(r, path, fragments);
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Loaded<Scenario> r = ScenarioFiles.read(file("{\n  \"name\": \"x\",\n  \"plan\": {]\n}"));
        assertSingle(r, "", "not valid JSON at line 3, column 12");
    }

    @Test
    void duplicateKeyIsMalformed() {
        assertSingle(ScenarioFiles.read("{\"name\": \"a\",\n \"name\": \"b\"}", null), "",
                "line 2", "Duplicate field 'name'");
    }

    @Test
    void contentAfterTheObject() {
        assertSingle(ScenarioFiles.read(json(minimal()) + "\n{}", null), "", "unexpected content after the JSON object");
    }

    @Test
    void emptyFile() throws IOException {
        assertSingle(ScenarioFiles.read(file(" \n")), "", "the file is empty");
    }

    @Test
    void rootThatIsNotAnObject() {
        assertSingle(ScenarioFiles.read("[1, 2]", null), "", "must hold one JSON object", "an array");
    }

    @Test
    void binaryFile() throws IOException {
        Path f = Files.write(dir.resolve("model.onnx"), new byte[] {0x08, 0x07, 0x12, 0x00, 0x01});
        assertSingle(ScenarioFiles.read(f), "", "binary file", "offset 3");
    }

    @Test
    void nonUtf8File() throws IOException {
        Path f = Files.write(dir.resolve("latin1.json"), "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertSingle(ScenarioFiles.read(f), "", "not UTF-8", "offset 13");
    }

    @Test
    void byteOrderMarkIsAccepted() throws IOException {
        assertTrue(ScenarioFiles.read(file("\uFEFF" + json(minimal()))).isOk());
    }

    @Test
    void oversizeFileIsRefusedBeforeReading() throws IOException {
        Path f = file(json(minimal()));
        assertTrue(ScenarioFiles.read(f, Files.size(f)).isOk());
        assertSingle(ScenarioFiles.read(f, 100), "", "over the limit of 100 bytes");
    }

    @Test
    void missingFile() {
        assertSingle(ScenarioFiles.read(dir.resolve("nope.json")), "", "no such file", "nope.json");
    }

    @Test
    void folderInsteadOfFile() {
        assertSingle(ScenarioFiles.read(dir), "", "is a folder");
    }

    @Test
    void missingFormatVersionIsReportedWithTheOtherProblems() {
        ObjectNode s = minimal();
        remove(s, "formatVersion");
        set(s, "plan.stages[0].node", 7);
        Loaded<Scenario> r = ScenarioFiles.read(json(s), null);
        assertProblem(r, "formatVersion", "required field is missing", "\"formatVersion\": 1");
        assertProblem(r, "plan.stages[0].node", "expected a string");
        assertEquals(2, r.problems().size(), r.problems()::toString);
    }

    @Test
    void otherFormatVersionStopsTheRead() {
        ObjectNode s = minimal();
        set(s, "formatVersion", 2);
        set(s, "planner", "new in version 2");
        assertSingle(ScenarioFiles.read(json(s), null), "formatVersion", "reads scenario format version 1",
                "the file says 2");
    }
}
