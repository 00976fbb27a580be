package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** SCRATCH (not committed): a user on PORTEND's sample. */
@ExtendWith(ApplicationExtension.class)
class ScratchExploreTest {
    private MainWindow window;
    private final List<Throwable> uncaught = new ArrayList<>();

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @AfterEach
    void noCrash() {
        assertTrue(uncaught.isEmpty(), () -> "uncaught on the FX thread: " + uncaught);
    }

    private void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void runOptimize(FxRobot robot) throws Exception {
        robot.clickOn("#optimize-run");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !window.explorer().optimize().runningProperty().get());
        TestWindows.settle(window);
        var m = window.explorer().optimize();
        System.out.println("OPT status=" + m.statusProperty().get() + " | error=" + m.errorProperty().get() + " | proof="
                + m.proofProperty().get() + " | front=" + m.frontNoteProperty().get());
    }

    @Test
    void explore(FxRobot robot) throws Exception {
        Scenario portend = ScenarioFiles.read(Path.of("sample-scenarios", "portend-resnet110-exits.json")).orElseThrow();
        robot.interact(() -> window.explorer().document().replace(portend, null));
        TestWindows.settle(window);
        if (true) {
            var ed = window.explorer().topologyEditor();
            robot.interact(() -> ed.select(org.splitscope.ui.model.Selection.node("station")));
            robot.clickOn("#topology-view");
            robot.type(KeyCode.DELETE);
            TestWindows.settle(window);
            var sc = window.explorer().document().getScenario();
            System.out.println("DEL nodes=" + sc.topology().nodes().stream().map(n -> n.id()).toList() + " plan=" + sc.plan()
                    + " problems=" + sc.validate() + " metrics=" + window.explorer().metrics().getMetrics());
            for (String tab : List.of("Charts", "Optimize", "What-if", "Compare", "Explain", "Testbed")) {
                robot.interact(() -> window.selectTab(tab));
                TestWindows.settle(window);
                javafx.application.Platform.runLater(() -> { });
                try { robot.interact(() -> { try { Snapshots.write(window.scene(), Path.of("/tmp/shots/del-" + tab + ".png")); } catch (Exception e) { throw new RuntimeException(e); } }); } catch (Exception e) { System.out.println("SHOT " + e); }
            }
            robot.interact(() -> window.selectTab("Optimize"));
            runOptimize(robot);
            robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
            TestWindows.settle(window);
            System.out.println("UNDO equal=" + window.explorer().document().getScenario().equals(portend));
            robot.interact(() -> ed.select(org.splitscope.ui.model.Selection.node("device")));
            robot.clickOn("#topology-view");
            robot.type(KeyCode.DELETE);
            TestWindows.settle(window);
            sc = window.explorer().document().getScenario();
            System.out.println("DEL2 nodes=" + sc.topology().nodes().stream().map(n -> n.id()).toList() + " source=" + sc.topology().source()
                    + " problems=" + sc.validate());
            robot.interact(() -> window.selectTab("What-if"));
            TestWindows.settle(window);
            System.out.println("WHATIF status=" + window.explorer().whatIf().statusProperty().get());
            robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
            TestWindows.settle(window);
            System.out.println("UNDO2 equal=" + window.explorer().document().getScenario().equals(portend));
            return;
        }
        if (true) {
            robot.clickOn("#tab-optimize .tab-label");
            for (String[] t : new String[][] {{"#optimize-accuracy-floor", ""}, {"#optimize-time-limit", "-1"}, {"#optimize-time-limit", "0"},
                    {"#optimize-time-limit", "1e9"}, {"#optimize-latency-slo", "0"}, {"#optimize-latency-slo", "-4"}, {"#optimize-budget", "-3"},
                    {"#optimize-budget", "abc"}, {"#optimize-thresholds", "0.5,0.5"}, {"#optimize-thresholds", "0;0.5"}}) {
                String before = robot.lookup(t[0]).queryAs(TextField.class).getText();
                type(robot, t[0], t[1]);
                System.out.println("FIELD " + t[0] + " <- '" + t[1] + "' shows '" + robot.lookup(t[0]).queryAs(TextField.class).getText() + "'");
                runOptimize(robot);
                type(robot, t[0], before);
            }
            robot.clickOn("#tab-whatif .tab-label");
            robot.clickOn("#tab-whatif-sweep .tab-label");
            for (String[] t : new String[][] {{"#whatif-x-from", "-5"}, {"#whatif-x-from", ""}, {"#whatif-x-from", "abc"},
                    {"#whatif-x-to", "1e400"}, {"#whatif-x-from", "1e300"}}) {
                type(robot, t[0], t[1]);
                System.out.println("SWEEPFIELD " + t[0] + " <- '" + t[1] + "' shows '" + robot.lookup(t[0]).queryAs(TextField.class).getText()
                        + "' model from=" + window.explorer().sweeps().first().fromProperty().get() + " to=" + window.explorer().sweeps().first().toProperty().get());
            }
            robot.clickOn("#whatif-run");
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !window.explorer().sweeps().runningProperty().get());
            TestWindows.settle(window);
            var sw = window.explorer().sweeps();
            System.out.println("SWEEP status=" + sw.statusProperty().get() + " | error=" + sw.errorProperty().get());
            return;
        }
        // exits on, then undo
        for (int i = 1; i <= 4; i++) {
            robot.interact(() -> { });
            var cb = robot.lookup("#exit-enabled-exit" + i).queryAs(javafx.scene.control.CheckBox.class);
            robot.interact(cb::fire);
        }
        TestWindows.settle(window);
        System.out.println("PLAN after 4 exits: " + window.explorer().document().getScenario().plan());
        for (int i = 0; i < 4; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        }
        TestWindows.settle(window);
        System.out.println("PLAN after undo: " + window.explorer().document().getScenario().plan() + " equal=" +
                window.explorer().document().getScenario().equals(portend));
        robot.clickOn("#tab-optimize .tab-label");
        for (String[] t : new String[][] {{"#optimize-accuracy-floor", "-5"}, {"#optimize-accuracy-floor", "1e400"},
                {"#optimize-accuracy-floor", "abc"}, {"#optimize-accuracy-floor", ""}, {"#optimize-thresholds", "0.1, abc"},
                {"#optimize-thresholds", "1.5"}, {"#optimize-thresholds", ""}, {"#optimize-thresholds", "-0.1"},
                {"#optimize-max-exits", "-1"}, {"#optimize-max-exits", "99999999999"}, {"#optimize-max-exits", "0"},
                {"#optimize-time-limit", "-1"}, {"#optimize-time-limit", "0"}, {"#optimize-latency-slo", "0"},
                {"#optimize-budget", "-3"}}) {
            String before = robot.lookup(t[0]).queryAs(TextField.class).getText();
            type(robot, t[0], t[1]);
            System.out.println("FIELD " + t[0] + " <- '" + t[1] + "'");
            runOptimize(robot);
            type(robot, t[0], before);
        }
    }
}
