package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import javafx.scene.layout.Region;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1280x720, at the desk and in presentation mode, every headline figure and every title of the
 * optimizer's table is shown whole (no ellipsis), and in presentation mode each chart keeps 200 px
 * of height; at 1920x1080 no chart is stretched into a band.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    @Test
    void at1280x720FiguresAndTitlesAreWholeAndPresentationChartsAreTall(FxRobot robot) {
        TestWindows.restoringSize(robot, stage, () -> {
            try {
                deskAndPresentation(robot);
            } finally {
                robot.interact(() -> window.explorer().presentationProperty().set(false));
            }
        });
    }

    private void deskAndPresentation(FxRobot robot) {
        TestWindows.resize(robot, stage, 1280, 720);
        wholeFiguresAndTitles(robot, "at the desk");
        robot.interact(() -> window.explorer().presentationProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        wholeFiguresAndTitles(robot, "in presentation mode");
        chartsAtLeast(robot, 200);

        TestWindows.resize(robot, stage, 1920, 1080);
        wholeFiguresAndTitles(robot, "in presentation mode at 1920x1080");
        robot.interact(() -> window.explorer().presentationProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        for (Region chart : charts(robot)) {
            double ratio = chart.getWidth() / chart.getHeight();
            assertTrue(ratio > 0.8 && ratio < 3, "a chart of " + chart.getWidth() + " x " + chart.getHeight());
        }
    }

    private void wholeFiguresAndTitles(FxRobot robot, String where) {
        select(robot, 1);
        List<Labeled> summary = robot.lookup("#summary .label").queryAllAs(Labeled.class).stream().toList();
        assertEquals(6 + 6 + 2, summary.size(), "six tiles of a title, a figure and two notes");
        summary.forEach(l -> assertWhole(l, where));
        List<Labeled> titles = robot.lookup("#optimize-table .column-header .label").queryAllAs(Labeled.class)
                .stream().filter(l -> !l.getText().isEmpty()).toList();
        assertTrue(titles.size() >= 8, "the table's titles: " + titles.size());
        titles.forEach(l -> assertWhole(l, where));
        select(robot, 0);
    }

    private void chartsAtLeast(FxRobot robot, double least) {
        ScrollPane scroll = robot.lookup("#charts-scroll").queryAs(ScrollPane.class);
        assertTrue(scroll.getViewportBounds().getHeight() >= least,
                "the tab shows one chart whole: " + scroll.getViewportBounds().getHeight());
        List<Region> charts = charts(robot);
        assertEquals(7, charts.size());
        for (Region chart : charts) {
            assertTrue(chart.getHeight() >= least, "a chart " + chart.getHeight() + " px high");
        }
    }

    private static List<Region> charts(FxRobot robot) {
        return robot.lookup("#charts .chart-pane").queryAllAs(Region.class).stream().toList();
    }

    /** The text drawn for a label: its text, unless the label had to cut it short. */
    private static void assertWhole(Labeled label, String where) {
        String drawn = label.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                .map(n -> ((Text) n).getText()).findFirst().orElse("");
        assertEquals(label.getText(), drawn, where + ": " + label.getId() + " is cut short");
        assertFalse(drawn.contains("…"), where);
    }

    private void select(FxRobot robot, int tab) {
        robot.interact(() -> robot.lookup("#results-tabs").queryAs(TabPane.class).getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
