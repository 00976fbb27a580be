package org.splitscope.ui.model;

import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.splitscope.io.Json;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.zoo.SampleScenarios;

/**
 * Bad scenarios for the problems list: a sample with one field of its JSON set to a bad value
 * (as a hand-edited file would have it), and the lines the real validators' problems become.
 */
final class ProblemScenarios {
    private ProblemScenarios() {
    }

    /** A sample with the JSON at each pointer set to the value (JSON text), in turn. */
    static Scenario edited(Scenario base, String... pointerThenJson) {
        try {
            ObjectNode root = Json.mapper().valueToTree(base);
            for (int i = 0; i < pointerThenJson.length; i += 2) {
                JsonPointer at = JsonPointer.compile(pointerThenJson[i]);
                JsonNode value = Json.mapper().readTree(pointerThenJson[i + 1]);
                JsonNode parent = root.at(at.head());
                if (parent instanceof ArrayNode a) {
                    a.set(Integer.parseInt(at.last().getMatchingProperty()), value);
                } else {
                    ((ObjectNode) parent).set(at.last().getMatchingProperty(), value);
                }
            }
            return Json.mapper().treeToValue(root, Scenario.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static UnaryOperator<Scenario> json(String... pointerThenJson) {
        return s -> edited(s, pointerThenJson);
    }

    static Scenario teaching(String... pointerThenJson) {
        return edited(SampleScenarios.teaching(), pointerThenJson);
    }

    static Scenario serverless(String... pointerThenJson) {
        return edited(SampleScenarios.moparServerless(), pointerThenJson);
    }

    /**
     * The problems as the window gets them (the evaluator's, as LiveMetrics asks it) and then
     * those only the whole scenario's check finds (its name, snapshots, layout), without repeats.
     */
    static List<Problem> problems(Scenario s) {
        java.util.LinkedHashSet<Problem> all = new java.util.LinkedHashSet<>();
        if (s.profile() != null && s.topology() != null && s.plan() != null) {
            try {
                new Evaluator(s.profile(), s.topology()).evaluate(s.plan(), s.workload());
            } catch (InvalidScenarioException e) {
                all.addAll(e.problems());
            }
        }
        all.addAll(s.validate());
        return List.copyOf(all);
    }

    static List<String> lines(Scenario s) {
        return problems(s).stream().map(p -> ProblemValues.describe(s, p)).toList();
    }
}
