package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.measure.NetworkFormat;
import org.splitscope.model.Link;
import org.splitscope.model.Scenario;
import org.splitscope.ui.model.NetworkImportModel;
import org.splitscope.ui.view.NetworkImportActions;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Measurements > Import network measurements in the window (past its file chooser): the
 * links that change are shown before Apply, Apply is one undo step, a broken file changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class NetworkImportTest {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    private static DialogPane shown(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(id).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).match(NodeQueryUtils.isVisible()).queryAs(DialogPane.class);
    }

    private static Stream<MenuItem> items(Menu m) {
        return Stream.concat(Stream.of(m), m.getItems().stream().flatMap(i -> i instanceof Menu sub ? items(sub) : Stream.of(i)));
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, String node) {
        ChoiceBox<String> box = robot.lookup(id).queryAs(ChoiceBox.class);
        box.setValue(node);
    }

    private Scenario openSmallCnn(FxRobot robot) throws Exception {
        TestWindows.settle(window);
        Scenario cnn = ScenarioFiles.read(FORMATS.resolve("small-cnn.json")).orElseThrow();
        robot.interact(() -> window.explorer().document().replace(cnn, null));
        return window.explorer().document().getScenario();
    }

    private void importNetwork(Path file) {
        Platform.runLater(() -> new NetworkImportActions(new NetworkImportModel(window.explorer().document()), stage).importNetwork(file));
    }

    @Test
    void theIperf3RunUpdatesTheChosenLinkAfterShowingTheChange(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertTrue(bar.getMenus().stream().flatMap(NetworkImportTest::items)
                .anyMatch(i -> "Import network measurements…".equals(i.getText())), "the menu entry is there");
        Scenario before = openSmallCnn(robot);
        importNetwork(FORMATS.resolve("iperf3.json"));
        DialogPane ask = shown(robot, "#import-network-dialog");
        assertEquals(NetworkFormat.IPERF3, robot.lookup("#network-format").queryAs(ChoiceBox.class).getValue());
        robot.interact(() -> {
            choose(robot, "#network-from", "jetson");
            choose(robot, "#network-to", "edge");
        });
        TestWindows.pressOk(robot, ask);
        DialogPane preview = shown(robot, "#network-preview");
        String changes = robot.lookup("#network-changes").queryAs(TextArea.class).getText();
        assertTrue(changes.startsWith("updated link jetson-edge: ") && changes.contains("-> 93.42 Mb/s"), changes);
        assertSame(before, window.explorer().document().getScenario(), "nothing changes before Apply");
        robot.interact(() -> ((Button) preview.lookupButton(preview.getButtonTypes().get(0))).fire());
        WaitForAsyncUtils.waitForFxEvents();
        Link l = window.explorer().document().getScenario().topology().links().get(0);
        assertEquals("jetson-edge", l.id());
        assertEquals(93416330.2, l.bandwidthBps());
        robot.interact(() -> window.explorer().document().undo());
        assertEquals(before, window.explorer().document().getScenario());
        TestWindows.settle(window);
    }

    @Test
    void aBrokenCsvIsShownInTheUsersWordsAndChangesNothing(FxRobot robot) throws Exception {
        Scenario before = openSmallCnn(robot);
        Path csv = dir.resolve("paths.csv");
        Files.writeString(csv, "source,destination,ping_ms,bandwidth_mbps\njetson,mars,4,10\n");
        importNetwork(csv);
        TestWindows.pressOk(robot, shown(robot, "#import-network-dialog"));
        DialogPane error = shown(robot, "#error-dialog");
        assertTrue(error.getHeaderText().contains("nothing was changed"), error.getHeaderText());
        assertTrue(error.getContentText().contains("row 2: no node 'mars'"), error.getContentText());
        robot.interact(() -> ((Button) error.lookupButton(ButtonType.OK)).fire());
        assertSame(before, window.explorer().document().getScenario());
        TestWindows.settle(window);
    }
}
