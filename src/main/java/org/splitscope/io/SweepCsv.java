package org.splitscope.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Stage;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepPoint;

/**
 * A sweep as CSV, one row per point, SI units named in the header. Invalid points keep their row
 * with empty figures and the problems in the last column, so nothing silently disappears.
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    public static String toCsv(String parameter, List<SweepPoint> points) {
        StringBuilder out = new StringBuilder();
        out.append(parameter).append(",meanLatencySeconds,p95LatencySeconds,accuracy,costUsdPerMillion,"
                + "throughputPerSecond,bottleneck,optimalStages,optimalMeanLatencySeconds,optimalCostUsdPerMillion,problems\n");
        for (SweepPoint p : points) {
            out.append(number(p.value())).append(',');
            figures(out, p.current());
            out.append(quote(p.optimalPlan() == null ? "" : stages(p.optimalPlan()))).append(',');
            out.append(p.optimal() == null ? "" : number(p.optimal().meanLatency())).append(',');
            out.append(p.optimal() == null ? "" : number(p.optimal().costUsdPerMillion())).append(',');
            out.append(quote(p.problems().stream().map(Problem::toString).collect(Collectors.joining("; "))));
            out.append('\n');
        }
        return out.toString();
    }

    public static void write(String parameter, List<SweepPoint> points, Path file) throws IOException {
        JsonFiles.writeAtomically(file, toCsv(parameter, points));
    }

    /** A two-parameter sweep, one row per grid point: the best plan's figures and its region (cuts and placement). */
    public static String toCsv(SweepGrid.Result grid) {
        StringBuilder out = new StringBuilder(grid.x() + "," + grid.y()
                + ",optimalMeanLatencySeconds,optimalCostUsdPerMillion,optimalPlan,problems\n");
        for (int j = 0; j < grid.ys().length; j++) {
            for (int i = 0; i < grid.xs().length; i++) {
                SweepPoint p = grid.rows().get(j).get(i);
                out.append(number(grid.xs()[i])).append(',').append(number(grid.ys()[j])).append(',');
                out.append(p.optimal() == null ? "," : number(p.optimal().meanLatency()) + "," + number(p.optimal().costUsdPerMillion()) + ",");
                out.append(p.optimalPlan() == null ? "" : quote(SweepGrid.signature(p.optimalPlan()))).append(',');
                out.append(quote(p.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")))).append('\n');
            }
        }
        return out.toString();
    }

    public static void write(SweepGrid.Result grid, Path file) throws IOException {
        JsonFiles.writeAtomically(file, toCsv(grid));
    }

    private static void figures(StringBuilder out, Metrics m) {
        if (m == null) {
            out.append(",,,,,,");
            return;
        }
        out.append(number(m.meanLatency())).append(',').append(number(m.latency().p95())).append(',')
                .append(m.accuracy() == null ? "" : number(m.accuracy())).append(',')
                .append(number(m.costUsdPerMillion())).append(',')
                .append(m.throughputPerSecond() == null ? "" : number(m.throughputPerSecond())).append(',')
                .append(quote(m.bottleneck() == null ? "" : m.bottleneck())).append(',');
    }

    /** Stages as {@code 1-19@end|20-56@cloud}: compact, and equal exactly when the plans' cuts and nodes are. */
    public static String stages(Plan plan) {
        return plan.stages().stream().map((Stage s) -> s.firstUnit() + "-" + s.lastUnit() + "@" + s.node())
                .collect(Collectors.joining("|"));
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.9g", v);
    }

    private static String quote(String s) {
        return s.isEmpty() ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }
}
