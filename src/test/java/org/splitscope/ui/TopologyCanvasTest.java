package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.QuadCurve;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.model.NodePlace;
import org.splitscope.ui.model.NodeKind;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;
import org.splitscope.ui.view.TopologyView;
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

    private TopologyView view(FxRobot robot) {
        return robot.lookup("#topology-view").queryAs(TopologyView.class);
    }

    private TopologyEditor editor() {
        return window.explorer().topologyEditor();
    }

    private static Point2D centre(Node n) {
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    private static double screenWidth(Node n) {
        return n.localToScreen(n.getBoundsInLocal()).getWidth();
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

    @Test
    void theWheelZoomsAroundThePointerAndTheKeysZoomAndFit(FxRobot robot) {
        TopologyView view = view(robot);
        Node edge = robot.lookup("#node-edge").query();
        double fitted = view.zoom();
        double width = screenWidth(edge);
        Point2D at = centre(edge).add(20, 10);
        robot.moveTo(at).scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = view.zoom();
        assertTrue(zoomed != fitted, "the wheel zooms: " + fitted + " -> " + zoomed);
        assertEquals(width * zoomed / fitted, screenWidth(edge), 1, "the node is drawn at the new zoom");
        assertEquals(at.getX() - 20 * zoomed / fitted, centre(edge).getX(), 2, "the point under the pointer stays there");
        assertEquals(at.getY() - 10 * zoomed / fitted, centre(edge).getY(), 2);

        Bounds area = view.localToScreen(view.getLayoutBounds());
        robot.clickOn(new Point2D(area.getMaxX() - 10, area.getMaxY() - 10)); // the keys go to the canvas once it is clicked
        robot.type(KeyCode.ADD);
        assertEquals(zoomed * 1.25, view.zoom(), 1e-9, "+ zooms in");
        robot.type(KeyCode.MINUS).type(KeyCode.MINUS);
        assertEquals(zoomed / 1.25, view.zoom(), 1e-9, "- zooms out");
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted, view.zoom(), 1e-9, "0 fits the drawing again");
        assertEquals(width, screenWidth(edge), 0.5);
    }

    @Test
    void underZoomADraggedNodeMovesAsFarAsThePointerInTheDrawingAndOneUndoTakesItBack(FxRobot robot) {
        TopologyView view = view(robot);
        robot.interact(view::zoomIn);
        robot.interact(view::zoomIn);
        double zoom = view.zoom();
        NodePlace before = editor().view().place("edge");
        robot.drag("#node-edge").moveBy(40, 0).moveBy(60, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        NodePlace after = editor().view().place("edge");
        assertEquals(before.x() + 100 / zoom, after.x(), 1.5, "100 px on screen at zoom " + zoom);
        assertEquals(before.y(), after.y(), 1.5);
        assertEquals(1, window.explorer().document().getScenario().topology().node("edge").tier());
        robot.interact(window.explorer().document()::undo);
        assertEquals(before, editor().view().place("edge"), "the whole drag was one step");
    }

    @Test
    void zoomedOutAShiftDragStillLinksAndAClickOnALinksMiddleSelectsIt(FxRobot robot) {
        TopologyView view = view(robot);
        robot.interact(() -> editor().addNode(NodeKind.END_DEVICE));
        robot.interact(view::zoomOut);
        robot.interact(view::zoomOut);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.SHIFT).drag("#node-device").dropTo("#node-cloud").release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.explorer().document().getScenario().topology().links().stream()
                .anyMatch(l -> l.from().equals("device") && l.to().equals("cloud")), "linked at zoom " + view.zoom());

        robot.interact(() -> editor().select(null));
        QuadCurve hit = robot.lookup("#link-edge-cloud .link-hit").queryAs(QuadCurve.class);
        Point2D middle = hit.localToScreen(0.25 * hit.getStartX() + 0.5 * hit.getControlX() + 0.25 * hit.getEndX(),
                0.25 * hit.getStartY() + 0.5 * hit.getControlY() + 0.25 * hit.getEndY());
        robot.clickOn(middle);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Selection.link("edge-cloud"), editor().selectionProperty().get());
    }

    @Test
    void draggingEmptySpaceOrWithTheMiddleButtonPansTheDrawing(FxRobot robot) {
        TopologyView view = view(robot);
        Node edge = robot.lookup("#node-edge").query();
        Bounds area = view.localToScreen(view.getLayoutBounds());
        Point2D empty = new Point2D(area.getMaxX() - 15, area.getMinY() + 30);
        Point2D before = centre(edge);
        robot.drag(empty, MouseButton.PRIMARY).moveBy(-30, 0).moveBy(-50, 25).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before.getX() - 80, centre(edge).getX(), 1.5);
        assertEquals(before.getY() + 25, centre(edge).getY(), 1.5);
        assertEquals(null, editor().selectionProperty().get(), "a pan selects nothing");

        Point2D panned = centre(edge);
        robot.drag(panned, MouseButton.MIDDLE).moveBy(20, 0).moveBy(20, -10).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(panned.getX() + 40, centre(edge).getX(), 1.5, "the middle button pans from a node too");
        assertEquals(panned.getY() - 10, centre(edge).getY(), 1.5);
        assertEquals(1, window.explorer().document().getScenario().topology().node("edge").tier());
    }
}
