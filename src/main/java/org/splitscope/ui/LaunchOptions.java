package org.splitscope.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * The explorer's command line: {@code [--snapshot FILE.png] [SCENARIO.json]}. With a snapshot
 * file the window is rendered to that PNG and the program exits.
 */
public record LaunchOptions(Path snapshot, Path scenario) {
    public static final String SNAPSHOT = "--snapshot";

    /** @throws IllegalArgumentException with a message for the user */
    public static LaunchOptions parse(List<String> args) {
        Path snapshot = null;
        Path scenario = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(SNAPSHOT)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(SNAPSHOT + " needs a file name, e.g. " + SNAPSHOT + " window.png");
                }
                snapshot = Path.of(args.get(++i));
            } else if (a.startsWith(SNAPSHOT + "=")) {
                snapshot = Path.of(a.substring(SNAPSHOT.length() + 1));
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a + "; the explorer takes "
                        + SNAPSHOT + " FILE.png and a scenario file");
            } else if (scenario == null) {
                scenario = Path.of(a);
            } else {
                throw new IllegalArgumentException("one scenario file at a time, got " + scenario + " and " + a);
            }
        }
        return new LaunchOptions(snapshot, scenario);
    }

    /** Whether a command line is the explorer's (no command at all, or a snapshot) rather than a CLI command. */
    public static boolean isExplorer(String[] args) {
        return args.length == 0 || args[0].equals(SNAPSHOT) || args[0].startsWith(SNAPSHOT + "=");
    }
}
