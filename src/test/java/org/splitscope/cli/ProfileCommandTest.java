package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.ProfileFiles;
import org.splitscope.model.ModelProfile;
import picocli.CommandLine;

/** {@code profile MODEL.onnx -o PROFILE.json}: the imported profile with this machine's measured latencies. */
class ProfileCommandTest {
    private static final Path CLASSIFIER = org.splitscope.OnnxFixtures.CLASSIFIER;

    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new ProfileCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesMedianLatenciesForEveryUnit() {
        Path file = dir.resolve("cls.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, CLASSIFIER.toString(), "-o", file.toString(), "--units", "blocks",
                "--input-shape", "1,3,48,192", "--runs", "3", "--warm-up", "1");
        assertEquals(ExitCodes.OK, code, err.toString());
        ModelProfile p = ProfileFiles.read(file).orElseThrow();
        assertEquals(60, p.unitCount());
        String cls = p.unit(1).latencySeconds().keySet().iterator().next();
        assertTrue(p.units().stream().allMatch(u -> u.latencySeconds().containsKey(cls)));
        assertTrue(out.toString().contains("latencies under device class '" + cls + "'"), out.toString());
        assertTrue(out.toString().contains("3 timed runs after 1 warm-up"), out.toString());
    }

    @Test
    void nonsenseCountsAreUsageErrors() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(new StringWriter(), err, CLASSIFIER.toString(), "-o",
                dir.resolve("p.json").toString(), "--runs", "0"));
        assertTrue(err.toString().contains("--runs and --threads must be at least 1"), err.toString());
    }
}
