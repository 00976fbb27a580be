package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.ui.view.WindowLayout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1280x720 a new user's lower tabs each get {@link WindowLayout#ROOM_FOR_TABS} of height, with
 * their buttons, tables and charts in view (they had 178 px, Testbed's settings cut off by the
 * status bar); a low window (1024x600) squeezes no region below its least height; and resizing the
 * window leaves each region its share (the strip used to take every pixel the window gained).
 */
@ExtendWith(ApplicationExtension.class)
class LowerTabsRoomTest {
    /** The controls a user needs in each tab, by id; every chart shown in a tab is checked as well. */
    private static final Map<String, List<String>> KEY_CONTROLS = Map.of(
            "tab-optimize", List.of("#optimize-run", "#optimize-table", "#optimize-apply"),
            "tab-whatif", List.of("#whatif-objective", "#whatif-reset", "#whatif-apply", "#whatif-table",
                    "#whatif-apply-plan"),
            "tab-compare", List.of("#snapshot-pin", "#snapshot-list", "#compare-a", "#compare-b", "#compare-table"),
            "tab-testbed", List.of("#testbed-model-file", "#testbed-run", "#testbed-cancel", "#testbed-table"));
    /** A chart lower than this shows its title and axes but hardly a plot. */
    private static final double LEAST_CHART = 120;

    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    @Test
    void at1280x720EveryLowerTabHasRoomAndItsControlsAreInView(FxRobot robot) {
        TestWindows.restoringSize(robot, stage, () -> {
            TestWindows.resize(robot, stage, 1280, 720);
            TabPane tabs = tabs();
            for (Tab tab : tabs.getTabs()) {
                select(robot, tab);
                Region content = (Region) tab.getContent();
                assertTrue(content.getHeight() >= WindowLayout.ROOM_FOR_TABS - 0.5,
                        tab.getText() + " has " + content.getHeight() + " px of height");
                Bounds shown = visible(content);
                assertTrue(shown.getHeight() >= WindowLayout.ROOM_FOR_TABS - 0.5, tab.getText() + " is cut off: " + shown);
                List<Node> needed = new ArrayList<>();
                KEY_CONTROLS.getOrDefault(String.valueOf(tab.getId()), List.of()).forEach(id -> needed.add(content.lookup(id)));
                if (!"charts-scroll".equals(content.getId())) { // the Charts tab scrolls its rows, below
                    charts(content).forEach(needed::add);
                }
                for (Node n : needed) {
                    assertTrue(n != null, tab.getText() + " lacks a control");
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    assertTrue(b.getHeight() > 0 && shown.contains(b), tab.getText() + ": " + n.getId()
                            + " at " + b + " is not in view in " + shown);
                }
            }
            // the Charts tab shows its first row of charts whole
            Node first = window.charts().getChildren().get(0);
            select(robot, tabs.getTabs().get(0));
            assertTrue(visible((Region) tabs.getTabs().get(0).getContent()).contains(first.localToScene(first.getLayoutBounds())));
        });
    }

    @Test
    void aLowWindowSqueezesNoRegionAndAResizeKeepsTheShares(FxRobot robot) {
        TestWindows.restoringSize(robot, stage, () -> {
            TestWindows.resize(robot, stage, 1280, 720);
            SplitPane main = (SplitPane) window.scene().lookup("#main-split");
            double[] at720 = main.getDividerPositions();
            TestWindows.resize(robot, stage, 1920, 1080);
            TestWindows.resize(robot, stage, 1024, 600);
            for (Node item : main.getItems()) {
                Region r = (Region) item;
                assertTrue(r.getHeight() > 0 && r.getHeight() >= r.minHeight(r.getWidth()) - 0.5,
                        "a region of " + r.getHeight() + " px, its least " + r.minHeight(r.getWidth()));
            }
            TabPane tabs = tabs();
            for (Tab tab : tabs.getTabs()) {
                select(robot, tab);
                Region content = (Region) tab.getContent();
                assertTrue(visible(content).getHeight() >= WindowLayout.LEAST_TAB_CONTENT - 0.5,
                        tab.getText() + " shows " + visible(content).getHeight() + " px at 1024x600");
            }
            select(robot, tabs.getTabs().get(0));
            TestWindows.resize(robot, stage, 1280, 720);
            assertArrayEquals(at720, main.getDividerPositions(), 0.002, "back at 1280x720, the same dividers");
        });
    }

    private TabPane tabs() {
        return (TabPane) window.scene().lookup("#results-tabs");
    }

    private static void select(FxRobot robot, Tab tab) {
        robot.interact(() -> tab.getTabPane().getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The part of a tab's content the tab pane and the window show: the tab pane clips what is lower. */
    private Bounds visible(Region content) {
        Region area = (Region) content.getParent();
        Bounds clip = area.localToScene(area.getLayoutBounds());
        Bounds own = content.localToScene(content.getLayoutBounds());
        double top = Math.max(clip.getMinY(), own.getMinY());
        double bottom = Math.min(Math.min(clip.getMaxY(), own.getMaxY()), window.scene().getHeight());
        return new javafx.geometry.BoundingBox(own.getMinX(), top, own.getWidth(), Math.max(0, bottom - top));
    }

    /** The charts on screen in a tab (not those on a page of a tab that is not selected), each at least readable. */
    private static List<Node> charts(Region content) {
        List<Node> shown = new ArrayList<>();
        for (Node c : content.lookupAll(".chart-pane")) {
            if (treeVisible(c)) {
                assertTrue(c.getLayoutBounds().getHeight() >= LEAST_CHART, c.getId() + " is "
                        + c.getLayoutBounds().getHeight() + " px high");
                shown.add(c);
            }
        }
        return shown;
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
