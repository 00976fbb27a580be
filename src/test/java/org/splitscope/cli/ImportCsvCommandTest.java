package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.ProfileFiles;
import org.splitscope.io.csv.RangeLatencyCsv;
import org.splitscope.io.csv.UnitsCsv;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SampleStats;

/** {@code import-csv} on the documented examples in sample-scenarios/formats. */
class ImportCsvCommandTest {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private static final String UNITS = FORMATS.resolve("units.csv").toString();

    @TempDir
    Path dir;

    private static ExportOnnxCommandTest.Run run(String... args) {
        return ExportOnnxCommandTest.run(args);
    }

    @Test
    void buildsAProfileFromEveryFile() {
        Path out = dir.resolve("p.json");
        ExportOnnxCommandTest.Run r = run("import-csv", "--units", UNITS, "--input-bytes", "602112",
                "--ranges", FORMATS.resolve("ranges.csv").toString(), "--exit", "e1:1:1e6:4e4", "--exit", "e2:2:1e6:4e4",
                "--exit-samples", FORMATS.resolve("exit-samples.csv").toString(), "--criterion", "maxProb", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        ModelProfile p = ProfileFiles.read(out).orElseThrow();
        assertEquals("units", p.name());
        assertEquals(602112, p.inputBytes());
        assertEquals(UnitsCsv.read(FORMATS.resolve("units.csv")).orElseThrow(), p.units());
        assertEquals(RangeLatencyCsv.read(FORMATS.resolve("ranges.csv")).orElseThrow(), p.rangeLatencies());
        assertEquals(List.of(new ExitHead("e1", 1, 1e6, 4e4), new ExitHead("e2", 2, 1e6, 4e4)), p.exits());
        assertEquals(8, assertInstanceOf(SampleStats.class, p.exitStats()).sampleCount());
        assertTrue(r.out().contains("4 units, 2 exits (SampleStats), 2 range tables"), r.out());
    }

    @Test
    void augmentsAProfileWithCurves() {
        Path base = dir.resolve("base.json");
        assertEquals(ExitCodes.OK, run("import-csv", "--units", UNITS, "--input-bytes", "602112", "--name", "small-cnn",
                "-o", base.toString()).code());
        Path out = dir.resolve("curves.json");
        ExportOnnxCommandTest.Run r = run("import-csv", "--profile", base.toString(),
                "--exit", "e1:1:1e6:4e4", "--exit", "e2:2:1e6:4e4", "--exit-curves",
                FORMATS.resolve("exit-curves.csv").toString(), "--combination", "nested", "--criterion", "entropy",
                "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        ModelProfile p = ProfileFiles.read(out).orElseThrow();
        assertEquals("small-cnn", p.name());
        CurveStats c = assertInstanceOf(CurveStats.class, p.exitStats());
        assertEquals(CurveCombination.NESTED, c.combination());
        assertEquals(0.875, c.finalAccuracy());
        assertEquals(ExitCriterion.ENTROPY, p.criterion());
    }

    @Test
    void exitHeadsWithoutStatisticsMakeAnInvalidProfile() {
        ExportOnnxCommandTest.Run r = run("import-csv", "--units", UNITS, "--input-bytes", "602112",
                "--exit", "e1:1:1e6:4e4", "-o", dir.resolve("p.json").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("the profile these files make is invalid"), r.err());
    }

    @Test
    void statisticsWithoutTheirExitHeadsAreAProblemOfTheFile() {
        ExportOnnxCommandTest.Run r = run("import-csv", "--units", UNITS, "--input-bytes", "602112",
                "--exit-samples", FORMATS.resolve("exit-samples.csv").toString(), "-o", dir.resolve("p.json").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith(FORMATS.resolve("exit-samples.csv") + ": "), r.err());
        assertTrue(Files.notExists(dir.resolve("p.json")));
    }

    @Test
    void anExitAfterTheLastUnitMakesAnInvalidProfile() {
        ExportOnnxCommandTest.Run r = run("import-csv", "--units", UNITS, "--input-bytes", "602112",
                "--exit", "e1:9:1e6:4e4", "-o", dir.resolve("p.json").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("profile.exits[0].afterUnit"), r.err());
    }

    @Test
    void aBadRowIsNamedWithItsFileRowAndColumn() throws IOException {
        Path bad = Files.writeString(dir.resolve("units.csv"), "name,flops,paramBytes,cutBytes\nstem,-5,1,1\n");
        ExportOnnxCommandTest.Run r = run("import-csv", "--units", bad.toString(), "--input-bytes", "1",
                "-o", dir.resolve("p.json").toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code());
        assertTrue(r.err().contains(bad + ": 1 problem:") && r.err().contains("row 2, column 'flops'"), r.err());
    }

    @Test
    void badCommandLines() {
        String out = dir.resolve("p.json").toString();
        assertEquals(ExitCodes.USAGE, run("import-csv", "--units", UNITS, "-o", out).code(), "no input size");
        assertEquals(ExitCodes.USAGE, run("import-csv", "-o", out).code(), "no base");
        assertEquals(ExitCodes.USAGE, run("import-csv", "--units", UNITS, "--profile", out, "-o", out).code(), "two bases");
        ExportOnnxCommandTest.Run r = run("import-csv", "--units", UNITS, "--input-bytes", "1", "--exit", "e1:x", "-o", out);
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--exit: expected ID:AFTER_UNIT:FLOPS:PARAM_BYTES"), r.err());
        assertEquals(ExitCodes.USAGE, run("import-csv", "--units", UNITS, "--input-bytes", "1", "--combination", "nested",
                "-o", out).code(), "a combination without curves");
    }
}
