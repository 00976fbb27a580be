package org.splitscope.ui;

import java.util.List;
import java.util.Locale;

import javafx.application.Application;

/**
 * Starts the explorer window. A plain class rather than the {@link Application} subclass, so that
 * {@code java -jar} works with JavaFX on the class path. Without a display, a snapshot is taken
 * with Monocle's headless platform (when it is on the class path); a window cannot be opened.
 */
public final class ExplorerLauncher {
    private ExplorerLauncher() {
    }

    public static void main(String[] args) {
        System.exit(launch(args));
    }

    /** Runs the explorer until its window closes; returns the exit code. */
    public static int launch(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("splitscope: " + e.getMessage());
            return 2;
        }
        boolean noDisplay = System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (noDisplay && options.snapshot() != null && System.getProperty("glass.platform") == null && monocle()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            // Monocle's headless screen is 1280x800 unless told otherwise; the window is larger, and a
            // window of a given size gets a screen of that size, so that it is born at that size
            System.setProperty("headless.geometry", options.size() == null ? MainWindow.SNAPSHOT_SCREEN
                    : options.size().width() + "x" + options.size().height() + "-32");
        }
        try {
            Application.launch(ExplorerApp.class, args);
        } catch (RuntimeException e) {
            System.err.println("splitscope: cannot open the explorer window: " + rootMessage(e)
                    + (noDisplay ? "\nThere is no display. Use a command instead (splitscope --help), or run under"
                    + " xvfb-run." : ""));
            return 1;
        }
        return ExplorerApp.exitCode();
    }

    private static boolean monocle() {
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory", false, ExplorerLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
