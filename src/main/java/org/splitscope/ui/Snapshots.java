package org.splitscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.splitscope.io.OutputFiles;
import org.splitscope.ui.model.BackgroundWork;

/** The window as a PNG, once background work (the threshold sweep, a file being opened) has finished. */
public final class Snapshots {
    private static final Duration POLL = Duration.millis(100);
    /** Give up waiting for background work after this long and take the picture as it is. */
    private static final int MAX_POLLS = 300;

    private Snapshots() {
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
