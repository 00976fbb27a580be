package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.ui.model.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The dark theme reaches the charts too, and the window renders to a PNG of its own size. */
@ExtendWith(ApplicationExtension.class)
class ThemeAndSnapshotTest {
    private MainWindow window;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    @Test
    void theDarkThemeRecoloursTheWindowAndTheCharts(FxRobot robot) throws Exception {
        Paint light = window.charts().chartSet().charts().get(0).chart().getBackgroundPaint();
        robot.interact(() -> window.explorer().themeProperty().set(Theme.DARK));
        assertEquals(Theme.DARK, window.explorer().themeProperty().get());
        assertTrue(window.scene().getStylesheets().get(1).endsWith(Theme.DARK.stylesheet().substring(1)));
        assertNotEquals(light, window.charts().chartSet().charts().get(0).chart().getBackgroundPaint());
        TestWindows.settle(window);
        Path png = dir.resolve("dark.png");
        robot.interact(() -> {
            try {
                Snapshots.write(window.scene(), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals((int) window.scene().getWidth(), image.getWidth());
        assertEquals((int) window.scene().getHeight(), image.getHeight());
    }
}
