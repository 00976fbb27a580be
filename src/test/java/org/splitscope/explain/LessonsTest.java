package org.splitscope.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.io.LessonFiles;
import org.splitscope.io.Loaded;
import org.splitscope.model.LessonGoal;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/** The bundled lessons: they read, their starting plan has work left to do, and the optimizer proves every goal reachable. */
class LessonsTest {
    static Stream<Path> lessons() throws Exception {
        return Files.list(Path.of("sample-scenarios", "lessons")).filter(p -> p.toString().endsWith(LessonFiles.SUFFIX)).sorted();
    }

    @Test
    void atLeastThreeLessonsShip() throws Exception {
        assertTrue(lessons().count() >= 3);
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void startsUnmetAndItsSolutionMeetsEveryGoal(Path file) {
        Loaded<LessonFiles.StartedLesson> loaded = LessonFiles.read(file);
        assertTrue(loaded.isOk(), loaded.problems().toString());
        var lesson = loaded.value().lesson();
        var scenario = loaded.value().scenario();
        assertFalse(LessonProgress.done(LessonProgress.of(lesson, Evaluator.evaluate(scenario))), "nothing to do in " + file);
        assertTrue(lesson.solution() != null, "every bundled lesson carries a solution");
        var solved = LessonProgress.of(lesson, Evaluator.evaluate(scenario.withPlan(lesson.solution())));
        assertTrue(LessonProgress.done(solved), file + " solution: " + solved);
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void optimizerReachesTheGoalsToo(Path file) {
        var loaded = LessonFiles.read(file).orElseThrow();
        var lesson = loaded.lesson();
        var scenario = loaded.scenario();
        LessonGoal first = lesson.goals().get(0);

        // search for the first goal's metric under the others as constraints; the winner must meet them all
        SearchRequest request = SearchRequest.of(scenario, objective(first.metric()));
        var c = request.constraints();
        for (LessonGoal g : lesson.goals().subList(1, lesson.goals().size())) {
            c = switch (g.metric()) {
                case ACCURACY -> c.withAccuracyFloor(g.atLeast());
                case MEAN_LATENCY_MS -> c.withLatencySlo(g.atMost() / 1e3);
                case COST_USD_PER_MILLION -> c.withBudget(g.atMost() / 1e6);
                default -> throw new AssertionError("no constraint for " + g.metric());
            };
        }
        Metrics best = new ExactChainSearch(request.withConstraints(c)).top(1, Progress.NONE, CancellationToken.none()).get(0).metrics();
        var states = LessonProgress.of(lesson, best);
        assertTrue(LessonProgress.done(states), file + ": " + states);
    }

    private static Objective objective(LessonGoal.Metric metric) {
        return switch (metric) {
            case MEAN_LATENCY_MS -> Objective.MEAN_LATENCY;
            case P95_LATENCY_MS -> Objective.P95_LATENCY;
            case ACCURACY -> Objective.ACCURACY;
            case THROUGHPUT_PER_SECOND -> Objective.THROUGHPUT;
            case COST_USD_PER_MILLION -> Objective.COST;
        };
    }

    @Test
    void goalLinesShowThePlansOwnFigure() {
        var loaded = LessonFiles.read(Path.of("sample-scenarios", "lessons", "offload-or-not.lesson.json")).orElseThrow();
        Metrics m = Evaluator.evaluate(loaded.scenario());
        var state = LessonProgress.of(loaded.lesson(), m).get(0);
        assertEquals(m.meanLatency() * 1e3, state.value(), 1e-9);
        assertFalse(state.met());
        assertTrue(state.line().equals("mean latency at most 200 ms: now 540 ms"), state.line());
    }

    @Test
    void badLessonsNameTheField(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("sample-scenarios", "lessons", "offload-or-not.json"), dir.resolve("s.json"));
        List<String[]> cases = List.of(
                new String[] {"\"goals\": []", "goals"},
                new String[] {"\"goals\": [{\"metric\": \"meanLatencyMs\", \"atMost\": 1, \"atLeast\": 0}]", "goals[0]"},
                new String[] {"\"goals\": [{\"metric\": \"accuracy\", \"atLeast\": 85}]", "goals[0].atLeast"},
                new String[] {"\"goals\": [{\"metric\": \"latency\", \"atMost\": 1}]", "goals[0].metric"},
                new String[] {"\"goalz\": []", "goalz"});
        for (String[] c : cases) {
            Path f = dir.resolve("l.lesson.json");
            Files.writeString(f, "{\"formatVersion\": 1, \"title\": \"t\", \"scenarioFile\": \"s.json\", \"introduction\": \"i\","
                    + " \"task\": \"do\", " + c[0] + "}");
            var loaded = LessonFiles.read(f);
            assertFalse(loaded.isOk(), c[0]);
            assertTrue(loaded.problems().stream().anyMatch(p -> p.path().startsWith(c[1])), c[0] + " -> " + loaded.problems());
        }
        Path outside = dir.resolve("o.lesson.json");
        Files.writeString(outside, "{\"formatVersion\": 1, \"title\": \"t\", \"scenarioFile\": \"../s.json\", \"introduction\": \"i\","
                + " \"task\": \"do\", \"goals\": [{\"metric\": \"accuracy\", \"atLeast\": 0.5}]}");
        assertTrue(LessonFiles.read(outside).problems().get(0).message().contains("lesson's folder"));
    }
}
