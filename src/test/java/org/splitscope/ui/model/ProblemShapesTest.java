package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * Every path shape the scenario's validators write, reached through the validators themselves
 * from a bad field in a sample's JSON, reads in the window's words in the problems list.
 */
class ProblemShapesTest {

    static List<ProblemShapes.Shape> shapes() {
        return ProblemShapes.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void eachShapeReadsAsTheWindowNamesIt(ProblemShapes.Shape shape) {
        Scenario s = shape.scenario().get();
        List<String> lines = ProblemScenarios.problems(s).stream().filter(p -> p.path().equals(shape.path()))
                .map(p -> ProblemValues.describe(s, p)).toList();
        assertFalse(lines.isEmpty(), "the validators wrote nothing at " + shape.path());
        assertTrue(lines.contains(shape.line()), () -> "expected " + shape.line() + " among " + lines);
    }

    /** No problem of any of these scenarios, at the shape's path or elsewhere, is left as its bare path. */
    @Test
    void noShapeFallsBackToItsPath() {
        List<String> bare = new ArrayList<>();
        for (ProblemShapes.Shape shape : shapes()) {
            Scenario s = shape.scenario().get();
            for (Problem p : ProblemScenarios.problems(s)) {
                String line = ProblemValues.describe(s, p);
                if (line.equals(p.toString()) || line.startsWith(p.path() + ":")) {
                    bare.add(line);
                }
            }
        }
        assertEquals(List.of(), bare);
    }

    /** Each row of the table of shapes is reached by a real validator above, so none is a guess. */
    @Test
    void everyShapeInTheTableIsOneAValidatorWrites() {
        Set<String> reached = new HashSet<>();
        for (ProblemShapes.Shape shape : shapes()) {
            ProblemPlace place = ProblemValues.placeOf(shape.path());
            assertNotNull(place, shape.path());
            reached.add(place.shape());
        }
        List<String> unreached = ProblemValues.PLACES.stream().map(ProblemPlace::shape).filter(p -> !reached.contains(p)).toList();
        assertEquals(List.of(), unreached);
    }
}
