package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.ui.model.BundledSamples;
import org.splitscope.ui.model.Explorer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PORTEND at full scale has an exit after 54 of its 55 units: their rows scroll inside the strip
 * region, so at 1280x720 the lower tabs keep their room (the rows used to hold the strip region at
 * over 1,000 px and push the tabs out of the window).
 */
@ExtendWith(ApplicationExtension.class)
class ManyExitsTest {
    private Stage stage;

    @Start
    void start(Stage stage) throws BackingStoreException {
        this.stage = stage;
        Preferences prefs = Preferences.userRoot().node(TestWindows.PREFERENCES);
        prefs.node("layout").clear();
        Explorer explorer = new Explorer(BundledSamples.scenario("portend-resnet110-exits").orElseThrow(),
                Platform::runLater, prefs);
        new MainWindow(explorer, stage);
        stage.show();
    }

    @Test
    void fiftyFourExitRowsLeaveTheTabsTheirRoomAt1280x720(FxRobot robot) {
        TestWindows.restoringSize(robot, stage, () -> {
            TestWindows.resize(robot, stage, 1280, 720);
            TabPane tabs = robot.lookup("#results-tabs").queryAs(TabPane.class);
            Bounds inScene = tabs.localToScene(tabs.getBoundsInLocal());
            double sceneHeight = stage.getScene().getHeight();
            assertTrue(inScene.getMinY() < sceneHeight - 150 && tabs.getHeight() >= 150,
                    "the tabs at y " + inScene.getMinY() + ", " + tabs.getHeight() + " px high in a scene of " + sceneHeight);
            assertTrue(robot.lookup("#exit-enabled-exit54").tryQueryAs(CheckBox.class).isPresent(),
                    "the last exit's row is there, to scroll to");
            double first = sliderX(robot, "exit1");
            for (String id : List.of("exit9", "exit10", "exit54")) {
                assertEquals(first, sliderX(robot, id), 0.5, id + "'s slider lines up with exit1's");
            }
        });
    }

    private static double sliderX(FxRobot robot, String exit) {
        Slider s = robot.lookup("#exit-threshold-" + exit).queryAs(Slider.class);
        return s.localToScene(s.getBoundsInLocal()).getMinX();
    }
}
