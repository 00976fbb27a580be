package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.splitscope.io.TestScenarios.assertProblem;
import static org.splitscope.io.TestScenarios.json;
import static org.splitscope.io.TestScenarios.minimal;
import static org.splitscope.io.TestScenarios.raw;
import static org.splitscope.io.TestScenarios.set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;

/** The second pass: structurally sound files whose values the model's own validation refuses. */
class ScenarioSemanticsTest {

    private static Loaded<Scenario> read(ObjectNode tree) {
        return ScenarioFiles.read(json(tree), null);
    }

    @Test
    void negativeBandwidth() {
        ObjectNode s = minimal();
        set(s, "topology.links[0].bandwidthBps", -5);
        assertProblem(read(s), "topology.links[0].bandwidthBps", "must be > 0", "-5");
    }

    @Test
    void nanInPrimitiveField() {
        ObjectNode s = minimal();
        set(s, "profile.units[1].flops", raw("NaN"));
        assertProblem(read(s), "profile.units[1].flops", "NaN");
    }

    @Test
    void infinityInBoxedFieldsAndMapValues() {
        ObjectNode s = minimal();
        set(s, "workload", Map.of("arrivalRatePerSecond", 10));
        set(s, "workload.arrivalRatePerSecond", raw("Infinity"));
        set(s, "profile.units[0].workingBytes", raw("-Infinity"));
        set(s, "profile.units[0].latencySeconds", Map.of("cpu", 0.1));
        set(s, "profile.units[0].latencySeconds.cpu", raw("NaN"));
        Loaded<Scenario> r = read(s);
        assertProblem(r, "workload.arrivalRatePerSecond", "must be finite, got infinity");
        assertProblem(r, "profile.units[0].workingBytes", "must be finite, got -infinity");
        assertProblem(r, "profile.units[0].latencySeconds.cpu", "NaN");
    }

    @Test
    void nanInsideSampleConfidences() {
        ObjectNode s = minimal();
        set(s, "profile.exitStats.confidence[0][2]", raw("NaN"));
        assertProblem(read(s), "profile.exitStats.confidence[0][2]", "between 0 and 1", "NaN");
    }

    @Test
    void nanInsideCurveArrays() {
        ObjectNode s = minimal();
        set(s, "profile.exitStats", Map.of("type", "curves", "finalAccuracy", 0.9, "curves", List.of(Map.of(
                "thresholds", List.of(0.5, 0.9), "exitRate", List.of(0.6, 0.3),
                "exitedAccuracy", List.of(0.8, 0.95), "overallAccuracy", 0.7))));
        set(s, "profile.exitStats.curves[0].exitRate[1]", raw("NaN"));
        assertProblem(read(s), "profile.exitStats.curves[0].exitRate[1]", "NaN");
    }

    @Test
    void thresholdAboveOne() {
        ObjectNode s = minimal();
        set(s, "plan.exits[0].threshold", 1.5);
        assertProblem(read(s), "plan.exits[0].threshold", "between 0 and 1", "1.5");
    }

    @Test
    void stagesThatDoNotCoverEveryUnit() {
        ObjectNode s = minimal();
        set(s, "plan.stages", List.of(Map.of("firstUnit", 1, "lastUnit", 1, "node", "phone")));
        assertProblem(read(s), "plan.stages[0].lastUnit", "must be 2 (the last unit), got 1");
    }

    @Test
    void stageOnUnknownNode() {
        ObjectNode s = minimal();
        set(s, "plan.stages[1].node", "cloud");
        assertProblem(read(s), "plan.stages[1].node", "no node with id 'cloud'");
    }

    @Test
    void noRouteBetweenConsecutiveStages() {
        ObjectNode s = minimal();
        set(s, "topology.links[0].oneWay", true);
        set(s, "topology.links[0].from", "edge");
        set(s, "topology.links[0].to", "phone");
        assertProblem(read(s), "plan.stages[1].node", "no route from 'phone' to 'edge'");
    }

    @Test
    void directRoutingNamesTheMissingDirectLink() {
        ObjectNode s = minimal();
        set(s, "topology.routing", "direct");
        set(s, "topology.links[0].oneWay", true);
        set(s, "topology.links[0].from", "edge");
        set(s, "topology.links[0].to", "phone");
        assertProblem(read(s), "plan.stages[1].node", "no direct link from 'phone' to 'edge'", "routing is direct");
    }

    @Test
    void routingIsReadAndWrittenBack() {
        ObjectNode s = minimal();
        set(s, "topology.routing", "direct");
        Loaded<Scenario> r = read(s);
        assertEquals(org.splitscope.model.Routing.DIRECT, r.value().topology().routing());
        assertEquals("direct", TestScenarios.read(ScenarioFiles.toJson(r.value())).get("topology").get("routing").asText());
        assertEquals(org.splitscope.model.Routing.LEAST_TIME, read(minimal()).value().topology().routing(),
                "least-time routes unless the file says otherwise");
    }

    @Test
    void perSampleArraysOfDifferentLengths() {
        ObjectNode s = minimal();
        set(s, "profile.exitStats.correctFinal", List.of(true, false));
        Loaded<Scenario> r = read(s);
        assertProblem(r, "profile.exitStats.confidence[0]", "has 3 samples but correctFinal has 2");
        assertProblem(r, "profile.exitStats.correct[0]", "has 3 samples but correctFinal has 2");
    }

    @Test
    void everySemanticProblemIsReportedAtOnce() {
        ObjectNode s = minimal();
        set(s, "profile.units[0].flops", raw("NaN"));
        set(s, "workload", Map.of("arrivalRatePerSecond", -1));
        set(s, "plan.exits[0].threshold", -0.1);
        set(s, "plan.stages[1].node", "cloud");
        Loaded<Scenario> r = read(s);
        assertFalse(r.isOk());
        assertProblem(r, "profile.units[0].flops", "NaN");
        assertProblem(r, "workload.arrivalRatePerSecond", "must be >= 0");
        assertProblem(r, "plan.exits[0].threshold", "between 0 and 1");
        assertProblem(r, "plan.stages[1].node", "no node with id 'cloud'");
        assertEquals(4, r.problems().size(), r.problems()::toString);
    }
}
