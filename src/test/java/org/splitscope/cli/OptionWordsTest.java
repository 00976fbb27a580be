package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every enumerated option of every command takes its values in any case and in the words people
 * use, and a wrong value is one line naming the option, the value, the accepted words and the help.
 */
class OptionWordsTest {
    private static final Path TEACHING = Path.of("sample-scenarios", "teaching.json");

    @TempDir
    Path dir;

    /** (command, option) for every option of an enum type, found from the commands themselves. */
    private static List<String[]> enumeratedOptions() {
        List<String[]> found = new ArrayList<>();
        new CommandLine(new Main()).getSubcommands().forEach((name, sub) -> {
            for (OptionSpec o : sub.getCommandSpec().options()) {
                if (o.type().isEnum()) {
                    found.add(new String[] {name, o.longestName()});
                }
            }
        });
        return found;
    }

    /** The value an option takes from one word, parsed by the whole command line as a user's would be. */
    private static Object parsed(String command, String option, String word) {
        CommandLine root = new CommandLine(new Main());
        try {
            root.parseArgs(command, option, word);
        } catch (CommandLine.MissingParameterException e) {
            // the command's other required arguments are not the point here; the option was parsed first
        }
        return root.getSubcommands().get(command).getCommandSpec().findOption(option).getValue();
    }

    @Test
    void theEnumeratedOptionsAreAllFound() {
        Set<String> names = new HashSet<>();
        enumeratedOptions().forEach(o -> names.add(o[0] + " " + o[1]));
        assertTrue(names.containsAll(List.of("optimize --objective", "optimize --method", "sweep --optimize",
                "report --optimize", "zoo --units", "import --units", "export-onnx --units", "testbed --units",
                "testbed --shaper", "import-csv --combination", "import-csv --criterion")), names.toString());
    }

    @Test
    void everyEnumeratedOptionTakesLowerCaseNamesAndTheShownWordsInAnyCase() {
        for (String[] o : enumeratedOptions()) {
            OptionSpec spec = new CommandLine(new Main()).getSubcommands().get(o[0]).getCommandSpec().findOption(o[1]);
            String where = o[0] + " " + o[1];
            for (Object constant : spec.type().getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                assertEquals(constant, parsed(o[0], o[1], name), where);
                assertEquals(constant, parsed(o[0], o[1], name.toLowerCase(Locale.ROOT)), where);
                assertEquals(constant, parsed(o[0], o[1], name.toLowerCase(Locale.ROOT).replace('_', '-')), where);
            }
            Map<Object, String> shown = new HashMap<>();
            for (String word : spec.completionCandidates()) {
                Object constant = parsed(o[0], o[1], word.toUpperCase(Locale.ROOT));
                assertNotNull(constant, where + " " + word);
                assertEquals(null, shown.put(constant, word), where + ": two shown words for one value");
            }
            assertEquals(spec.type().getEnumConstants().length, shown.size(), where + " shows a word for every value");
        }
    }

    @Test
    void theWordsPeopleUse() {
        assertEquals("MEAN_LATENCY", ((Enum<?>) parsed("optimize", "--objective", "latency")).name());
        assertEquals("P95_LATENCY", ((Enum<?>) parsed("optimize", "--objective", "P95")).name());
        assertEquals("THROUGHPUT", ((Enum<?>) parsed("sweep", "--optimize", "throughput")).name());
        assertEquals("PIPELINE_COMMUNICATION", ((Enum<?>) parsed("optimize", "--method", "pipeline-communication")).name());
        assertEquals("BLOCKS", ((Enum<?>) parsed("import", "--units", "Blocks")).name());
        assertEquals("IN_PROCESS", ((Enum<?>) parsed("testbed", "--shaper", "in-process")).name());
        assertEquals("MAX_PROB", ((Enum<?>) parsed("import-csv", "--criterion", "maxprob")).name());
    }

    @Test
    void aWrongValueIsOneLineNamingTheOptionTheValueTheWordsAndTheHelp() {
        for (String[] o : enumeratedOptions()) {
            OptionSpec spec = new CommandLine(new Main()).getSubcommands().get(o[0]).getCommandSpec().findOption(o[1]);
            CommandLineTest.Run r = CommandLineTest.run(o[0], o[1], "fastest");
            String where = o[0] + " " + o[1];
            assertEquals(ExitCodes.USAGE, r.code(), where);
            assertEquals("", r.out(), where);
            assertEquals(1, r.err().lines().count(), where + ": " + r.err());
            String line = r.err().strip();
            assertTrue(line.startsWith("splitscope " + o[0] + ": " + o[1] + ": 'fastest' is not one of "), line);
            assertTrue(line.endsWith("; see `splitscope " + o[0] + " --help`"), line);
            for (String word : spec.completionCandidates()) {
                assertTrue(line.contains(word), where + " names " + word + ": " + line);
            }
        }
    }

    @Test
    void otherBadCommandLinesAreOneLineWithTheHelpToo() {
        CommandLineTest.Run typo = CommandLineTest.run("optimize", TEACHING.toString(), "--objectiv");
        assertEquals(ExitCodes.USAGE, typo.code());
        assertEquals("splitscope optimize: Unknown option: '--objectiv' (did you mean --objective?); "
                + "see `splitscope optimize --help`", typo.err().strip());
        CommandLineTest.Run command = CommandLineTest.run("optimise", TEACHING.toString());
        assertEquals(ExitCodes.USAGE, command.code());
        assertEquals(1, command.err().lines().count(), command.err());
        assertTrue(command.err().startsWith("splitscope: unknown command 'optimise' (did you mean optimize"), command.err());
        CommandLineTest.Run number = CommandLineTest.run("optimize", TEACHING.toString(), "--top", "many");
        assertEquals(ExitCodes.USAGE, number.code());
        assertEquals("splitscope optimize: --top: 'many' is not an int; see `splitscope optimize --help`", number.err().strip());
        CommandLineTest.Run help = CommandLineTest.run("help", "frobnicate");
        assertEquals(ExitCodes.USAGE, help.code());
        assertEquals("splitscope: Unknown subcommand 'frobnicate'; see `splitscope --help`", help.err().strip());
        CommandLineTest.Run missing = CommandLineTest.run("evaluate");
        assertEquals(ExitCodes.USAGE, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains("SCENARIO"), missing.err());
    }

    @Test
    void commandsRunWithLowerCaseWords() {
        CommandLineTest.Run p95 = CommandLineTest.run("optimize", TEACHING.toString(), "--objective", "p95", "--method", "chain", "--top", "1");
        assertEquals(ExitCodes.OK, p95.code(), p95.err());
        assertTrue(p95.out().startsWith("Objective: p95 latency"), p95.out());
        CommandLineTest.Run zoo = CommandLineTest.run("zoo", "resnet-50", "--units", "layers", "-o", dir.resolve("r.json").toString());
        assertEquals(ExitCodes.OK, zoo.code(), zoo.err());
        CommandLineTest.Run sweep = CommandLineTest.run("sweep", TEACHING.toString(), "--param", "link:phone-edge.bandwidth",
                "--from", "1e6", "--to", "1e8", "--steps", "2", "--optimize", "cost");
        assertEquals(ExitCodes.OK, sweep.code(), sweep.err());
        assertTrue(sweep.out().contains("Best plan for cost per request"), sweep.out());
        assertFalse(sweep.out().isBlank());
    }
}
