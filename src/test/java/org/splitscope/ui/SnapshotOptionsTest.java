package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.ui.model.BundledLessons;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * {@code --snapshot} with {@code --size}, {@code --tab} and {@code --presentation}: in this
 * window, and as a user runs it (a JVM of its own without a display, so that the launcher picks
 * Monocle's headless screen itself).
 */
@ExtendWith(ApplicationExtension.class)
class SnapshotOptionsTest {
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindows.show(stage);
    }

    @Test
    void everyTabTheCommandLineNamesIsATabOfTheWindow(FxRobot robot) {
        TabPane tabs = robot.lookup("#results-tabs").queryAs(TabPane.class);
        for (String name : LaunchOptions.TABS) {
            robot.interact(() -> assertTrue(window.selectTab(name), name));
            // the lesson is docked beside the Charts tab, not a tab of its own
            assertEquals(name.equals(MainWindow.LESSON) ? "charts" : name,
                    tabs.getSelectionModel().getSelectedItem().getText().toLowerCase(Locale.ROOT));
        }
        robot.interact(() -> assertFalse(window.selectTab("nope")));
    }

    @Test
    void theSnapshotShowsTheTabAtTheSizeInPresentationMode(FxRobot robot) throws Exception {
        Path png = dir.resolve("explain.png");
        assertEquals(0, take(robot, "--snapshot", png.toString(), "--size", "1024x640", "--tab", "explain", "--presentation"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1024, image.getWidth());
        assertEquals(640, image.getHeight());
        assertEquals("Explain", robot.lookup("#results-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText());
        assertTrue(window.scene().getRoot().getStyleClass().contains(MainWindow.PRESENTATION));
    }

    @Test
    void aSnapshotOfTheOptimizeTabShowsTheOptimizersPlans(FxRobot robot) throws Exception {
        assertTrue(window.explorer().optimize().resultsProperty().isEmpty());
        assertEquals(0, take(robot, "--snapshot", dir.resolve("optimize.png").toString(), "--tab", "optimize"));
        assertFalse(window.explorer().optimize().resultsProperty().isEmpty());
    }

    @Test
    void aSnapshotOfTheLessonTabOnTheDefaultScenarioShowsALesson(FxRobot robot) throws Exception {
        assertEquals(0, take(robot, "--snapshot", dir.resolve("lesson.png").toString(), "--tab", "lesson"));
        assertEquals(BundledLessons.title(BundledLessons.NAMES.get(0)), window.explorer().lessons().lessonProperty().get().title());
        assertTrue(robot.lookup("#lesson-panel").query().isVisible(), "the lesson is docked beside the tabs");
        assertEquals("Charts", robot.lookup("#results-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText());
    }

    /** Sets the window up and takes the snapshot as the launcher does; returns the exit code. */
    private int take(FxRobot robot, String... args) throws Exception {
        LaunchOptions options = LaunchOptions.parse(List.of(args));
        CompletableFuture<Integer> done = new CompletableFuture<>();
        robot.interact(() -> {
            ExplorerApp.prepare(window, stage, options);
            Snapshots.take(window, options, done::complete);
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    @Test
    void theCommandMakesAPictureOfThatSizeWithoutADisplay() throws Exception {
        Path png = dir.resolve("compare.png");
        assertEquals(0, launch("--snapshot", png.toString(), "--size", "1280x720", "--tab", "compare"));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
    }

    @Test
    void aPictureLargerThanTheUsualWindowIsThatSizeToo() throws Exception {
        Path png = dir.resolve("large.png");
        assertEquals(0, launch("--presentation", "--size", "1920x1080", "--snapshot", png.toString()));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1920, image.getWidth());
        assertEquals(1080, image.getHeight());
    }

    /** Runs the explorer's launcher in a JVM of its own without a display; returns its exit code. */
    private int launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), ExplorerLauncher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the snapshot did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            System.err.println(Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8));
        }
        return p.exitValue();
    }
}
