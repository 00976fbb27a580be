package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;

/** The README tells the truth: its example scenario is valid and its commands exist. */
class ReadmeTest {
    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void exampleScenarioIsValid() throws Exception {
        Matcher m = Pattern.compile("### Example\\s+```json\\n(.*?)```", Pattern.DOTALL).matcher(readme());
        assertTrue(m.find(), "the README has an example scenario");
        Loaded<Scenario> loaded = ScenarioFiles.read(m.group(1), null);
        assertTrue(loaded.isOk(), () -> loaded.problems().toString());
    }

    @Test
    void setUpHasExactlyTheRunAndTestCommands() throws Exception {
        String setUp = readme().split("## Set-up")[1].split("\n## ")[0];
        assertTrue(setUp.contains("mvn -q package -DskipTests && java -jar target/splitscope.jar\n"), setUp);
        assertTrue(setUp.contains("mvn -B test\n"), setUp);
        assertTrue(Files.readString(Path.of(".ci", "run")).contains("mvn -B -ntp test"));
    }

    @Test
    void headlessCommandNamesAnExistingScenario() throws Exception {
        Matcher m = Pattern.compile("java -jar target/splitscope\\.jar evaluate (\\S+\\.json)").matcher(readme());
        assertTrue(m.find(), "the README's run command evaluates a scenario");
        assertEquals(ExitCodes.OK, CommandLineTest.run("validate", m.group(1)).code());
    }

    @Test
    void everyRangeAndSizeLimitIsListed() throws Exception {
        String ranges = readme().split("#### Ranges of numbers")[1].split("### Rules")[0];
        for (java.lang.reflect.Field f : org.splitscope.model.Ranges.class.getFields()) {
            if (f.get(null) instanceof org.splitscope.model.FieldRange r) {
                assertTrue(ranges.contains("| " + r.describe() + " |"), f.getName() + ": " + r.describe());
            }
        }
        for (java.lang.reflect.Field f : org.splitscope.model.SizeLimits.class.getFields()) {
            assertTrue(ranges.contains(": " + f.get(null)), f.getName() + " = " + f.get(null));
        }
        assertTrue(ranges.contains(": " + org.splitscope.whatif.Sweep.MAX_POINTS + ";"));
        assertTrue(ranges.contains(": " + org.splitscope.whatif.SweepGrid.MAX_POINTS + ","));
    }
}
