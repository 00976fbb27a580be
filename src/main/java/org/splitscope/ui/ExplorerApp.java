package org.splitscope.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.splitscope.ui.model.Explorer;
import org.splitscope.ui.model.MemoryPreferences;
import org.splitscope.ui.view.UserGuide;
import org.splitscope.ui.view.Dialogs;

/**
 * The JavaFX application. Started through {@link ExplorerLauncher} (a plain class, so that the
 * jar runs without JavaFX on the module path). Any error that escapes a handler is shown in a
 * dialog instead of ending the program.
 */
public final class ExplorerApp extends Application {
    /** Where the explorer remembers recent files and its layout. */
    static final String PREFERENCES = "org/splitscope/ui";

    private static volatile int exitCode;
    private boolean showingError;

    static int exitCode() {
        return exitCode;
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        UserGuide.useHostServices(getHostServices());
        // a snapshot shows the first-run layout, whatever the user arranged, and remembers nothing
        Preferences prefs = options.snapshot() != null ? new MemoryPreferences() : Preferences.userRoot().node(PREFERENCES);
        Explorer explorer = new Explorer(DefaultScenario.load(), Platform::runLater, prefs);
        MainWindow window = new MainWindow(explorer, stage);
        var icon = ExplorerApp.class.getResource("/assets/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> report(stage, e));
        prepare(window, stage, options);
        if (options.snapshot() != null) {
            Snapshots.take(window, options, code -> {
                exitCode = code;
                Platform.exit();
            });
        }
    }

    /**
     * Sets the window up as the command line asks: presentation mode, the content size, the
     * scenario; for the user's window also the tab (a snapshot brings it forward once the window
     * has settled, see {@link Snapshots#take}). Shows the stage if it is not shown yet.
     */
    static void prepare(MainWindow window, Stage stage, LaunchOptions options) {
        window.explorer().presentationProperty().set(options.presentation());
        if (!stage.isShowing()) {
            stage.show();
        }
        if (options.size() != null) {
            // the size asked for is the content's: the window's decorations, known once it is shown, come on top
            stage.setWidth(options.size().width() + stage.getWidth() - window.scene().getWidth());
            stage.setHeight(options.size().height() + stage.getHeight() - window.scene().getHeight());
            // a headless screen is the window's size: off centre, its painting would overflow the screen
            stage.centerOnScreen();
        }
        if (options.scenario() != null) {
            window.files().openFile(options.scenario());
        }
        if (options.tab() != null && options.snapshot() == null) {
            window.selectTab(options.tab());
        }
    }

    private void report(Stage stage, Throwable e) {
        if (showingError) {
            e.printStackTrace();
            return;
        }
        showingError = true;
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        System.err.print(trace);
        Dialogs.error(stage, "Something went wrong (the scenario on screen is unchanged)",
                e + "\n\nThis is a bug in SplitScope; please report it with what you did.")
                .setOnHidden(h -> showingError = false);
    }
}
