package org.splitscope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Stage;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepPoint;

/**
 * A sweep as CSV, one row per point, SI units named in the header. Invalid points keep their row
 * with empty figures and the problems in the last column, so nothing silently disappears. Written
 * by Commons CSV (RFC 4180 quoting: a node id with a comma or a quote keeps its column), and every
 * text cell that a spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @},
 * tab or carriage return first) starts with a single quote, as OWASP advises for CSV export:
 * a node called {@code =HYPERLINK(...)} stays text. Numbers are numbers, negative ones too.
 */
public final class SweepCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private SweepCsv() {
    }

    public static String toCsv(String parameter, List<SweepPoint> points) {
        return print(out -> {
            out.printRecord(text(parameter), "meanLatencySeconds", "p95LatencySeconds", "accuracy", "costUsdPerMillion",
                    "throughputPerSecond", "bottleneck", "optimalStages", "optimalMeanLatencySeconds",
                    "optimalCostUsdPerMillion", "problems", "optimalProven");
            for (SweepPoint p : points) {
                List<String> row = new ArrayList<>();
                row.add(number(p.value()));
                figures(row, p.current());
                row.add(text(p.optimalPlan() == null ? "" : stages(p.optimalPlan())));
                row.add(p.optimal() == null ? "" : number(p.optimal().meanLatency()));
                row.add(p.optimal() == null ? "" : number(p.optimal().costUsdPerMillion()));
                row.add(text(problems(p)));
                row.add(proven(p));
                out.printRecord(row);
            }
        });
    }

    /** Whether the search proved the point's best plan optimal; empty where there is no best plan. */
    private static String proven(SweepPoint p) {
        return p.optimalPlan() == null ? "" : String.valueOf(p.proven());
    }

    public static void write(String parameter, List<SweepPoint> points, Path file) throws IOException {
        JsonFiles.writeAtomically(file, toCsv(parameter, points));
    }

    /** A two-parameter sweep, one row per grid point: the best plan's figures and its region (cuts and placement). */
    public static String toCsv(SweepGrid.Result grid) {
        return print(out -> {
            out.printRecord(text(grid.x().toString()), text(grid.y().toString()), "optimalMeanLatencySeconds", "optimalCostUsdPerMillion",
                    "optimalPlan", "problems", "optimalProven");
            for (int j = 0; j < grid.ys().length; j++) {
                for (int i = 0; i < grid.xs().length; i++) {
                    SweepPoint p = grid.rows().get(j).get(i);
                    out.printRecord(number(grid.xs()[i]), number(grid.ys()[j]),
                            p.optimal() == null ? "" : number(p.optimal().meanLatency()),
                            p.optimal() == null ? "" : number(p.optimal().costUsdPerMillion()),
                            text(p.optimalPlan() == null ? "" : SweepGrid.signature(p.optimalPlan())),
                            text(problems(p)), proven(p));
                }
            }
        });
    }

    public static void write(SweepGrid.Result grid, Path file) throws IOException {
        JsonFiles.writeAtomically(file, toCsv(grid));
    }

    /**
     * A text cell a spreadsheet shows as text: one that would start a formula gets a leading
     * single quote (OWASP's CSV injection advice). Numbers never pass through here.
     */
    static String text(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private interface Rows {
        void print(CSVPrinter out) throws IOException;
    }

    private static String print(Rows rows) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(text, FORMAT)) {
            rows.print(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return text.toString();
    }

    private static String problems(SweepPoint p) {
        return p.problems().stream().map(Problem::toString).collect(Collectors.joining("; "));
    }

    private static void figures(List<String> row, Metrics m) {
        if (m == null) {
            row.addAll(List.of("", "", "", "", "", ""));
            return;
        }
        row.add(number(m.meanLatency()));
        row.add(number(m.latency().p95()));
        row.add(m.accuracy() == null ? "" : number(m.accuracy()));
        row.add(number(m.costUsdPerMillion()));
        row.add(m.throughputPerSecond() == null ? "" : number(m.throughputPerSecond()));
        row.add(text(m.bottleneck() == null ? "" : m.bottleneck()));
    }

    /** Stages as {@code 1-19@end|20-56@cloud}: compact, and equal exactly when the plans' cuts and nodes are. */
    public static String stages(Plan plan) {
        return plan.stages().stream().map((Stage s) -> s.firstUnit() + "-" + s.lastUnit() + "@" + s.node())
                .collect(Collectors.joining("|"));
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }
}
