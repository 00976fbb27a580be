package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.InvalidScenarioException;
import org.splitscope.perf.LatencySummary;
import org.splitscope.perf.Metrics;

/**
 * Breaks every value of a scenario that uses every field, one at a time and in several ways, and
 * checks that reading always answers with problems (or a value) and never throws, and that what
 * it accepts evaluates to finite figures or is refused by the evaluator with a message: no number
 * computed from a broken value reaches a view.
 */
class MutationSweepTest {
    private static final List<Object> REPLACEMENTS = List.of(
            TestScenarios.raw("null"), TestScenarios.raw("NaN"), "text", -1, 0, 2.5, 1e308, 1e-300, List.of(), Map.of());

    @Test
    void noMutationMakesReadingThrow() {
        ObjectNode full = (ObjectNode) TestScenarios.read(ScenarioFiles.toJson(ScenarioRoundTripTest.full()));
        List<String> paths = new ArrayList<>();
        collect(full, "", paths);
        assertTrue(paths.size() > 150, "expected to visit every field, visited " + paths.size());
        int refused = 0;
        for (String path : paths) {
            for (Object replacement : REPLACEMENTS) {
                ObjectNode copy = full.deepCopy();
                TestScenarios.set(copy, path, replacement);
                refused += check(TestScenarios.json(copy), path + " = " + replacement) ? 0 : 1;
            }
            if (path.matches(".*\\.[A-Za-z]+$")) {
                ObjectNode copy = full.deepCopy();
                TestScenarios.remove(copy, path);
                check(TestScenarios.json(copy), "without " + path);
            }
        }
        assertTrue(refused > paths.size() * REPLACEMENTS.size() / 2, "most mutations must be refused: " + refused);
    }

    /** Whether the text was read as a valid scenario; fails the test on an exception or a pathless problem. */
    private static boolean check(String json, String what) {
        try {
            Loaded<Scenario> r = ScenarioFiles.read(json, null);
            for (Problem p : r.problems()) {
                assertFalse(p.path() == null || p.message() == null || p.message().isBlank(), what + ": " + p);
            }
            if (r.isOk()) {
                evaluatesToFiniteFigures(r.value(), what);
            }
            return r.isOk();
        } catch (RuntimeException e) {
            fail("reading threw for " + what, e);
            return false;
        }
    }

    private static void evaluatesToFiniteFigures(Scenario s, String what) {
        Metrics m;
        try {
            m = Evaluator.evaluate(s);
        } catch (InvalidScenarioException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank(), what + ": refused without a message");
            return;
        }
        LatencySummary l = m.latency();
        for (double v : new double[] {l.mean(), l.p95(), m.costUsdPerRequest(), m.energyJoulesPerRequest()}) {
            assertTrue(Double.isFinite(v) && v >= 0, what + ": accepted, then evaluated to " + v + " in " + m);
        }
        assertTrue(m.accuracy() == null || (m.accuracy() >= 0 && m.accuracy() <= 1), what + ": accuracy " + m.accuracy());
        assertTrue(m.throughputPerSecond() == null || (Double.isFinite(m.throughputPerSecond()) && m.throughputPerSecond() > 0),
                what + ": throughput " + m.throughputPerSecond());
    }

    private static void collect(JsonNode node, String path, List<String> into) {
        if (!path.isEmpty()) {
            into.add(path);
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                collect(node.get(name), path.isEmpty() ? name : path + "." + name, into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", into);
            }
        }
    }
}
