package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code splitscope completion}: picocli's bash/zsh script, made from the commands themselves. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void theScriptNamesEveryCommandAndTheWordsOfEnumeratedOptions() {
        CommandLineTest.Run r = CommandLineTest.run("completion");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("\ncomplete -F _complete_splitscope -o default splitscope"), "registers the command");
        for (String command : new CommandLine(new Main()).getSubcommands().keySet()) {
            assertTrue(r.out().contains("function _picocli_splitscope_" + command.replace("-", "") + "()"), command);
        }
        List<String> objectives = new ArrayList<>();
        new OptionWords.Objectives().forEach(w -> objectives.add('"' + w + '"'));
        assertEquals("latency", new OptionWords.Objectives().iterator().next(), "the words people use");
        assertTrue(r.out().contains("(" + String.join(" ", objectives) + ") # --objective values"), r.out());
    }

    /** What a user gets on Tab, asked from bash itself (skipped where there is no bash). */
    @Test
    void bashCompletesCommandsAndOptionValues() throws Exception {
        Path bash = Path.of("/bin/bash");
        assumeTrue(Files.isExecutable(bash), "bash is needed to run the script");
        Path script = dir.resolve("splitscope.bash");
        Files.writeString(script, CommandLineTest.run("completion").out());
        String probe = "source '" + script + "'\n"
                + "ask() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE};"
                + " COMPREPLY=(); _complete_splitscope 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
                + "ask splitscope opt\n"
                + "ask splitscope optimize --objective ''\n"
                + "ask splitscope optimize --method pipe\n";
        Process p = new ProcessBuilder(bash.toString(), "-c", probe).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash answered");
        String[] answers = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        assertEquals("optimize", answers[0].strip());
        assertEquals(String.join(" ", new OptionWords.Objectives()), answers[1].strip());
        assertEquals("pipeline pipeline-communication", answers[2].strip());
    }
}
