package org.splitscope.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.splitscope.chart.PlanRegionChart;
import org.splitscope.whatif.SweepGrid;

/**
 * A report's two-parameter what-if: the window's heat map of the best plan's mean latency with its
 * lettered regions, and a table of the regions: each letter's best plan, how many grid points it
 * wins and the range of its mean latency there. Every figure is the grid's; none is computed here.
 */
final class GridBlocks {
    private GridBlocks() {
    }

    static List<Block> of(SweepGrid.Result grid, PrintPalette palette) {
        List<Block> out = new ArrayList<>();
        out.add(new Block.Heading(1, "What-if grid: " + grid.x() + " and " + grid.y()));
        int points = grid.xs().length * grid.ys().length;
        out.add(new Block.Paragraph(String.format(Locale.ROOT, "The best plan at each of %d points: %s from %s to %s (%d values), "
                        + "%s from %s to %s (%d values). Each region of equal best cut and placement has a letter.", points,
                grid.x(), Figures.number(grid.xs()[0]), Figures.number(grid.xs()[grid.xs().length - 1]), grid.xs().length,
                grid.y(), Figures.number(grid.ys()[0]), Figures.number(grid.ys()[grid.ys().length - 1]), grid.ys().length)));
        PlanRegionChart chart = new PlanRegionChart();
        chart.applyPalette(palette.charts());
        chart.showGrid(grid);
        JFreeChart c = chart.chart();
        out.add(new Block.Figure("chart-grid", c.getTitle().getText(), c::draw, ReportCharts.WIDTH, ReportCharts.HEIGHT + 80));
        String unproven = ReportContent.unprovenNote(grid.rows().stream().flatMap(List::stream).toList(), "points",
                "~ on the map");
        if (unproven != null) {
            out.add(new Block.Paragraph(unproven));
        }
        out.add(new Block.Table(List.of("region", "best plan", "points", "best mean latency"), regionRows(grid)));
        return out;
    }

    private static List<List<String>> regionRows(SweepGrid.Result grid) {
        int regions = grid.regions().size();
        int[] count = new int[regions];
        double[] lo = new double[regions];
        double[] hi = new double[regions];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        int none = 0;
        for (int j = 0; j < grid.ys().length; j++) {
            for (int i = 0; i < grid.xs().length; i++) {
                int r = grid.region(i, j);
                if (r < 0) {
                    none++;
                    continue;
                }
                double mean = grid.rows().get(j).get(i).optimal().meanLatency();
                count[r]++;
                lo[r] = Math.min(lo[r], mean);
                hi[r] = Math.max(hi[r], mean);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : grid.regions().entrySet()) {
            int r = e.getValue();
            rows.add(List.of(String.valueOf(PlanRegionChart.RegionMap.letter(r)), e.getKey(), String.valueOf(count[r]),
                    count[r] == 0 ? Figures.NONE : Figures.ms(lo[r]) + " .. " + Figures.ms(hi[r])));
        }
        rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        if (none > 0) {
            rows.add(List.of("-", "no plan meets the goals", String.valueOf(none), Figures.NONE));
        }
        return rows;
    }
}
