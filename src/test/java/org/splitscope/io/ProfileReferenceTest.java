package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.TestScenarios.assertProblem;
import static org.splitscope.io.TestScenarios.json;
import static org.splitscope.io.TestScenarios.minimal;
import static org.splitscope.io.TestScenarios.raw;
import static org.splitscope.io.TestScenarios.set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.model.Scenario;

/** A scenario whose model lives in a profile file next to it. */
class ProfileReferenceTest {
    @TempDir
    Path dir;

    /** Writes the profile file and a scenario that references it; returns the scenario file. */
    private Path scenarioReferencing(String reference, ObjectNode profile) throws IOException {
        Path profileFile = dir.resolve("scenarios").resolve(reference).normalize();
        Files.createDirectories(profileFile.getParent());
        Files.writeString(profileFile, json(profile));
        ObjectNode s = minimal();
        s.remove("profile");
        s.put("profileFile", reference);
        Path scenario = Files.createDirectories(dir.resolve("scenarios")).resolve("s.json");
        Files.writeString(scenario, json(s));
        return scenario;
    }

    @Test
    void referencedProfileIsLoadedAndTheReferenceKept() throws IOException {
        Loaded<Scenario> r = ScenarioFiles.read(scenarioReferencing("profiles/net.json", ProfileFilesTest.profileTree()));
        assertTrue(r.isOk(), r.problems()::toString);
        assertEquals("profiles/net.json", r.value().profileFile());
        assertEquals("two-layer", r.value().profile().name());
        assertTrue(r.warnings().isEmpty());
    }

    @Test
    void writingKeepsTheReferenceAndNotTheProfile() throws IOException {
        Path file = scenarioReferencing("profiles/net.json", ProfileFilesTest.profileTree());
        Scenario s = ScenarioFiles.read(file).orElseThrow();
        ScenarioFiles.write(s, file);
        JsonNode written = TestScenarios.read(Files.readString(file));
        assertFalse(written.has("profile"));
        assertEquals("profiles/net.json", written.get("profileFile").asText());
        Loaded<Scenario> again = ScenarioFiles.read(file);
        assertTrue(again.isOk(), again.problems()::toString);
        assertEquals(TestScenarios.read(ScenarioFiles.toJson(s)), TestScenarios.read(ScenarioFiles.toJson(again.value())));
    }

    @Test
    void problemsInTheProfileFileArePrefixedAndNameTheFile() throws IOException {
        ObjectNode profile = ProfileFilesTest.profileTree();
        set(profile, "units[0].flops", raw("NaN"));
        Path file = scenarioReferencing("profiles/net.json", profile);
        ObjectNode s = (ObjectNode) TestScenarios.read(Files.readString(file));
        set(s, "plan.exits[0].threshold", 1.5);
        Files.writeString(file, json(s));
        Loaded<Scenario> r = ScenarioFiles.read(file);
        assertProblem(r, "profile.units[0].flops", "in profiles/net.json", "NaN");
        assertProblem(r, "plan.exits[0].threshold", "between 0 and 1");
        assertEquals(2, r.problems().size(), r.problems()::toString);
    }

    @Test
    void malformedProfileFileIsAProblemAtProfileFile() throws IOException {
        Path file = scenarioReferencing("net.json", ProfileFilesTest.profileTree());
        Files.writeString(dir.resolve("scenarios/net.json"), "{\n\"name\": }");
        assertProblem(ScenarioFiles.read(file), "profileFile", "'net.json'", "not valid JSON at line 2");
    }

    @Test
    void missingProfileFileIsAProblemAtProfileFile() throws IOException {
        Path file = scenarioReferencing("profiles/net.json", ProfileFilesTest.profileTree());
        Files.delete(dir.resolve("scenarios/profiles/net.json"));
        Loaded<Scenario> r = ScenarioFiles.read(file);
        assertProblem(r, "profileFile", "'profiles/net.json'", "no such file");
        assertEquals(1, r.problems().size(), r.problems()::toString);
    }

