package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.ui.model.LayoutMemory;
import org.splitscope.ui.view.WindowLayout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's regions: dividers the user moved are where they were after a restart; a hidden
 * region comes back where it was; the lower tabs fill the window and give the space back.
 */
@ExtendWith(ApplicationExtension.class)
class WindowRegionsTest {
    private static final double CLOSE = 0.005;
    private final Preferences prefs = Preferences.userRoot().node("org/splitscope/ui-test-regions");
    private Stage stage;

    @BeforeEach
    void forgetBefore() throws BackingStoreException {
        prefs.node("layout").clear();
    }

    @AfterEach
    void close(FxRobot robot) throws BackingStoreException {
        if (stage != null) {
            robot.interact(stage::close);
        }
        prefs.removeNode();
    }

    private MainWindow open(FxRobot robot) {
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            stage = new Stage();
            window[0] = TestWindows.show(stage, prefs);
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return window[0];
    }

    private static SplitPane split(MainWindow w, String id) {
        return (SplitPane) w.scene().lookup("#" + id);
    }

    /** Drags a split pane's own divider (not one of a split pane inside it) by dx, dy. */
    private static void drag(FxRobot robot, SplitPane split, int index, double dx, double dy) {
        Node divider = split.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider")).toList().get(index);
        robot.drag(divider, MouseButton.PRIMARY).moveBy(dx, dy).drop();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void dividersTheUserMovedAreWhereTheyWereInTheNextRun(FxRobot robot) {
        MainWindow first = open(robot);
        double[] defaults = split(first, "main-split").getDividerPositions();
        drag(robot, split(first, "main-split"), 0, 0, 40);
        drag(robot, split(first, "main-split"), 1, 0, 60);
        drag(robot, split(first, "editor-split"), 0, -150, 0);
        drag(robot, split(first, "side-split"), 0, 0, 30);
        double[] moved = split(first, "main-split").getDividerPositions();
        double editor = split(first, "editor-split").getDividerPositions()[0];
        double side = split(first, "side-split").getDividerPositions()[0];
        assertTrue(moved[0] > defaults[0] + 0.03 && moved[1] > defaults[1] + 0.05, "the drags moved the dividers: "
                + java.util.Arrays.toString(moved));
        assertTrue(editor < LayoutMemory.EDITOR_SPLIT - 0.05, "the editor's divider moved: " + editor);
        robot.interact(stage::close);

        MainWindow second = open(robot);
        assertArrayEquals(moved, split(second, "main-split").getDividerPositions(), CLOSE);
        assertEquals(editor, split(second, "editor-split").getDividerPositions()[0], CLOSE);
        assertEquals(side, split(second, "side-split").getDividerPositions()[0], CLOSE);

        robot.interact(() -> second.layout().reset());
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(defaults, split(second, "main-split").getDividerPositions(), CLOSE, "Reset layout");
    }

    /**
     * The room a new user's lower tabs get at 1280x720 is a default, not a rule: a user who drags
     * them lower finds them so in the next run. Dragged down to the window's bottom they keep one
     * chart's height.
     */
    @Test
    void tabsDraggedLowerStayLowButNeverLowerThanOneChart(FxRobot robot) {
        MainWindow first = open(robot);
        TabPane tabs = (TabPane) first.scene().lookup("#results-tabs");
        javafx.scene.layout.Region content = (javafx.scene.layout.Region) tabs.getSelectionModel().getSelectedItem().getContent();
        assertEquals(WindowLayout.ROOM_FOR_TABS, content.getHeight(), 1, "a new user's tabs at 1280x720");
        drag(robot, split(first, "main-split"), 1, 0, 60);
        double dragged = content.getHeight();
        assertTrue(dragged < WindowLayout.ROOM_FOR_TABS - 50, "the drag lowered the tabs to " + dragged);
        double[] moved = split(first, "main-split").getDividerPositions();
        robot.interact(stage::close);

        MainWindow second = open(robot);
        TabPane tabs2 = (TabPane) second.scene().lookup("#results-tabs");
        assertArrayEquals(moved, split(second, "main-split").getDividerPositions(), CLOSE, "the drag, not the room");
        assertEquals(dragged, ((javafx.scene.layout.Region) tabs2.getSelectionModel().getSelectedItem().getContent())
                .getHeight(), 1);
        drag(robot, split(second, "main-split"), 1, 0, 400);
        double least = ((javafx.scene.layout.Region) tabs2.getSelectionModel().getSelectedItem().getContent()).getHeight();
        assertTrue(least >= WindowLayout.LEAST_TAB_CONTENT - 0.5 && least < dragged, "dragged to the bottom: " + least);
    }

    @Test
    void aHiddenRegionComesBackWhereItWasAndIsRemembered(FxRobot robot) {
        MainWindow w = open(robot);
        SplitPane main = split(w, "main-split");
        List<Node> regions = List.copyOf(main.getItems());
        double[] before = main.getDividerPositions();
        LayoutMemory layout = w.explorer().layout();

        robot.press(KeyCode.ALT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.ALT); // View > Show model strip
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(layout.stripShownProperty().get());
        assertEquals(List.of(regions.get(1), regions.get(2)), main.getItems());
        robot.interact(() -> layout.summaryShownProperty().set(false));
        assertFalse(w.scene().lookup("#summary").isVisible());

        robot.interact(stage::close);
        MainWindow again = open(robot);
        SplitPane main2 = split(again, "main-split");
        assertEquals(2, main2.getItems().size(), "the strip stays hidden in the next run");
        assertFalse(again.scene().lookup("#summary").isVisible(), "and so does the summary");
        robot.interact(() -> {
            again.explorer().layout().stripShownProperty().set(true);
            again.explorer().layout().summaryShownProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, main2.getItems().size());
        assertTrue(again.scene().lookup("#summary").isVisible());
        assertArrayEquals(before, main2.getDividerPositions(), CLOSE, "the strip comes back with its share");
    }

    @Test
    void aLowerTabFillsTheWindowAndGivesTheSpaceBack(FxRobot robot) {
        MainWindow w = open(robot);
        SplitPane main = split(w, "main-split");
        List<Node> regions = List.copyOf(main.getItems());
        double[] before = main.getDividerPositions();
        TabPane tabs = (TabPane) w.scene().lookup("#results-tabs");
        double tabsHeight = tabs.getHeight();

        robot.doubleClickOn("#tab-optimize"); // Optimize
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-optimize", tabs.getSelectionModel().getSelectedItem().getId());
        assertEquals(List.of(regions.get(2)), main.getItems(), "the tabs alone");
        assertFalse(w.scene().lookup("#summary").isVisible());
        assertTrue(tabs.getHeight() > tabsHeight + 300, "the tabs grew from " + tabsHeight + " to " + tabs.getHeight());

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(regions, main.getItems());
        assertTrue(w.scene().lookup("#summary").isVisible());
        assertArrayEquals(before, main.getDividerPositions(), CLOSE);
        assertEquals(tabsHeight, tabs.getHeight(), 1);

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, main.getItems().size(), "Ctrl+Shift+M");
        robot.doubleClickOn("#tab-optimize");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(regions, main.getItems(), "a second double-click");
        assertArrayEquals(before, main.getDividerPositions(), CLOSE);
        assertSame(regions.get(0), main.getItems().get(0));
    }
}
