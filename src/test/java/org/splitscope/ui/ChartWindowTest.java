package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;

import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.chart.Formats;
import org.splitscope.perf.LatencyPart;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A chart opened in its own window stays live; zoom, pan and reset on the charts. */
@ExtendWith(ApplicationExtension.class)
class ChartWindowTest {
    private Stage main;
    private MainWindow window;

    /** On a stage of its own, so that the test may close the main window. */
    @Start
    void start(Stage primary) {
        main = new Stage();
        window = TestWindows.show(main);
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w != main && w.getScene() != null && w.getScene().getRoot().getId() != null
                        && w.getScene().getRoot().getId().startsWith("chart-window-"))
                .forEach(Window::hide));
        robot.interact(main::close);
    }

    private static ChartViewer viewerOf(Parent chartPane) {
        return (ChartViewer) chartPane.getChildrenUnmodifiable().get(0);
    }

    private ChartViewer viewer(FxRobot robot, String chart) {
        return viewerOf(robot.lookup("#chart-" + chart).queryAs(Parent.class));
    }

    private static void menu(FxRobot robot, ChartViewer viewer, String item) {
        javafx.geometry.Bounds b = viewer.localToScreen(viewer.getBoundsInLocal());
        robot.interact(() -> viewer.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                b.getWidth() / 2, b.getHeight() / 2, b.getCenterX(), b.getCenterY(), false, null)));
        robot.clickOn(item);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Stage chartWindow(String chart) {
        return (Stage) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && ("chart-window-" + chart).equals(w.getScene().getRoot().getId()))
                .findFirst().orElseThrow();
    }

    /** What the viewer's last drawing put under the mouse: each bar's tooltip. */
    private static List<String> tooltips(ChartViewer viewer) {
        List<String> out = new ArrayList<>();
        ChartRenderingInfo info = viewer.getRenderingInfo();
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof CategoryItemEntity c) {
                out.add(c.getToolTipText());
            }
        }
        return out;
    }

    /** The outcomes' stacked latencies, as each breakdown bar's tooltip gives them. */
    private static List<String> totals(Metrics m) {
        return m.outcomes().stream().map(Outcome::parts)
                .map(parts -> " of " + Formats.ms(parts.stream().mapToDouble(LatencyPart::seconds).sum())).toList();
    }

    @Test
    void aChartOpenedInItsOwnWindowFollowsThePlanAndClosesWithTheMainWindow(FxRobot robot) throws Exception {
        menu(robot, viewer(robot, "breakdown"), "Open in window");
        Stage own = chartWindow("breakdown");
        assertTrue(own.isShowing());
        ChartViewer copy = viewerOf(own.getScene().getRoot());
        assertTrue(copy.getWidth() > 600, "a window of its own size: " + copy.getWidth());
        List<String> before = tooltips(copy);
        for (String total : totals(TestWindows.evaluated(window))) {
            assertTrue(before.stream().anyMatch(t -> t.contains(total)), total + " in " + before);
        }

        int cut = window.explorer().document().getScenario().plan().cuts().get(0);
        robot.interact(() -> {
            window.explorer().planEditor().moveCut(0, cut - 4);
            window.explorer().planEditor().endGesture();
        });
        TestWindows.settle(window);
        Metrics after = TestWindows.evaluated(window);
        assertFalse(totals(after).stream().allMatch(total -> before.stream().anyMatch(t -> t.contains(total))),
                "the plan's latencies changed");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> totals(after).stream()
                .allMatch(total -> tooltips(copy).stream().anyMatch(t -> t.contains(total))));
        assertNotEquals(before, tooltips(copy), "the window drew the new plan");

        robot.interact(main::close);
        assertFalse(own.isShowing(), "closing the main window closed the chart's");
        assertNull(copy.getCanvas().getChart(), "and the closed viewer let go of the chart");
    }

    @Test
    void theWheelZoomsADragPansAndResetZoomPutsTheAxesBack(FxRobot robot) {
        ChartViewer cdf = viewer(robot, "cdf");
        XYPlot plot = (XYPlot) cdf.getChart().getPlot();
        Range start = plot.getDomainAxis().getRange();
        java.awt.geom.Rectangle2D area = cdf.getRenderingInfo().getPlotInfo().getDataArea();
        Point2D centre = cdf.getCanvas().localToScreen(area.getCenterX(), area.getCenterY());
        // an event's x and y are the scene's until it is dispatched to the canvas
        Point2D inScene = cdf.getCanvas().localToScene(area.getCenterX(), area.getCenterY());
        robot.interact(() -> cdf.getCanvas().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, inScene.getX(),
                inScene.getY(), centre.getX(), centre.getY(), false, false, false, false, false, false, 0, -40, 0, -40,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        Range zoomed = plot.getDomainAxis().getRange();
        assertTrue(zoomed.getLength() < start.getLength() * 0.99, start + " zoomed to " + zoomed);

        robot.drag(centre, MouseButton.PRIMARY).moveBy(-30, 0).moveBy(-30, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        Range panned = plot.getDomainAxis().getRange();
        assertTrue(panned.getLowerBound() > zoomed.getLowerBound(), zoomed + " panned to " + panned);
        assertEquals(zoomed.getLength(), panned.getLength(), 1e-6 * zoomed.getLength(), "a pan keeps the span");

        menu(robot, cdf, "Reset zoom");
        assertEquals(start, plot.getDomainAxis().getRange());
        assertEquals(new Range(0, 1.05), plot.getRangeAxis().getRange());
    }

    @Test
    void presentationModeEnlargesTheChartsTextAndLinesAndLeavingItRestoresThem(FxRobot robot) throws Exception {
        JFreeChart cdf = viewer(robot, "cdf").getChart();
        XYPlot plot = (XYPlot) cdf.getPlot();
        Font title = cdf.getTitle().getFont();
        Font ticks = plot.getDomainAxis().getTickLabelFont();
        Stroke line = plot.getRenderer().getSeriesStroke(0);
        JFreeChart pareto = viewer(robot, "pareto").getChart();
        Font paretoTitle = pareto.getTitle().getFont();
        robot.interact(() -> window.explorer().presentationProperty().set(true));
        // the theme sets the scale: it arrives with the next CSS pass
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cdf.getTitle().getFont().getSize2D() > title.getSize2D());
        assertTrue(cdf.getTitle().getFont().getSize2D() >= title.getSize2D() * 1.4, "title " + cdf.getTitle().getFont());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pareto.getTitle().getFont().getSize2D() > paretoTitle.getSize2D());
        assertTrue(plot.getDomainAxis().getTickLabelFont().getSize2D() >= ticks.getSize2D() * 1.4);
        assertTrue(((BasicStroke) plot.getRenderer().getSeriesStroke(0)).getLineWidth()
                >= ((BasicStroke) line).getLineWidth() * 1.4);
        robot.interact(() -> window.explorer().presentationProperty().set(false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cdf.getTitle().getFont().equals(title));
        assertEquals(paretoTitle, pareto.getTitle().getFont(), "the Optimize tab's chart too");
        assertEquals(ticks, plot.getDomainAxis().getTickLabelFont());
        assertEquals(line, plot.getRenderer().getSeriesStroke(0));
    }
}
