package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.chart.Formats;
import org.splitscope.model.Link;
import org.splitscope.ui.model.Selection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Building on the topology with the mouse and the property sheet, and the metrics that follow. */
@ExtendWith(ApplicationExtension.class)
class TopologyEditingTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    @Test
    void aNodeAndALinkAddedInTheEditorAndTheirBandwidthChangeTheLatency(FxRobot robot) {
        robot.clickOn("#add-node").clickOn("Edge server");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(window.explorer().document().getScenario().topology().node("edge2"));

        robot.press(KeyCode.SHIFT).drag("#node-edge2").dropTo("#node-end").release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        Link link = window.explorer().document().getScenario().topology().links().get(2);
        assertEquals("edge2", link.from());
        assertEquals("end", link.to());
        assertEquals(Selection.link(link.id()), window.explorer().topologyEditor().selectionProperty().get());

        ComboBox<?> stage2 = robot.lookup("#stage-node-1").queryAs(ComboBox.class);
        robot.interact(() -> ((ComboBox<String>) (ComboBox<?>) stage2).setValue("edge2"));
        robot.interact(() -> window.explorer().topologyEditor().select(Selection.link(link.id())));
        String before = TestWindows.text(robot, "#expected-latency");
        assertEquals(Formats.ms(TestWindows.evaluated(window).latency().mean()), before);

        TextField bandwidth = TestWindows.sheetField(robot, "Bandwidth (Mb/s)");
        robot.doubleClickOn(bandwidth).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("2").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2e6, window.explorer().document().getScenario().topology().links().get(2).bandwidthBps());
        String after = TestWindows.text(robot, "#expected-latency");
        assertNotEquals(before, after);
        assertEquals(Formats.ms(TestWindows.evaluated(window).latency().mean()), after);
    }

    @Test
    void anInvalidEditIsShownOnTheElementAndInTheProblemsWhileTheFiguresGoGrey(FxRobot robot) {
        String shown = TestWindows.text(robot, "#expected-latency");
        robot.interact(() -> window.explorer().topologyEditor().setLinkBandwidth("end-edge", -1e6));
        Node link = robot.lookup("#link-end-edge").query();
        assertTrue(link.getStyleClass().contains("invalid"));
        assertTrue(robot.lookup("#link-end-edge .link-label").queryAs(Label.class).getText().contains("must be > 0"));
        assertTrue(robot.lookup("#problem-list").queryListView().getItems().stream()
                .anyMatch(p -> p.toString().equals("Link end-edge, bandwidth: must be > 0, got -1 Mb/s"
                        + " (topology.links[0].bandwidthBps)")), "the link and field by name, the value in the field's unit");
        assertEquals(shown, TestWindows.text(robot, "#expected-latency"), "the last valid figure stays");
        assertTrue(robot.lookup("#summary").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("stale")));
    }

    @Test
    void aStageDroppedOnANodeRunsThere(FxRobot robot) {
        robot.drag("#stage-label-1").dropTo("#node-cloud");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cloud", window.explorer().document().getScenario().plan().stages().get(1).node());
        assertEquals(Formats.ms(TestWindows.evaluated(window).latency().mean()),
                TestWindows.text(robot, "#expected-latency"));
    }

    @Test
    void deletingANodeLeavesItsStageAsAProblemUntilUndone(FxRobot robot) {
        TestWindows.contextMenu(robot, "#node-edge");
        robot.clickOn("Delete node");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.explorer().metrics().isStale());
        assertTrue(robot.lookup("#problem-list").queryListView().getItems().stream()
                .anyMatch(p -> p.toString().startsWith("Stage 2, node: ") && p.toString().endsWith("(plan.stages[1].node)")));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#node-edge").tryQuery().isPresent());
        assertTrue(!window.explorer().metrics().isStale());
    }
}
