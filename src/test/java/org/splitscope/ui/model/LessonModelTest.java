package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.io.LessonFiles;
import org.splitscope.zoo.SampleScenarios;

/** A lesson's goals follow the plan on screen; the solution is one undoable step; bundled lessons all load. */
class LessonModelTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
    private final LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
    private final TopologyEditor topology = new TopologyEditor(doc, metrics);
    private final LessonModel lessons = new LessonModel(doc, metrics);

    @Test
    void goalsFollowThePlanAndTheSolutionIsUndoable() {
        lessons.start(BundledLessons.load("early-exits").orElseThrow());
        assertEquals("Lesson 2: early exits trade accuracy for latency", lessons.lessonProperty().get().title());
        assertEquals(2, lessons.goalsProperty().size());
        assertFalse(lessons.doneProperty().get());
        assertFalse(doc.isDirty(), "a lesson opens as a fresh document");

        lessons.showSolution();
        assertTrue(lessons.doneProperty().get(), lessons.goalsProperty().toString());
        doc.undo();
        assertFalse(lessons.doneProperty().get());
        doc.redo();
        assertTrue(lessons.doneProperty().get());

        lessons.showHint();
        assertTrue(lessons.hintShownProperty().get());
        lessons.close();
        assertTrue(lessons.goalsProperty().isEmpty());
        assertFalse(lessons.doneProperty().get());
    }

    @Test
    void goalsAreNotJudgedOnAnInvalidScenario() {
        lessons.start(BundledLessons.load("offload-or-not").orElseThrow());
        assertTrue(lessons.checkableProperty().get());
        topology.setLinkBandwidth("phone-edge", -1);
        assertFalse(lessons.checkableProperty().get());
        assertTrue(lessons.goalsProperty().isEmpty(), "no goal is ticked from stale figures");
        doc.undo();
        assertEquals(1, lessons.goalsProperty().size());
    }

    @Test
    void eachBundledLessonPointsAtTheChartItsTextNames() {
        lessons.start(BundledLessons.load("offload-or-not").orElseThrow());
        assertEquals("breakdown", lessons.pointedChartProperty().get(), "the task: watch the latency breakdown");
        lessons.start(BundledLessons.load("pipelining").orElseThrow());
        assertEquals("utilization", lessons.pointedChartProperty().get(), "the task: watch the utilization chart");
        lessons.start(BundledLessons.load("early-exits").orElseThrow());
        assertEquals(null, lessons.pointedChartProperty().get(), "the task names no chart");
        lessons.showHint();
        assertEquals("sweep", lessons.pointedChartProperty().get(), "the hint names the threshold sweep");
        lessons.close();
        assertEquals(null, lessons.pointedChartProperty().get());
    }

    @Test
    void theChartNamedFirstIsTheOnePointedAt() {
        assertEquals("cdf", LessonModel.chartNamedIn("See the Latency distribution, then the utilization chart."));
        assertEquals("sweep", LessonModel.chartNamedIn("the 'accuracy vs latency as thresholds sweep' chart"));
        assertEquals(null, LessonModel.chartNamedIn("Drag the cut on the strip."));
        assertEquals(null, LessonModel.chartNamedIn(null));
    }

    @Test
    void theBundledListIsTheLessonsFolder() throws Exception {
        try (var files = Files.list(Path.of("sample-scenarios", "lessons"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(LessonFiles.SUFFIX))
                    .map(n -> n.substring(0, n.length() - LessonFiles.SUFFIX.length())).sorted().toList();
            assertEquals(names, BundledLessons.NAMES.stream().sorted().toList());
        }
        for (String name : BundledLessons.NAMES) {
            assertTrue(BundledLessons.load(name).isOk(), name + ": " + BundledLessons.load(name).problems());
        }
    }
}
