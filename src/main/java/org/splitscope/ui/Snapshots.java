package org.splitscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.splitscope.io.LessonFiles.StartedLesson;
import org.splitscope.io.Loaded;
import org.splitscope.io.OutputFiles;
import org.splitscope.ui.model.BackgroundWork;
import org.splitscope.ui.model.BundledLessons;
import org.splitscope.ui.model.Explorer;

/** The window as a PNG, once background work (the threshold sweep, a file being opened) has finished. */
public final class Snapshots {
    private static final Duration POLL = Duration.millis(100);
    /** Give up waiting for background work after this long and take the picture as it is. */
    private static final int MAX_POLLS = 300;

    private Snapshots() {
    }

    /**
     * The picture a command line asks for: once the window has settled (the scenario read, the
     * sweep done), brings the tab forward (with something in it, see {@link #showSomething}),
     * waits for that to settle too and writes the PNG at the size asked for. Calls {@code done}
     * with the exit code: 0, or 1 after saying on stderr what went wrong.
     */
    static void take(MainWindow window, LaunchOptions options, IntConsumer done) {
        BackgroundWork work = window.explorer().work();
        whenSettled(work, () -> {
            if (options.tab() != null) {
                if (!window.selectTab(options.tab())) {
                    fail(done, "this window has no tab named " + options.tab());
                    return;
                }
                showSomething(window, options);
            }
            whenSettled(work, () -> write(window.scene(), options, done));
        });
    }

    /**
     * A tab that is empty until the user acts gets that act: Optimize runs the optimizer, and
     * Lesson, on the default scenario, starts the first bundled lesson (with its own scenario).
     */
    private static void showSomething(MainWindow window, LaunchOptions options) {
        Explorer explorer = window.explorer();
        switch (options.tab()) {
            case "optimize" -> explorer.optimize().run();
            case "lesson" -> {
                Loaded<StartedLesson> lesson = BundledLessons.load(BundledLessons.NAMES.get(0));
                if (options.scenario() == null && explorer.lessons().lessonProperty().get() == null && lesson.isOk()) {
                    explorer.lessons().start(lesson.value());
                }
            }
            default -> {
            }
        }
    }

    private static void write(Scene scene, LaunchOptions options, IntConsumer done) {
        LaunchOptions.Size size = options.size();
        int width = (int) Math.round(scene.getWidth());
        int height = (int) Math.round(scene.getHeight());
        if (size != null && (width != size.width() || height != size.height())) {
            fail(done, "could not make the window " + size + " on this screen (it is " + width + "x" + height
                    + "); run without a display to render it headless");
            return;
        }
        try {
            write(scene, options.snapshot());
            System.out.println("saved " + options.snapshot().toAbsolutePath());
            done.accept(0);
        } catch (Exception e) {
            fail(done, "could not save the snapshot: " + e.getMessage());
        }
    }

    private static void fail(IntConsumer done, String message) {
        System.err.println("splitscope: " + message);
        done.accept(1);
    }

    /** Runs {@code then} on the FX thread when no background work has run for two polls in a row. */
    public static void whenSettled(BackgroundWork work, Runnable then) {
        poll(work, then, 0, 0);
    }

    private static void poll(BackgroundWork work, Runnable then, int polls, int quiet) {
        PauseTransition wait = new PauseTransition(POLL);
        wait.setOnFinished(e -> {
            int q = work.isRunning() ? 0 : quiet + 1;
            if (q >= 2 || polls >= MAX_POLLS) {
                then.run();
            } else {
                poll(work, then, polls + 1, q);
            }
        });
        wait.play();
    }

    /** Renders the scene and writes it atomically as a PNG. */
    public static void write(Scene scene, Path file) throws IOException {
        WritableImage image = scene.snapshot(null);
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = OutputFiles.tempSibling(target);
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            OutputFiles.moveOver(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
