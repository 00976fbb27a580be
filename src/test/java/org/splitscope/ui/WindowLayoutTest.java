package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.ui.view.ChartsView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A low window keeps every tier of the topology in view and each chart readable: the Charts tab
 * fills its space, and scrolls rather than squeeze a chart below a readable height.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    @Test
    void aLowWindowScrollsTheChartsAndATallOneFillsWithThem(FxRobot robot) {
        TestWindows.restoringSize(robot, stage, () -> lowAndTall(robot));
    }

    private void lowAndTall(FxRobot robot) {
        ScrollPane scroll = robot.lookup("#charts-scroll").queryAs(ScrollPane.class);
        TestWindows.resize(robot, stage, 1280, 700);
        Region topology = robot.lookup("#topology-view").queryAs(Region.class);
        Bounds view = topology.localToScene(topology.getLayoutBounds());
        for (Node glyph : robot.lookup(".node-glyph").queryAll()) {
            assertTrue(view.contains(glyph.localToScene(glyph.getBoundsInLocal())), "every node in view (the canvas zooms to fit)");
        }
        double least = 2 * ChartsView.MIN_CHART_HEIGHT;
        assertTrue(scroll.getViewportBounds().getHeight() < least, "the tab is lower than two charts: "
                + scroll.getViewportBounds().getHeight());
        assertEquals(window.charts().minHeight(-1), window.charts().getHeight(), 0.5, "the charts keep their least height");
        for (javafx.scene.Node chart : window.charts().getChildren()) {
            assertTrue(chart.getLayoutBounds().getHeight() >= ChartsView.MIN_CHART_HEIGHT - 0.5,
                    "each chart keeps its least height: " + chart.getLayoutBounds().getHeight());
        }

        TestWindows.resize(robot, stage, 1440, 1300);
        double viewport = scroll.getViewportBounds().getHeight();
        assertTrue(viewport > least, "the tab is taller than two charts: " + viewport);
        assertEquals(viewport, window.charts().getHeight(), 0.5, "the charts fill the tab");
    }
}
