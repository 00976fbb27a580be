package org.splitscope.io.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problem;
import org.splitscope.model.SampleStats;

/**
 * Exact exit statistics, one row per validation sample:
 * <pre>
 * sample,conf:e1,correct:e1,conf:e2,correct:e2,correctFinal
 * 0,0.93,1,0.97,1,1
 * </pre>
 * For every exit id, {@code conf:<id>} is the value the exit criterion compares (max probability,
 * or normalized entropy), in [0, 1], and {@code correct:<id>} whether that exit's prediction is
 * right (1/0 or true/false); {@code correctFinal} is the final classifier's. The exits are in the
 * order of their {@code conf:} columns. {@code sample} (optional) is an id for people and is not
 * read. A short or long row, a confidence outside [0, 1] or an exit with only one of its two
 * columns is reported with its row and column.
 */
public final class ExitSamplesCsv {
    private static final String CONF = "conf:";
    private static final String CORRECT = "correct:";
    private static final List<String> KNOWN = List.of("sample", CONF + "<exit>", CORRECT + "<exit>", "correctFinal");

    private ExitSamplesCsv() {
    }

    public static Loaded<ExitSamples> read(Path file) {
        Loaded<CsvTable> parsed = CsvTable.read(file);
        if (!parsed.isOk()) {
            return Loaded.failed(parsed.problems(), parsed.warnings());
        }
        CsvTable t = parsed.value();
        t.checkColumns(List.of("correctFinal"), c -> c.equals("sample") || c.equals("correctFinal")
                || hasExit(c, CONF) || hasExit(c, CORRECT), KNOWN);
        List<String> exits = new ArrayList<>();
        for (String c : t.header) {
            if (c.startsWith(CONF)) {
                exits.add(c.substring(CONF.length()));
            }
        }
        for (String c : t.header) {
            String exit = c.startsWith(CORRECT) ? c.substring(CORRECT.length()) : null;
            if (exit != null && !exits.contains(exit)) {
                t.add(new Problem("row 1", "column '" + c + "' has no matching '" + CONF + exit + "' column"));
            }
        }
        for (String exit : exits) {
            if (!t.header.contains(CORRECT + exit)) {
                t.add(new Problem("row 1", "column '" + CONF + exit + "' has no matching '" + CORRECT + exit + "' column"));
            }
        }
        if (exits.isEmpty()) {
            t.add(new Problem("row 1", "no '" + CONF + "<exit>' column: the file describes no exit"));
        }
        if (t.hasProblems()) {
            return Loaded.failed(t.problems(), List.of());
        }
        List<CSVRecord> rows = t.rows;
        int s = rows.size();
        double[][] confidence = new double[exits.size()][s];
        boolean[][] correct = new boolean[exits.size()][s];
        boolean[] correctFinal = new boolean[s];
        for (int i = 0; i < s; i++) {
            CSVRecord r = rows.get(i);
            if (!t.complete(r)) {
                continue;
            }
            for (int e = 0; e < exits.size(); e++) {
                confidence[e][i] = t.fraction(r, CONF + exits.get(e));
                correct[e][i] = t.flag(r, CORRECT + exits.get(e));
            }
            correctFinal[i] = t.flag(r, "correctFinal");
        }
        if (t.rows.isEmpty()) {
            t.add(new Problem("", "the file has a header but no samples"));
        }
        return t.result(new ExitSamples(exits, new SampleStats(confidence, correct, correctFinal)));
    }

    private static boolean hasExit(String column, String prefix) {
        return column.startsWith(prefix) && column.length() > prefix.length();
    }
}
