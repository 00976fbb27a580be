package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.ProfileFiles;
import org.splitscope.model.ModelProfile;
import picocli.CommandLine;

/** {@code import MODEL.onnx -o PROFILE.json}, run without Main as a script would see it. */
class ImportCommandTest {
    private static final Path CLASSIFIER = org.splitscope.OnnxFixtures.CLASSIFIER;

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ImportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesAProfileTheScenarioFormatReadsAndSummarizesIt() {
        Path profile = dir.resolve("cls.json");
        Run r = run(CLASSIFIER.toString(), "-o", profile.toString(), "--units", "BLOCKS", "--input-shape", "1,3,48,192");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        ModelProfile p = ProfileFiles.read(profile).orElseThrow();
        assertEquals(60, p.unitCount());
        assertTrue(r.out().contains("471 nodes (250 Constant, 1 computed from weights only), input x[1, 3, 48, 192]"), r.out());
        assertTrue(r.out().contains("60 units (one per block between single-tensor cuts)"), r.out());
        assertTrue(r.out().contains("parameters: 534.66 KB"), r.out());
        assertTrue(r.out().contains("input: 110.59 KB, result: 8 B"), r.out());
        assertTrue(r.out().contains("operators without a FLOP formula (counted as 0): none"), r.out());
        // the first candidate is the stem's output, 8 x 24 x 96 floats, a third of the input
        assertTrue(r.out().contains("after unit 1 (p2o.Conv.0): 73.73 KB"), r.out());
        assertTrue(r.err().contains("warning:") && r.err().contains("measured by running the model once"), r.err());
    }

    @Test
    void withoutAShapeTheSymbolicDimensionsArePinnedToOneWithAWarning() {
        Run r = run(CLASSIFIER.toString(), "-o", dir.resolve("cls.json").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.err().contains("pinned to 1, giving [1, 3, 1, 1]; give the real size with --input-shape"), r.err());
    }

    @Test
    void aBrokenModelIsAnInputErrorWithoutAStackTrace() throws Exception {
        Path broken = Files.write(dir.resolve("broken.onnx"), new byte[] {8, 7, 58, 3, 10, 1});
        Path profile = dir.resolve("never.json");
        Run r = run(broken.toString(), "-o", profile.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("cannot import (1 problem):\n  (file): not an ONNX model"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(profile));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        String out = dir.resolve("p.json").toString();
        assertEquals(ExitCodes.USAGE, run(CLASSIFIER.toString(), "-o", out, "--units", "chunks").code());
        Run shape = run(CLASSIFIER.toString(), "-o", out, "--input-shape", "1,3,x");
        assertEquals(ExitCodes.USAGE, shape.code());
        assertTrue(shape.err().contains("--input-shape: expected [NAME=]D1,D2,..."), shape.err());
        assertEquals(ExitCodes.USAGE, run(CLASSIFIER.toString()).code(), "the output is required");
    }

    @Test
    void anUnwritableOutputIsAnIoError() {
        Path missing = dir.resolve("no").resolve("such");
        Run r = run(CLASSIFIER.toString(), "-o", missing.resolve("p.json").toString(), "--input-shape", "x=1,3,48,192");
        assertEquals(ExitCodes.IO_ERROR, r.code());
        assertTrue(r.err().endsWith("p.json: the folder " + missing.toAbsolutePath() + " does not exist\n"), r.err());
    }
}
