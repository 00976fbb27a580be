package org.splitscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepPoint;

/**
 * A two-parameter sweep as a text heat map: best mean latency and a letter per region of the same
 * best plan, with {@code ~} on the cells whose best plan the search did not prove optimal (the
 * command's last line counts them).
 */
final class GridOutput {
    private GridOutput() {
    }

    static void print(SweepGrid.Result grid, PrintWriter out) {
        List<String> legend = legend(grid.regions());
        out.printf(Locale.ROOT, "Best mean latency (ms) and best plan's region; rows %s, columns %s%n", grid.y(), grid.x());
        out.printf(Locale.ROOT, "%-12s", "");
        for (double x : grid.xs()) {
            out.printf(Locale.ROOT, " %11s", Format.value(x));
        }
        out.println();
        boolean none = false;
        SweepPoint invalid = null;
        for (int j = 0; j < grid.ys().length; j++) {
            out.printf(Locale.ROOT, "%-12s", Format.value(grid.ys()[j]));
            for (int i = 0; i < grid.xs().length; i++) {
                SweepPoint p = grid.rows().get(j).get(i);
                int region = grid.region(i, j);
                invalid = invalid == null && !p.valid() ? p : invalid;
                none |= p.valid() && region < 0;
                String cell = !p.valid() ? "invalid" : region < 0 ? "none" : String.format(Locale.ROOT, "%.4g %s%s",
                        p.optimal().meanLatency() * 1e3, letter(region), p.unproven() ? "~" : "");
                out.printf(Locale.ROOT, " %11s", cell);
            }
            out.println();
        }
        if (none) {
            out.println("none: no feasible plan there; no plan meets the workload's goals (accuracy floor, latency SLO, budget)");
        }
        if (invalid != null) {
            out.println("invalid: the scenario has problems there, for example " + invalid.problems().get(0));
        }
        out.println("Regions (best cuts and placement):");
        legend.forEach(line -> out.println("  " + line));
    }

    private static List<String> legend(Map<String, Integer> regions) {
        String[] byNumber = new String[regions.size()];
        regions.forEach((signature, n) -> byNumber[n] = signature);
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < byNumber.length; n++) {
            lines.add(letter(n) + ": " + byNumber[n]);
        }
        return lines;
    }

    static String letter(int region) {
        return region < 26 ? String.valueOf((char) ('A' + region)) : "R" + region;
    }
}
