package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.TestScenarios.assertProblem;
import static org.splitscope.io.TestScenarios.json;
import static org.splitscope.io.TestScenarios.raw;
import static org.splitscope.io.TestScenarios.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.model.ModelProfile;

/** Standalone profile files: the profile's fields plus a formatVersion, paths relative to the profile. */
class ProfileFilesTest {
    @TempDir
    Path dir;

    /** The minimal scenario's profile as a profile file. */
    static ObjectNode profileTree() {
        ObjectNode p = TestScenarios.minimal().get("profile").deepCopy();
        ObjectNode root = Json.mapper().createObjectNode().put("formatVersion", ProfileFiles.FORMAT_VERSION);
        root.setAll(p);
        return root;
    }

    @Test
    void profileSurvivesWriteAndRead() throws IOException {
        ModelProfile original = ScenarioRoundTripTest.full().profile();
        Path file = dir.resolve("net.json");
        ProfileFiles.write(original, file);
        Loaded<ModelProfile> back = ProfileFiles.read(file);
        assertTrue(back.isOk(), back.problems()::toString);
        assertEquals(TestScenarios.read(ProfileFiles.toJson(original)), TestScenarios.read(ProfileFiles.toJson(back.value())));
        assertEquals(1, TestScenarios.read(Files.readString(file)).get("formatVersion").asInt());
    }

    @Test
    void problemPathsStartAtTheProfileFields() {
        ObjectNode p = profileTree();
        set(p, "units[1].flops", raw("NaN"));
        set(p, "exits[0].afterUnit", 2);
        Loaded<ModelProfile> r = ProfileFiles.read(json(p));
        assertProblem(r, "units[1].flops", "NaN");
        assertProblem(r, "exits[0].afterUnit", "must name a unit from 1 to 1");
    }

    @Test
    void structuralProblemPathsStartAtTheProfileFields() {
        ObjectNode p = profileTree();
        set(p, "unit", 3);
        assertProblem(ProfileFiles.read(json(p)), "unit", "did you mean 'units'?");
    }

    @Test
    void formatVersionIsRequired() {
        ObjectNode p = profileTree();
        p.remove("formatVersion");
        assertProblem(ProfileFiles.read(json(p)), "formatVersion", "required field is missing",
                "\"formatVersion\": 1");
        set(p, "formatVersion", 3);
        assertProblem(ProfileFiles.read(json(p)), "formatVersion", "profile format version 1", "says 3");
    }
}
