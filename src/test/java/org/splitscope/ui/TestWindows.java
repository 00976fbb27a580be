package org.splitscope.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.ui.model.Explorer;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** An explorer window on the default scenario for GUI tests, and what they read from it. */
final class TestWindows {
    private TestWindows() {
    }

    /** The preferences of the test windows: never the user's, and each window starts with the default layout. */
    static final String PREFERENCES = "org/splitscope/ui-test";

    static MainWindow show(Stage stage) {
        Preferences prefs = Preferences.userRoot().node(PREFERENCES);
        try {
            prefs.node("layout").clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e);
        }
        return show(stage, prefs);
    }

    /** A window remembering its layout in the given preferences. */
    static MainWindow show(Stage stage, Preferences prefs) {
        Explorer explorer = new Explorer(DefaultScenario.load(), Platform::runLater, prefs);
        MainWindow window = new MainWindow(explorer, stage);
        stage.show();
        return window;
    }

    /** Sets the stage's size and waits until the window is laid out at it. */
    static void resize(FxRobot robot, Stage stage, double width, double height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs a check that resizes the stage, then gives the stage its size back: the next test class gets this same stage. */
    static void restoringSize(FxRobot robot, Stage stage, Runnable check) {
        double width = stage.getWidth();
        double height = stage.getHeight();
        try {
            check.run();
        } finally {
            resize(robot, stage, width, height);
        }
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** The evaluator's metrics for the scenario now on screen, computed afresh. */
    static Metrics evaluated(MainWindow window) {
        return Evaluator.evaluate(window.explorer().document().getScenario());
    }

    /**
     * Opens a node's context menu. Monocle's headless platform turns no mouse click into a
     * context-menu request, so the test sends the request a right click would.
     */
    static void contextMenu(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        Bounds b = n.localToScreen(n.getBoundsInLocal());
        robot.interact(() -> n.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                b.getWidth() / 2, b.getHeight() / 2, b.getCenterX(), b.getCenterY(), false, null)));
    }

    /** Waits until background work (the threshold sweep, a file being read) is done. */
    static void settle(MainWindow window) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !window.explorer().work().isRunning());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Presses a dialog's OK button. Fired rather than clicked: under load the dialog may be found
     * before its window is shown, and a click on an invisible button fails the test for nothing.
     */
    static void pressOk(FxRobot robot, DialogPane dialog) {
        robot.interact(() -> ((Button) dialog.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the import dialog's preview and presses its OK button (Import or Profile). */
    static void acceptImport(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#import-ok").tryQuery()
                .map(ok -> !ok.isDisabled()).orElse(false));
        robot.interact(() -> robot.lookup("#import-ok").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The property sheet's editor in the row named {@code name}. */
    static TextField sheetField(FxRobot robot, String name) {
        try { // the sheet lays its rows out on a later pulse than the selection
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#property-sheet .label")
                    .match(n -> name.equals(((Label) n).getText())).tryQuery().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("no row " + name, e);
        }
        Label label = robot.lookup("#property-sheet .label").match(n -> name.equals(((Label) n).getText()))
                .queryAs(Label.class);
        GridPane grid = (GridPane) label.getParent();
        Integer row = GridPane.getRowIndex(label);
        for (Node n : grid.getChildren()) {
            if (row.equals(GridPane.getRowIndex(n)) && n != label) {
                return n instanceof TextField t ? t : (TextField) n.lookup(".text-field");
            }
        }
        throw new AssertionError("no editor for " + name);
    }
}
