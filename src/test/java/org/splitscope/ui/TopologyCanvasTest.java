package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The topology canvas: its hint, zoom and pan, and gestures that still land where the pointer is. */
@ExtendWith(ApplicationExtension.class)
class TopologyCanvasTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    @Test
    void leavingPresentationModeShowsTheTopologyHintAgain(FxRobot robot) {
        Label hint = robot.lookup("#topology-hint").queryAs(Label.class);
        assertTrue(shown(hint), "the hint is on screen to begin with");
        robot.interact(() -> window.explorer().presentationProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.explorer().presentationProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shown(hint), "the hint is back after presentation mode");
    }

    /** Visible, with every ancestor, and inside the window. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return n.getScene() != null && b.getWidth() > 0 && b.getMinX() >= 0 && b.getMaxX() <= n.getScene().getWidth() + 0.5;
    }
}
