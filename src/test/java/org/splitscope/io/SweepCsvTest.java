package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Problem;
import org.splitscope.whatif.SweepPoint;

/** The sweep CSV keeps its columns whatever the ids hold, and a spreadsheet never runs a cell as a formula. */
class SweepCsvTest {
    private static List<CSVRecord> parsed(String csv) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void idsWithCommasQuotesAndFormulasStayTextInTheirColumn() throws IOException {
        Problem hostile = new Problem("=HYPERLINK(\"http://example.com\",\"x\")", "link \"a,b\" is down");
        List<CSVRecord> rows = parsed(SweepCsv.toCsv("+param", List.of(new SweepPoint(-5, null, null, null, List.of(hostile)))));
        assertEquals(2, rows.size());
        rows.forEach(r -> assertEquals(12, r.size(), r::toString));
        assertEquals("'+param", rows.get(0).get(0));
        assertEquals("-5.00000000", rows.get(1).get(0), "a negative number stays a number");
        assertEquals("'" + hostile, rows.get(1).get(10));
    }

    /** A best plan the search did not prove optimal says so in its row, as the window and the report mark it. */
    @Test
    void eachBestPlanSaysWhetherItIsProvenOptimal() throws IOException {
        var s = org.splitscope.zoo.SampleScenarios.teaching();
        var p = org.splitscope.whatif.SweepParameter.parse("link:phone-edge.bandwidth");
        var real = org.splitscope.whatif.Sweep.reoptimizing(org.splitscope.optimize.Objective.MEAN_LATENCY);
        List<SweepPoint> points = new org.splitscope.whatif.Sweep(s, p, at -> new org.splitscope.whatif.Sweep.Best(
                real.apply(at).plan(), p.current(at) < 1e7)).run(org.splitscope.whatif.Sweep.values(1e6, 1e8, 3, true), x -> { }, () -> false);
        List<CSVRecord> rows = parsed(SweepCsv.toCsv(p.toString(), points));
        assertEquals("optimalProven", rows.get(0).get(11));
        assertEquals(List.of("true", "false", "false"), rows.subList(1, 4).stream().map(r -> r.get(11)).toList());
        List<CSVRecord> none = parsed(SweepCsv.toCsv("x", List.of(new SweepPoint(1, null, null, null, List.of()))));
        assertEquals("", none.get(1).get(11), "no best plan, nothing to prove");
    }

    @Test
    void onlyCellsThatWouldStartAFormulaAreChanged() {
        for (String formula : List.of("=1+1", "+1", "-x", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, SweepCsv.text(formula));
        }
        for (String plain : List.of("", "edge", "1-19@edge|20-56@cloud", "'quoted", "a=b")) {
            assertEquals(plain, SweepCsv.text(plain));
        }
    }
}
