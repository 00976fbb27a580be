package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import javafx.scene.control.DialogPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.ui.model.SnapshotsModel;
import org.splitscope.whatif.Comparison;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Compare tab: Pin asks for a name, and the table compares the snapshot with the state on screen. */
@ExtendWith(ApplicationExtension.class)
class ComparePanelTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    @Test
    void pinningFromTheTabComparesTheSnapshotWithTheCurrentState(FxRobot robot) throws Exception {
        robot.clickOn("#tab-compare .tab-label");
        robot.clickOn("#snapshot-pin");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#snapshot-name-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#snapshot-name-dialog").queryAs(DialogPane.class);
        robot.interact(() -> ((TextField) dialog.lookup(".text-field")).setText("before upgrade"));
        TestWindows.pressOk(robot, dialog);
        assertEquals("before upgrade", window.explorer().document().getScenario().snapshots().get(0).name());
        SnapshotsModel model = window.explorer().snapshots();
        assertEquals("before upgrade", model.leftProperty().get());
        assertEquals(SnapshotsModel.CURRENT, model.rightProperty().get());
        TableView<?> table = robot.lookup("#compare-table").queryAs(TableView.class);
        assertEquals(Comparison.Figure.values().length, table.getItems().size());
        assertTrue(model.rowsProperty().stream().allMatch(r -> r.difference() == null || r.difference() == 0),
                "nothing changed yet");
        assertTrue(window.explorer().document().isDirty(), "a pin is an edit to save");
    }

    @Test
    void theHeadersNameTheStatesAndPercentagesDifferInPoints(FxRobot robot) {
        robot.clickOn("#tab-compare .tab-label");
        TableView<Comparison.Row> table = robot.lookup("#compare-table").queryAs(TableView.class);
        assertEquals("A: none chosen", column(table, "compare-column-a").getText());
        assertEquals("B: on screen", column(table, "compare-column-b").getText());
        robot.interact(() -> window.explorer().snapshots().pin("thresholds 0.1"));
        assertEquals("A: thresholds 0.1", column(table, "compare-column-a").getText());
        robot.interact(() -> window.explorer().planEditor().setThreshold("exit-s2", 0.6));
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<Comparison.Row, ?> difference = column(table, "compare-column-difference");
        for (int i = 0; i < table.getItems().size(); i++) {
            Comparison.Row r = table.getItems().get(i);
            String text = String.valueOf(difference.getCellData(i));
            if (r.figure() == Comparison.Figure.ACCURACY) {
                assertTrue(r.difference() != 0, "the threshold changes the accuracy");
                assertEquals(String.format(java.util.Locale.ROOT, "%+.1f pp", r.difference()), text);
            } else {
                assertTrue(!text.contains("pp"), text);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<Comparison.Row, ?> column(TableView<Comparison.Row> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }
}
