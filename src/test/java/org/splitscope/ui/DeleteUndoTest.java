package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.model.Scenario;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Deleting from the topology, and undo and redo: no exception reaches the user, each deletion is
 * one undo step, and what the window shows (selection, property sheet, stage choosers) follows.
 */
@ExtendWith(ApplicationExtension.class)
class DeleteUndoTest {
    private MainWindow window;
    private final List<Throwable> uncaught = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @AfterEach
    void noCrash() {
        assertTrue(uncaught.isEmpty(), () -> "uncaught on the FX thread: " + uncaught);
    }

    private ScenarioDocument document() {
        return window.explorer().document();
    }

    private TopologyEditor editor() {
        return window.explorer().topologyEditor();
    }

    @Test
    void deletingTheSelectedLinkWithTheDeleteKeyIsOneUndoStep(FxRobot robot) {
        Scenario before = document().getScenario();
        robot.interact(() -> editor().select(Selection.link("end-edge")));
        robot.clickOn("#topology-view");
        robot.interact(() -> editor().select(Selection.link("end-edge")));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, document().getScenario().topology().links().size());
        assertNull(editor().selectionProperty().get());
        assertTrue(robot.lookup("#property-sheet .label").match(n -> "Bandwidth (Mb/s)".equals(
                ((javafx.scene.control.Label) n).getText())).tryQuery().isEmpty(), "the sheet no longer shows the link");
        robot.interact(document()::undo);
        assertEquals(before, document().getScenario());
    }

    @Test
    void theDeleteKeyInAFieldOfTheSheetDeletesTextNotTheLink(FxRobot robot) {
        robot.interact(() -> editor().select(Selection.link("end-edge")));
        var field = robot.lookup("#field-bandwidth-mb-s-").queryAs(javafx.scene.control.TextField.class);
        String before = field.getText();
        robot.interact(() -> {
            field.requestFocus();
            field.positionCaret(0);
        });
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, document().getScenario().topology().links().size(), "the link is still there");
        assertEquals(before.substring(1), field.getText(), "the key deleted the first character of " + before);
    }

    @Test
    void deletingANodeWhileOneOfItsLinksIsSelectedDoesNotCrash(FxRobot robot) {
        Scenario before = document().getScenario();
        robot.interact(() -> editor().select(Selection.link("edge-cloud")));
        TestWindows.contextMenu(robot, "#node-cloud");
        robot.clickOn("Delete node");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(document().getScenario().topology().node("cloud"));
        assertNull(editor().selectionProperty().get());
        robot.interact(document()::undo);
        assertEquals(before, document().getScenario());
    }

    @Test
    void everyKindOfDeletionIsOneStepAndLeavesNothingSelectedThatIsGone(FxRobot robot) {
        Scenario start = document().getScenario();
        // the source, the sink, the last node of a tier, a link, a node with a stage
        Map<String, Consumer<TopologyEditor>> deletions = Map.of(
                "source", e -> e.deleteNode("end"),
                "last of tier 2", e -> e.deleteNode("cloud"),
                "link", e -> e.deleteLink("edge-cloud"),
                "selected node", e -> {
                    e.select(Selection.node("edge"));
                    e.deleteSelected();
                },
                "selected link", e -> {
                    e.select(Selection.link("end-edge"));
                    e.deleteSelected();
                });
        for (var d : deletions.entrySet()) {
            robot.interact(() -> d.getValue().accept(editor()));
            assertTrue(document().getScenario() != start, d.getKey() + " deleted something");
            Selection sel = editor().selectionProperty().get();
            assertTrue(sel == null || exists(document().getScenario(), sel), d.getKey() + ": selection exists");
            robot.interact(document()::undo);
            assertEquals(start, document().getScenario(), d.getKey() + " is undone in one step");
        }
    }

    private static boolean exists(Scenario s, Selection sel) {
        return sel.kind() == Selection.Kind.NODE ? s.topology().node(sel.id()) != null
                : s.topology().links().stream().anyMatch(l -> l.id().equals(sel.id()));
    }

    @Test
    void afterDeletingANodeThatRunsAStageAndUndoingEveryStageChooserShowsItsNode(FxRobot robot) {
        for (String gone : List.of("end", "edge", "cloud")) {
            robot.interact(() -> editor().deleteNode(gone));
            assertChoosersShowTheirStagesNodes(robot, "after deleting " + gone);
            robot.interact(document()::undo);
            WaitForAsyncUtils.waitForFxEvents();
            assertChoosersShowTheirStagesNodes(robot, "after undoing the deletion of " + gone);
        }
    }

    private void assertChoosersShowTheirStagesNodes(FxRobot robot, String when) {
        var stages = document().getScenario().plan().stages();
        for (int k = 0; k < stages.size(); k++) {
            ComboBox<?> chooser = robot.lookup("#stage-node-" + k).queryAs(ComboBox.class);
            assertEquals(stages.get(k).node(), chooser.getValue(), when);
            assertEquals(stages.get(k).node(), buttonCellText(chooser), when + ": chooser " + k + " shows its node");
        }
    }

    /** What the closed chooser shows: the text of its button cell (the list cell that is its own child). */
    private static String buttonCellText(ComboBox<?> chooser) {
        return chooser.lookupAll(".list-cell").stream().filter(n -> n.getParent() == chooser)
                .map(n -> String.valueOf(((ListCell<?>) n).getText())).findFirst().orElseThrow();
    }

    @Test
    void redoAnswersBothCtrlYAndCtrlShiftZ(FxRobot robot) {
        double before = document().getScenario().topology().links().get(0).bandwidthBps();
        robot.interact(() -> editor().setLinkBandwidth("end-edge", 5e6));
        robot.clickOn("#topology-view");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, document().getScenario().topology().links().get(0).bandwidthBps());
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5e6, document().getScenario().topology().links().get(0).bandwidthBps(), "Ctrl+Y redoes");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5e6, document().getScenario().topology().links().get(0).bandwidthBps(), "Ctrl+Shift+Z redoes");
    }
}
