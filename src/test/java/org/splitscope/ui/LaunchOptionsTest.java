package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.splitscope.ui.LaunchOptions.Size;

class LaunchOptionsTest {
    @Test
    void snapshotInEitherSpellingAndAScenario() {
        assertEquals(new LaunchOptions(Path.of("a.png"), null), LaunchOptions.parse(List.of("--snapshot", "a.png")));
        assertEquals(new LaunchOptions(Path.of("a.png"), Path.of("s.json")),
                LaunchOptions.parse(List.of("--snapshot=a.png", "s.json")));
        assertNull(LaunchOptions.parse(List.of()).snapshot());
    }

    @Test
    void mistakesAreExplained() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--snapshot")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--dark")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("a.json", "b.json")));
    }

    @Test
    void sizeTabScenarioAndPresentationInAnyOrder() {
        assertEquals(new LaunchOptions(Path.of("a.png"), Path.of("s.json"), new Size(1280, 720), "compare", true),
                LaunchOptions.parse(List.of("--snapshot", "a.png", "--size", "1280x720", "--tab", "Compare",
                        "--presentation", "--scenario", "s.json")));
        assertEquals(new LaunchOptions(null, Path.of("s.json"), new Size(1920, 1080), "what-if", false),
                LaunchOptions.parse(List.of("--tab=WHAT-IF", "s.json", "--size=1920X1080")));
        assertEquals(new LaunchOptions(Path.of("a.png"), Path.of("l.json"), null, "lesson", false),
                LaunchOptions.parse(List.of("--scenario=l.json", "--tab", "lesson", "--snapshot=a.png")));
        for (String tab : LaunchOptions.TABS) {
            assertEquals(tab, LaunchOptions.parse(List.of("--tab", tab.toUpperCase(Locale.ROOT))).tab());
        }
    }

    @Test
    void sizesAtTheBoundsAreTaken() {
        assertEquals(new Size(640, 480), LaunchOptions.parse(List.of("--size", "640x480")).size());
        assertEquals(new Size(7680, 4320), LaunchOptions.parse(List.of("--size", " 7680 x 4320 ")).size());
    }

    @Test
    void badSizesSayTheRange() {
        for (String bad : List.of("639x480", "640x479", "7681x4320", "7680x4321", "0x0", "1280", "1280x", "x720",
                "1280*720", "-1280x720", "1280.5x720", "99999999x1", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LaunchOptions.parse(List.of("--size", bad)), bad);
            assertOneLine(e, "640x480..7680x4320");
        }
        assertOneLine(assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--size"))),
                "640x480..7680x4320");
    }

    @Test
    void anUnknownTabListsTheNames() {
        for (String bad : List.of("chart", "whatif", "tab-compare", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LaunchOptions.parse(List.of("--tab", bad)), bad);
            assertOneLine(e, "charts, optimize, what-if, compare, explain, lesson, testbed");
        }
    }

    @Test
    void oneScenarioWhetherNamedOrNot() {
        assertOneLine(assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("a.json", "--scenario", "b.json"))), "a.json and --scenario b.json");
        assertOneLine(assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--scenario", "b.json", "a.json"))), "--scenario b.json and a.json");
        assertOneLine(assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--scenario", "b.json", "--scenario=c.json"))), "b.json");
    }

    @Test
    void anOptionIsNotTakenForTheValueBeforeIt() {
        assertOneLine(assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--snapshot", "--size", "1280x720"))), "--snapshot needs a file name");
        assertOneLine(assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--presentation=yes"))), "--presentation takes no value");
    }

    @Test
    void aBadExplorerCommandLineExitsWithTwoBeforeAnyWindow() {
        assertEquals(2, ExplorerLauncher.launch(new String[] {"--snapshot", "a.png", "--tab", "nope"}));
        assertEquals(2, ExplorerLauncher.launch(new String[] {"--size", "10x10"}));
    }

    @Test
    void onlyNoArgumentsOrTheExplorersOptionsAreTheExplorers() {
        assertTrue(LaunchOptions.isExplorer(new String[0]));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--snapshot", "x.png"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--snapshot=x.png"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--size", "1280x720", "--snapshot", "x.png"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--size=1280x720"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--tab", "compare"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--scenario", "s.json"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"--presentation"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"my scenario.JSON"}));
        assertTrue(LaunchOptions.isExplorer(new String[] {"s.json", "--size", "1280x720"}));
        assertFalse(LaunchOptions.isExplorer(new String[] {"evaluate", "x.json"}));
        assertFalse(LaunchOptions.isExplorer(new String[] {"--json"}));
        assertFalse(LaunchOptions.isExplorer(new String[] {"--help"}));
        assertFalse(LaunchOptions.isExplorer(new String[] {"--sizes"}));
    }

    @Test
    void theCommandLinesHelpShowsEveryOptionOfTheExplorer() {
        StringWriter out = new StringWriter();
        assertEquals(0, org.splitscope.cli.Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        for (String option : List.of(LaunchOptions.SNAPSHOT, LaunchOptions.SIZE, LaunchOptions.TAB, LaunchOptions.PRESENTATION,
                LaunchOptions.SCENARIO)) {
            assertTrue(out.toString().contains("[" + option + " ") || out.toString().contains("[" + option + "]"), option);
        }
    }

    @Test
    void theDefaultScenarioIsTheBundledFile() {
        assertEquals(org.splitscope.zoo.SampleScenarios.portendThreeTier().name(), DefaultScenario.load().name());
    }

    private static void assertOneLine(IllegalArgumentException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
