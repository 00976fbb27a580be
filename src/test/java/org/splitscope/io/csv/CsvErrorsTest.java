package org.splitscope.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problem;

/** Mixed or inconsistent CSV files are rejected, every problem located by row and column. */
class CsvErrorsTest {
    @TempDir
    Path dir;

    private List<String> problems(Function<Path, Loaded<?>> reader, String csv) throws IOException {
        Loaded<?> loaded = reader.apply(Files.writeString(dir.resolve("in.csv"), csv));
        assertFalse(loaded.isOk(), "should be rejected: " + csv);
        return loaded.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void unitsNeedTheirColumnsAndNumbers() throws IOException {
        assertEquals(List.of("row 1: required column 'cutBytes' is missing",
                        "row 1: unknown column 'flop'; did you mean 'flops'? Allowed: name, kind, flops, paramBytes, "
                                + "cutBytes, workingBytes, latency:<deviceClass>",
                        "row 1: required column 'flops' is missing").stream().sorted().toList(),
                problems(UnitsCsv::read, "name,flop,paramBytes\na,1,2\n").stream().sorted().toList());
        // rows are lines of the file: the comment and the blank line count
        assertEquals(List.of("row 4, column 'flops': expected a number, got 'lots'",
                        "row 5, column 'latency:tx2': must be >= 0, got -0.1",
                        "row 6, column 'name': must not be empty"),
                problems(UnitsCsv::read, "# units\nname,flops,paramBytes,cutBytes,latency:tx2\n\na,lots,1,1,0.1\n"
                        + "b,1,1,1,-0.1\n,1,1,1,\n"));
    }

    @Test
    void shortAndLongRowsAreReportedWithTheirCellCount() throws IOException {
        assertEquals(List.of("row 3: has 2 cells but the header has 4 columns",
                        "row 4: has 5 cells but the header has 4 columns"),
                problems(UnitsCsv::read, "name,flops,paramBytes,cutBytes\na,1,1,1\nb,1\nc,1,1,1,1\n"));
    }

    @Test
    void samplesRejectConfidencesOutsideTheUnitIntervalAndUnpairedColumns() throws IOException {
        assertEquals(List.of("row 3, column 'conf:e1': must be between 0 and 1, got 1.3",
                        "row 4, column 'correct:e1': expected 1/0 or true/false, got 'maybe'",
                        "row 5: has 2 cells but the header has 3 columns"),
                problems(ExitSamplesCsv::read, "conf:e1,correct:e1,correctFinal\n0.5,1,1\n1.3,1,0\n0.2,maybe,1\n0.9,1\n"));
        assertEquals(List.of("row 1: column 'correct:e2' has no matching 'conf:e2' column",
                        "row 1: column 'conf:e1' has no matching 'correct:e1' column"),
                problems(ExitSamplesCsv::read, "conf:e1,correct:e2,correctFinal\n0.5,1,1\n"));
        assertEquals(List.of("row 1: required column 'correctFinal' is missing"),
                problems(ExitSamplesCsv::read, "conf:e1,correct:e1\n0.5,1\n"));
    }

    @Test
    void curvesNeedOverallRowsAndDistinctThresholds() throws IOException {
        String header = "exit,threshold,exitRate,exitedAccuracy\n";
        assertEquals(List.of("row 3, column 'threshold': exit 'e1' has threshold 0.5 twice",
                        "row 4, column 'exitRate': must be 1 or empty on an 'all' row (every sample counts), got 0.9",
                        "row 5, column 'threshold': the final classifier has no threshold; its row says 'all'",
                        "(file): exit 'e2' has no 'all' row giving its accuracy over all samples",
                        "(file): no 'final,all' row giving the final classifier's accuracy"),
                problems(ExitCurvesCsv::read, header + "e1,0.5,0.6,0.9\ne1,0.5,0.5,0.9\ne1,all,0.9,0.7\nfinal,0.5,1,0.9\n"
                        + "e2,0.3,0.9,0.8\n"));
        assertEquals(List.of("(file): exit 'e1' has no threshold rows"),
                problems(ExitCurvesCsv::read, header + "e1,all,,0.7\nfinal,all,1,0.9\n"));
    }

    @Test
    void rangesOfOneClassAgreeOnExitHeadsAndAreNotRepeated() throws IOException {
        assertEquals(List.of("row 3, column 'includesExitHead': is false but row 2 says true for device class 'tx2'; "
                                + "a class's table either includes exit heads or not",
                        "row 4, column 'firstUnit': the range 1..2 of device class 'tx2' is given twice",
                        "row 5, column 'lastUnit': the range 3..2 ends before it starts",
                        "row 6, column 'firstUnit': expected a whole number >= 1, got '0'"),
                problems(RangeLatencyCsv::read, "deviceClass,firstUnit,lastUnit,seconds,includesExitHead\n"
                        + "tx2,1,2,0.1,true\ntx2,3,3,0.1,false\ntx2,1,2,0.2,true\ncpu,3,2,0.1,no\ncpu,0,1,0.1,no\n"));
    }

    @Test
    void fileLevelProblems() throws IOException {
        assertEquals(List.of("(file): the file is empty; it needs a header row naming its columns"),
                problems(UnitsCsv::read, ""));
        assertEquals(List.of("(file): the file has a header but no units"),
                problems(UnitsCsv::read, "name,flops,paramBytes,cutBytes\n"));
        assertEquals(List.of("row 1: column 'flops' appears twice in the header"),
                problems(UnitsCsv::read, "name,flops,flops,paramBytes,cutBytes\na,1,1,1,1\n"));
        assertEquals(List.of("row 2, column 1: a quote opened here is never closed"),
                problems(UnitsCsv::read, "name,flops,paramBytes,cutBytes\n\"a,1,1,1\n"));
        assertEquals(List.of("row 3, column 2: text after the closing quote; a quoted cell must end at its quote"
                        + " (write a quote inside it as \"\")"),
                problems(UnitsCsv::read, "name,flops,paramBytes,cutBytes\na,1,1,1\nb,\"2\"x,1,1\n"));
        assertEquals(List.of("row 1, column 2: the header names no column here"),
                problems(UnitsCsv::read, "name,,paramBytes,cutBytes\na,1,1,1\n"));
        assertEquals(List.of("row 1, column 5: the header names no column here"),
                problems(UnitsCsv::read, "name,flops,paramBytes,cutBytes,\na,1,1,1\n"));
        Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xE9, '\n'});
        assertEquals("(file): " + latin1 + " is not UTF-8 text", UnitsCsv.read(latin1).problems().get(0).toString());
    }

    @Test
    void quotedCellsWithCommasQuotesAndLineBreaksAreRead() throws IOException {
        Loaded<?> read = UnitsCsv.read(Files.writeString(dir.resolve("q.csv"), "# units\nname,flops,paramBytes,cutBytes\n\n"
                + "\"a, \"\"b\"\"\nc\" ,1,1,1\n\"d\",2,2,2\n"));
        assertTrue(read.isOk(), read.problems()::toString);
    }

    @Test
    void rowAndLineLimitsAreCheckedBeforeTheRowsAreKept() throws IOException {
        String many = "name,flops,paramBytes,cutBytes\n" + "a,1,1,1\n".repeat(CsvTable.MAX_ROWS + 1);
        assertEquals(List.of("(file): the file has more than 200,000 data rows, the limit for a CSV file"),
                problems(UnitsCsv::read, many));
        String blank = "name,flops,paramBytes,cutBytes\n" + "\n".repeat(CsvTable.MAX_LINES) + "a,1,1,1\n";
        assertEquals(List.of("(file): the file has 1,000,002 lines, over the limit of 1,000,000 lines (blank and"
                + " comment lines count too)"), problems(UnitsCsv::read, blank));
    }

    @Test
    void manyBadRowsAreCappedWithACount() throws IOException {
        StringBuilder csv = new StringBuilder("name,flops,paramBytes,cutBytes\n");
        for (int i = 0; i < 30; i++) {
            csv.append("u").append(i).append(",x,1,1\n");
        }
        List<String> found = problems(UnitsCsv::read, csv.toString());
        assertEquals(CsvTable.MAX_PROBLEMS + 1, found.size());
        assertEquals("(file): ... and 10 more problems", found.get(CsvTable.MAX_PROBLEMS));
    }
}
