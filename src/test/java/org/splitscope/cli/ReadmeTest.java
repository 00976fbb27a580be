package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** A new user copies exactly two commands, both through the wrapper; CI runs the second word for word. */
    @Test
    void setUpHasExactlyTheRunAndTestCommandsAndCiRunsTheTestCommand() throws Exception {
        String setUp = readme().split("## Set-up")[1].split("\n## ")[0];
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(setUp);
        List<String> commands = new ArrayList<>();
        while (block.find()) {
            commands.add(block.group(1).strip());
        }
        assertEquals(List.of("./mvnw -q package -DskipTests && java -jar target/splitscope.jar", "./mvnw -B test"), commands);
        List<String> ci = Files.readAllLines(Path.of(".ci", "run")).stream().map(String::strip).toList();
        assertTrue(ci.contains(commands.get(1)), "CI runs the README's test command as it is written");
        assertTrue(Files.isExecutable(Path.of("mvnw")), "the wrapper script is executable");
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
