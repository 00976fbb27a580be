package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.explain.Explanation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Teaching mode in the window: a lesson from the Help menu, its goals ticked live, the explanation, presentation fonts. */
@ExtendWith(ApplicationExtension.class)
class TeachingModeTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    @Test
    void aLessonFromTheMenuShowsItsTaskAndTicksGoalsAsThePlanChanges(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("#menu-lessons").clickOn("Lesson 2: early exits trade accuracy for latency");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lesson-panel").query().isVisible(), "the lesson opens beside the results");
        assertTrue(TestWindows.text(robot, ".lesson-task").startsWith("Enable exit1"));
        assertEquals(2, robot.lookup(".goal-unmet").queryAll().size() + robot.lookup(".goal-met").queryAll().size());
        assertTrue(robot.lookup(".lesson-takeaway").query().isVisible() == false);

        robot.clickOn("#lesson-solution-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.lookup(".goal-met").queryAll().size());
        assertTrue(robot.lookup(".lesson-takeaway").query().isVisible());
        assertEquals(window.explorer().lessons().lessonProperty().get().solution(),
                window.explorer().document().getScenario().plan());

        robot.clickOn("#expected-latency").press(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup(".lesson-takeaway").query().isVisible(), "undo takes the solution back");
    }

    @Test
    void theLessonBringsForwardTheChartItsTaskAndHintPointAt(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#results-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("Help").clickOn("#menu-lessons").clickOn("Lesson 1: offload or not");
        WaitForAsyncUtils.waitForFxEvents();
        assertInSightBesideTheLesson(robot, tabs, "#chart-breakdown");

        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("Help").clickOn("#menu-lessons").clickOn("Lesson 2: early exits trade accuracy for latency");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "the task names no chart: the tabs stay");
        robot.clickOn("#lesson-hint-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertInSightBesideTheLesson(robot, tabs, "#chart-sweep");
    }

    /** The chart's tab is selected, the chart lies inside the scrolled viewport, and the lesson panel is on screen too. */
    private static void assertInSightBesideTheLesson(FxRobot robot, TabPane tabs, String chart) {
        assertEquals("Charts", tabs.getSelectionModel().getSelectedItem().getText());
        Node pane = robot.lookup(chart).query();
        javafx.scene.control.ScrollPane scroll = robot.lookup("#charts-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.geometry.Bounds view = scroll.localToScreen(scroll.getBoundsInLocal());
        javafx.geometry.Bounds seen = pane.localToScreen(pane.getBoundsInLocal());
        assertTrue(seen.getMinY() >= view.getMinY() - 1 && seen.getMinY() < view.getMaxY() - 20, chart + " " + seen + " in " + view);
        Node lesson = robot.lookup("#lesson-panel").query();
        javafx.geometry.Bounds beside = lesson.localToScreen(lesson.getBoundsInLocal());
        assertTrue(lesson.isVisible() && beside.getWidth() > 100, "the lesson stays in sight");
        assertFalse(beside.intersects(seen), "the lesson does not cover the chart");
    }

    @Test
    void theExplainTabShowsThePlansFormulaAndFollowsEdits(FxRobot robot) throws Exception {
        robot.clickOn("#tab-explain .tab-label");
        WaitForAsyncUtils.waitForFxEvents();
        String expected = new Explanation(window.explorer().document().getScenario(), TestWindows.evaluated(window))
                .sections().get(0).lines().get(1);
        assertTrue(robot.lookup(".explain-text").queryAll().stream().map(n -> ((Label) n).getText())
                .anyMatch(t -> t.contains(expected)), expected);
        assertTrue(robot.lookup(".panel-heading").queryAll().stream().filter(Node::isVisible)
                .anyMatch(n -> ((Label) n).getText().equals("Where to cut (DNNSplit)")));
    }

    @Test
    void presentationModeEnlargesTheFonts(FxRobot robot) {
        Label title = robot.lookup(".figure-title").queryAs(Label.class);
        double before = title.getFont().getSize();
        robot.clickOn("View").clickOn("#menu-presentation");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(title.getFont().getSize() > before * 1.3, before + " -> " + title.getFont().getSize());
        robot.clickOn("View").clickOn("#menu-presentation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, title.getFont().getSize(), 1e-9);
    }
}
