package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.TestScenarios.assertProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;

/** Plan files: the plan's fields plus a formatVersion; a round trip gives back an equal plan. */
class PlanFilesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"portend-three-tier.json", "mopar-serverless.json", "teaching.json"})
    void samplePlansSurviveWriteAndRead(String sample) throws IOException {
        Scenario s = ScenarioFiles.read(Path.of("sample-scenarios", sample)).orElseThrow();
        Path file = dir.resolve("plan.json");
        PlanFiles.write(s.plan(), file);
        Loaded<Plan> back = PlanFiles.read(file, s);
        assertTrue(back.isOk(), back.problems()::toString);
        assertEquals(s.plan(), back.value());
        assertEquals(1, TestScenarios.read(Files.readString(file)).get("formatVersion").asInt());
    }

    @Test
    void thePlanIsWrittenAsUnderPlanInAScenario() {
        Scenario s = ScenarioFiles.read(Path.of("sample-scenarios", "portend-three-tier.json")).orElseThrow();
        var inScenario = TestScenarios.read(ScenarioFiles.toJson(s)).get("plan");
        var inFile = (com.fasterxml.jackson.databind.node.ObjectNode) TestScenarios.read(PlanFiles.toJson(s.plan()));
        inFile.remove("formatVersion");
        assertEquals(inScenario, inFile);
    }

    @Test
    void unknownFieldsAreNamed() {
        assertProblem(PlanFiles.read("{\"formatVersion\": 1, \"stage\": []}"), "stage", "did you mean 'stages'?");
    }

    @Test
    void missingFormatVersionIsReported() {
        assertProblem(PlanFiles.read("{\"stages\": [{\"firstUnit\": 1, \"lastUnit\": 1, \"node\": \"a\"}]}"),
                "formatVersion", "required");
    }

    @Test
    void aPlanForAnotherModelIsRefusedWithPathsUnderPlan() throws IOException {
        Scenario s = ScenarioFiles.read(Path.of("sample-scenarios", "teaching.json")).orElseThrow();
        Path file = dir.resolve("wrong.json");
        PlanFiles.write(new Plan(List.of(new Stage(1, 3, "nowhere", null))), file);
        Loaded<Plan> r = PlanFiles.read(file, s);
        assertFalse(r.isOk());
        assertTrue(r.problems().stream().allMatch(p -> p.path().startsWith("plan")), r.problems()::toString);
        assertTrue(r.problems().stream().anyMatch(p -> p.toString().contains("nowhere")), r.problems()::toString);
    }
}
