package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.ui.model.BundledSamples;
import org.splitscope.ui.model.BundledSamples.Sample;
import org.splitscope.zoo.SampleScenarios;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a new user meets: the default under its own name, File > Open sample, Help > User guide. */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    @Test
    void theDefaultOpensUnderItsOwnName() {
        assertEquals(SampleScenarios.portendThreeTier().name() + " — SplitScope", stage.getTitle());
    }

    @Test
    void openSampleListsEverySampleWithItsSummaryAndOpensIt(FxRobot robot) throws Exception {
        Menu samples = (Menu) menu(robot, "File").getItems().stream()
                .filter(i -> "menu-samples".equals(i.getId())).findFirst().orElseThrow();
        List<Sample> all = BundledSamples.all();
        List<MenuItem> entries = samples.getItems().stream().filter(i -> i instanceof CustomMenuItem && !(i instanceof SeparatorMenuItem)).toList();
        assertEquals(all.size(), entries.size());
        assertEquals(8, entries.size(), "five scenarios and three lessons");
        for (int i = 0; i < all.size(); i++) {
            List<String> shown = ((CustomMenuItem) entries.get(i)).getContent().lookupAll(".label").stream()
                    .map(n -> ((Label) n).getText()).toList();
            assertEquals(List.of(all.get(i).title(), all.get(i).summary()), shown);
        }

        // fired, not clicked: under Monocle a click on the custom item found its label outside any scene
        String teaching = SampleScenarios.teaching().name();
        robot.interact(entries.get(BundledSamples.SCENARIOS.indexOf("teaching"))::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ScenarioFiles.toJson(SampleScenarios.teaching()), ScenarioFiles.toJson(window.explorer().document().getScenario()));
        assertNull(window.explorer().document().getFile(), "a sample is not saved over");
        assertEquals(teaching + " — SplitScope", stage.getTitle());

        robot.interact(entries.get(entries.size() - 1)::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Lesson 3: pipelining for throughput", window.explorer().lessons().lessonProperty().get().title());
        assertTrue(stage.getTitle().startsWith(window.explorer().document().getScenario().name()), stage.getTitle());
    }

    @Test
    void theUserGuideSaysWhereItIsWhenNoBrowserCanBeStarted(FxRobot robot) throws Exception {
        robot.clickOn("Help").clickOn("#menu-guide");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#guide-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#guide-dialog").queryAs(DialogPane.class);
        Path page = Path.of(robot.lookup("#guide-path").queryAs(TextField.class).getText());
        String html = Files.readString(page);
        assertTrue(html.contains("<h2>Gestures</h2>") && html.contains("What each chart means")
                && html.contains("Five minutes"), page.toString());
        TestWindows.pressOk(robot, dialog);
    }

    private static Menu menu(FxRobot robot, String text) {
        return robot.lookup("#main-menu").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> m.getText().equals(text)).findFirst().orElseThrow();
    }
}
