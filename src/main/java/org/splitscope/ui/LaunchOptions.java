package org.splitscope.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explorer's command line: {@code [--snapshot FILE.png] [--size WxH] [--tab NAME]
 * [--presentation] [--scenario FILE | SCENARIO.json]}. With a snapshot file the window is rendered
 * to that PNG and the program exits; without one, the same options set up the window the user gets.
 * Plain Java (no JavaFX), because the command line entry asks {@link #isExplorer} first.
 *
 * @param snapshot     the PNG to write, or null to open the window for the user
 * @param scenario     the scenario file to open, or null for the default scenario
 * @param size         the window's content size, or null for the usual size
 * @param tab          the results tab to bring forward (one of {@link #TABS}), or null
 * @param presentation whether presentation mode (large fonts) is on
 */
public record LaunchOptions(Path snapshot, Path scenario, Size size, String tab, boolean presentation) {
    public static final String SNAPSHOT = "--snapshot";
    public static final String SIZE = "--size";
    public static final String TAB = "--tab";
    public static final String SCENARIO = "--scenario";
    public static final String PRESENTATION = "--presentation";
    /** The results tabs by the names on their headers, in lower case. */
    public static final List<String> TABS = List.of("charts", "optimize", "what-if", "compare", "explain", "lesson", "testbed");

    private static final List<String> OPTIONS = List.of(SNAPSHOT, SIZE, TAB, SCENARIO, PRESENTATION);

    /** A window size in pixels, within what a snapshot can be rendered at. */
    public record Size(int width, int height) {
        private static final int MIN_WIDTH = 640;
        private static final int MIN_HEIGHT = 480;
        // 8K UHD: a larger image is no screen anyone shows the window on
        private static final int MAX_WIDTH = 7680;
        private static final int MAX_HEIGHT = 4320;
        /** The sizes a window may have, as the messages say them. */
        public static final String RANGE = MIN_WIDTH + "x" + MIN_HEIGHT + ".." + MAX_WIDTH + "x" + MAX_HEIGHT;
        private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*[xX×]\\s*(\\d{1,6})\\s*");

        /** @throws IllegalArgumentException with a message for the user */
        public Size {
            if (width < MIN_WIDTH || height < MIN_HEIGHT || width > MAX_WIDTH || height > MAX_HEIGHT) {
                throw new IllegalArgumentException(SIZE + " " + width + "x" + height + " is outside " + RANGE
                        + " (width x height in pixels)");
            }
        }

        /** {@code 1280x720}. @throws IllegalArgumentException with a message for the user */
        public static Size parse(String text) {
            Matcher m = FORM.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException(SIZE + " takes WIDTHxHEIGHT in pixels within " + RANGE + ", e.g. " + SIZE
                        + " 1280x720; got \"" + text + "\"");
            }
            return new Size(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** No snapshot, the default scenario, the usual window. */
    public LaunchOptions(Path snapshot, Path scenario) {
        this(snapshot, scenario, null, null, false);
    }

    /** @throws IllegalArgumentException with a message for the user */
    public static LaunchOptions parse(List<String> args) {
        Path snapshot = null;
        Path scenario = null;
        String scenarioFrom = null;
        Size size = null;
        String tab = null;
        boolean presentation = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String option = a.startsWith("--") && a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (option.equals(PRESENTATION)) {
                if (!a.equals(PRESENTATION)) {
                    throw new IllegalArgumentException(PRESENTATION + " takes no value; got " + a);
                }
                presentation = true;
                continue;
            }
            if (!OPTIONS.contains(option)) {
                if (a.startsWith("-")) {
                    throw new IllegalArgumentException("unknown option " + a + "; the explorer takes " + SNAPSHOT + " FILE.png, "
                            + SIZE + " WxH, " + TAB + " NAME, " + PRESENTATION + " and a scenario file");
                }
                if (scenario != null) {
                    throw new IllegalArgumentException("one scenario file at a time, got " + scenarioFrom + " and " + a);
                }
                scenario = Path.of(a);
                scenarioFrom = a;
                continue;
            }
            String value;
            if (!option.equals(a)) {
                value = a.substring(option.length() + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                value = null;
            }
            // "--snapshot --size 1280x720" forgot the file name; it does not mean a file called "--size"
            if (value == null || value.isBlank() || option.equals(a) && OPTIONS.contains(value)) {
                throw new IllegalArgumentException(option + " needs " + example(option));
            }
            switch (option) {
                case SNAPSHOT -> snapshot = Path.of(value);
                case SIZE -> size = Size.parse(value);
                case TAB -> tab = tab(value);
                case SCENARIO -> {
                    if (scenario != null) {
                        throw new IllegalArgumentException("one scenario file at a time, got " + scenarioFrom + " and "
                                + SCENARIO + " " + value);
                    }
                    scenario = Path.of(value);
                    scenarioFrom = SCENARIO + " " + value;
                }
                default -> throw new AssertionError(option);
            }
        }
        return new LaunchOptions(snapshot, scenario, size, tab, presentation);
    }

    private static String example(String option) {
        return switch (option) {
            case SNAPSHOT -> "a file name, e.g. " + SNAPSHOT + " window.png";
            case SIZE -> "a size within " + Size.RANGE + ", e.g. " + SIZE + " 1280x720";
            case TAB -> "a tab name: " + String.join(", ", TABS);
            default -> "a scenario file, e.g. " + SCENARIO + " sample-scenarios/portend-three-tier.json";
        };
    }

    private static String tab(String name) {
        String tab = name.strip().toLowerCase(Locale.ROOT);
        if (!TABS.contains(tab)) {
            throw new IllegalArgumentException("no tab named \"" + name + "\"; " + TAB + " takes " + String.join(", ", TABS));
        }
        return tab;
    }

    /**
     * Whether a command line is the explorer's rather than a CLI command: no command at all, one of
     * the explorer's options first, or a scenario file first (no command's name ends in .json).
     */
    public static boolean isExplorer(String[] args) {
        if (args.length == 0) {
            return true;
        }
        String first = args[0];
        return OPTIONS.stream().anyMatch(o -> first.equals(o) || first.startsWith(o + "="))
                || !first.startsWith("-") && first.toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
