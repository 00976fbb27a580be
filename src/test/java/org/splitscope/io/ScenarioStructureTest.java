package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.TestScenarios.assertProblem;
import static org.splitscope.io.TestScenarios.json;
import static org.splitscope.io.TestScenarios.minimal;
import static org.splitscope.io.TestScenarios.remove;
import static org.splitscope.io.TestScenarios.set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Scenario;

/** The first pass: unknown, missing, null and mistyped fields, all reported with their paths. */
class ScenarioStructureTest {

    private static Loaded<Scenario> read(ObjectNode tree) {
        return ScenarioFiles.read(json(tree), null);
    }

    @Test
    void minimalScenarioReads() {
        Loaded<Scenario> r = read(minimal());
        assertTrue(r.isOk(), () -> r.problems().toString());
        assertEquals(2, r.value().profile().unitCount());
        assertEquals(1.2, ((DedicatedPricing) r.value().topology().nodes().get(1).pricing())
                .usdPerHour());
    }

    @Test
    void unknownFieldIsNamedWithSuggestionAndAllowedFields() {
        ObjectNode s = minimal();
        remove(s, "topology.links[0].bandwidthBps");
        set(s, "topology.links[0].bandwidth", 1e8);
        Loaded<Scenario> r = read(s);
        assertProblem(r, "topology.links[0].bandwidth", "unknown field 'bandwidth'", "did you mean 'bandwidthBps'?",
                "Allowed here: id, from, to, bandwidthBps, latencySeconds, usdPerGB, oneWay");
        assertProblem(r, "topology.links[0].bandwidthBps", "required field is missing");
    }

    @Test
    void unknownFieldFarFromEveryNameGetsNoSuggestion() {
        ObjectNode s = minimal();
        set(s, "plan.colour", "red");
        Loaded<Scenario> r = read(s);
        assertProblem(r, "plan.colour", "unknown field 'colour'", "Allowed here: stages, exits, terminalExit");
        assertFalse(r.problems().get(0).message().contains("did you mean"));
    }

    @Test
    void missingRequiredFieldIsNamed() {
        ObjectNode s = minimal();
        remove(s, "profile.units[1].flops");
        assertProblem(read(s), "profile.units[1].flops", "required field is missing");
    }

    @Test
    void explicitNullForRequiredFieldIsRefusedButAllowedForOptional() {
        ObjectNode s = minimal();
        set(s, "topology.nodes[0].deviceClass", NullNode.instance);
        assertProblem(read(s), "topology.nodes[0].deviceClass", "is required and must not be null");

        ObjectNode t = minimal();
        set(t, "topology.sink", NullNode.instance);
        assertTrue(read(t).isOk());
    }

    @Test
    void wrongJsonTypeSaysWhatWasExpectedAndWhatWasFound() {
        ObjectNode s = minimal();
        set(s, "profile.units[0].flops", "1e9");
        assertProblem(read(s), "profile.units[0].flops", "expected a number, got the string \"1e9\"");
    }

    @Test
    void fractionalValueForWholeNumberIsRefusedRatherThanTruncated() {
        ObjectNode s = minimal();
        set(s, "topology.nodes[1].tier", 1.5);
        set(s, "profile.exits[0].afterUnit", 3_000_000_000L);
        Loaded<Scenario> r = read(s);
        assertProblem(r, "topology.nodes[1].tier", "expected a whole number, got the number 1.5");
        assertProblem(r, "profile.exits[0].afterUnit", "whole number from", "3000000000");
    }

    @Test
    void nestedArraysAreCheckedElementByElement() {
        ObjectNode s = minimal();
        set(s, "profile.exitStats.confidence[0][1]", "high");
        set(s, "profile.exitStats.correct[0][2]", 1);
        set(s, "profile.exitStats.correctFinal", Map.of("a", true));
        Loaded<Scenario> r = read(s);
        assertProblem(r, "profile.exitStats.confidence[0][1]", "expected a number");
        assertProblem(r, "profile.exitStats.correct[0][2]", "expected true or false, got the number 1");
        assertProblem(r, "profile.exitStats.correctFinal", "expected an array [...], got an object");
    }

    @Test
    void nullInsideListOrMapIsRefused() {
        ObjectNode s = minimal();
        set(s, "topology.links", List.of());
        ((ArrayNode) s.get("topology").get("links")).addNull();
        set(s, "profile.units[0].latencySeconds", Map.of("gpu", 0.1));
        set(s, "profile.units[0].latencySeconds.cpu", NullNode.instance);
        Loaded<Scenario> r = read(s);
        assertProblem(r, "topology.links[0]", "must not be null");
        assertProblem(r, "profile.units[0].latencySeconds.cpu", "must not be null");
    }

    @Test
    void integerMapKeysMustBeWholeNumbers() {
        ObjectNode s = minimal();
        set(s, "profile.serialize", Map.of("cpu", Map.of("fixedSeconds", 0.001, "secondsPerByte", 1e-9,
                "perCutSeconds", Map.of("1", 0.002, "after-conv", 0.003))));
        Loaded<Scenario> r = read(s);
        assertProblem(r, "profile.serialize.cpu.perCutSeconds.after-conv", "key 'after-conv' must be a whole number");
        assertEquals(1, r.problems().size(), r.problems()::toString);
    }

    @Test
    void enumListsItsAllowedJsonNames() {
        ObjectNode s = minimal();
        set(s, "profile.criterion", "MAX_PROB");
        assertProblem(read(s), "profile.criterion", "expected one of \"maxProb\", \"entropy\"", "\"MAX_PROB\"");
    }

    @Test
    void routingListsItsAllowedNames() {
        ObjectNode s = minimal();
        set(s, "topology.routing", "relay");
        assertProblem(read(s), "topology.routing", "expected one of \"least-time\", \"direct\"", "\"relay\"");
    }

    @Test
    void polymorphicTypeMustBePresentAndKnown() {
        ObjectNode s = minimal();
        remove(s, "profile.exitStats.type");
        set(s, "topology.nodes[1].pricing.type", "spot");
        Loaded<Scenario> r = read(s);
        assertProblem(r, "profile.exitStats.type", "required field is missing", "\"samples\", \"curves\"");
        assertProblem(r, "topology.nodes[1].pricing.type", "unknown kind \"spot\"", "\"dedicated\", \"serverless\"");
    }

    @Test
    void fieldsOfTheChosenSubtypeAreChecked() {
        ObjectNode s = minimal();
        set(s, "topology.nodes[1].pricing", Map.of("type", "serverless", "usdPerGBSecond", 1.6e-5,
                "usdPerRequest", 2e-7, "memoryGB", 2, "billingGranularity", 0.001));
        Loaded<Scenario> r = read(s);
        assertProblem(r, "topology.nodes[1].pricing.billingGranularity", "did you mean 'billingGranularitySeconds'?");
        assertProblem(r, "topology.nodes[1].pricing.billingGranularitySeconds", "required field is missing");
    }

    @Test
    void everyStructuralProblemIsReportedAtOnce() {
        ObjectNode s = minimal();
        set(s, "nmae", "x");
        remove(s, "topology.source");
        set(s, "plan.stages[0].lastUnit", "one");
        set(s, "profile.units[1].paramBytes", true);
        Loaded<Scenario> r = read(s);
        assertProblem(r, "nmae", "did you mean 'name'?");
        assertProblem(r, "topology.source", "required field is missing");
        assertProblem(r, "plan.stages[0].lastUnit", "expected a whole number");
        assertProblem(r, "profile.units[1].paramBytes", "expected a number, got true");
        assertEquals(4, r.problems().size(), r.problems()::toString);
    }
}