    @Test
    void aPathLeavingTheScenarioFolderIsRefusedUnread() throws IOException {
        Path file = scenarioReferencing("../elsewhere/net.json", ProfileFilesTest.profileTree());
        Files.writeString(dir.resolve("elsewhere/net.json"), "secret-content");
        Loaded<Scenario> r = ScenarioFiles.read(file);
        assertProblem(r, "profileFile", "'../elsewhere/net.json'", "outside the scenario's folder");
        assertNeverQuotes(r, "secret-content");
    }

    @Test
    void aLinkPointingOutsideTheScenarioFolderIsRefusedUnread() throws IOException {
        Path file = scenarioReferencing("net.json", ProfileFilesTest.profileTree());
        Path outside = Files.writeString(dir.resolve("passwd"), "root:x:0:0:secret-content");
        Files.delete(dir.resolve("scenarios/net.json"));
        Files.createSymbolicLink(dir.resolve("scenarios/net.json"), outside);
        Loaded<Scenario> r = ScenarioFiles.read(file);
        assertProblem(r, "profileFile", "'net.json'", "outside the scenario's folder", "after following links");
        assertNeverQuotes(r, "root");
    }

    @Test
    void aLinkInsideTheScenarioFolderIsFollowed() throws IOException {
        Path file = scenarioReferencing("real.json", ProfileFilesTest.profileTree());
        Files.createSymbolicLink(dir.resolve("scenarios/net.json"), Path.of("real.json"));
        ObjectNode s = (ObjectNode) TestScenarios.read(Files.readString(file));
        s.put("profileFile", "net.json");
        Files.writeString(file, json(s));
        Loaded<Scenario> r = ScenarioFiles.read(file);
        assertTrue(r.isOk(), r.problems()::toString);
    }

    @Test
    void systemFilesAndDevicesAreRefused() {
        for (String reference : new String[] {"../../../../../../../../etc/passwd", "/proc/self/status",
            "../../../../../../../../proc/self/status", "../../../../../../../../dev/zero"}) {
            ObjectNode s = minimal();
            s.remove("profile");
            s.put("profileFile", reference);
            Loaded<Scenario> r = ScenarioFiles.read(json(s), dir);
            assertFalse(r.isOk(), reference);
            assertEquals("profileFile", r.problems().get(0).path(), reference);
            assertNeverQuotes(r, "root:");
            assertNeverQuotes(r, "VmRSS");
        }
    }

    @Test
    void aNulCharacterInTheNameIsRefused() {
        ObjectNode s = minimal();
        s.remove("profile");
        s.put("profileFile", "net\u0000.json");
        assertProblem(ScenarioFiles.read(json(s), dir), "profileFile", "NUL character");
    }

    @Test
    void aFifoAsProfileIsRefusedWithoutBlocking() throws IOException, InterruptedException {
        Path file = scenarioReferencing("net.json", ProfileFilesTest.profileTree());
        Files.delete(dir.resolve("scenarios/net.json"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("scenarios/net.json").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        assertProblem(ScenarioFiles.read(file), "profileFile", "'net.json'", "not a regular file");
    }

    private static void assertNeverQuotes(Loaded<?> r, String content) {
        r.problems().forEach(p -> assertFalse(p.message().contains(content), p::toString));
    }

    @Test
    void absolutePathIsRefused() {
        ObjectNode s = minimal();
        s.remove("profile");
        s.put("profileFile", dir.resolve("net.json").toAbsolutePath().toString());
        assertProblem(ScenarioFiles.read(json(s), dir), "profileFile", "must be relative");
    }

    @Test
    void referenceWithoutABaseFolderIsAProblem() {
        ObjectNode s = minimal();
        s.remove("profile");
        s.put("profileFile", "net.json");
        Loaded<Scenario> r = ScenarioFiles.read(json(s), null);
        assertNull(r.value());
        assertProblem(r, "profileFile", "not read from a file");
    }

    @Test
    void exactlyOneOfProfileAndProfileFile() {
        ObjectNode both = minimal();
        both.put("profileFile", "net.json");
        assertProblem(ScenarioFiles.read(json(both), dir), "profileFile", "not both");

        ObjectNode neither = minimal();
        neither.remove("profile");
        assertProblem(ScenarioFiles.read(json(neither), dir), "profile", "required field is missing", "profileFile");
    }
}
