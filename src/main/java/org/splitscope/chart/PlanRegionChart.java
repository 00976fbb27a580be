package org.splitscope.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.DefaultXYZDataset;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepPoint;

/**
 * A two-parameter what-if as a heat map: the best plan's mean latency at every grid point, each
 * region of equal best cut and placement labelled with a letter at its centre, the letters
 * explained below the plot, and a {@code ~} in the corner of each cell whose best plan the search
 * did not prove optimal. Axes are in log10 of the parameter where the grid is geometric, so that
 * every cell is the same size.
 */
public final class PlanRegionChart implements ExplorerChart {
    private static final Font LETTER = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font MARK = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    /** What the legend says of the cells marked {@code ~}. */
    public static final String UNPROVEN_LEGEND = "~: best plan not proven optimal";
    /** What the legend says of blank cells where no plan meets the goals. */
    public static final String BLANK_LEGEND = "blank: no plan meets the goals there";

    private final XYPlot plot;
    private final XYBlockRenderer renderer = new XYBlockRenderer();
    private final JFreeChart chart;
    private final TextTitle legend = new TextTitle("");
    private RegionMap map;
    private ChartPalette palette;
    private SweepGrid.Result grid;
    private final List<XYTextAnnotation> letters = new ArrayList<>();
    private final List<XYTextAnnotation> marks = new ArrayList<>();

    /**
     * The letters of a grid: {@code letter(i, j)} names the region of the point at xs[i], ys[j]
     * ({@code 'A'} for region 0), {@code '-'} where no plan meets the goals; {@code legend} in region order.
     */
    public record RegionMap(char[][] letters, List<String> legend) {
        public static RegionMap of(SweepGrid.Result r) {
            char[][] letters = new char[r.ys().length][r.xs().length];
            for (int j = 0; j < r.ys().length; j++) {
                for (int i = 0; i < r.xs().length; i++) {
                    letters[j][i] = letter(r.region(i, j));
                }
            }
            String[] names = new String[r.regions().size()];
            for (Map.Entry<String, Integer> e : r.regions().entrySet()) {
                names[e.getValue()] = letter(e.getValue()) + ": " + e.getKey();
            }
            return new RegionMap(letters, List.of(names));
        }

        public char letter(int i, int j) {
            return letters[j][i];
        }

        public static char letter(int region) {
            return region < 0 ? '-' : (char) ('A' + region % 26);
        }
    }

    public PlanRegionChart() {
        plot = new XYPlot(new DefaultXYZDataset(), new NumberAxis("x"), new NumberAxis("y"), renderer);
        chart = ChartStyling.titled("Best plan's mean latency (ms) and regions of equal best cut", plot, false);
        chart.addSubtitle(legend);
        // the window measures text a little narrower than it draws it: a wrapped legend line filling the
        // width spilled a character past each edge; the side padding keeps every line whole
        legend.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 30, 2, 30));
        renderer.setDefaultToolTipGenerator((data, series, item) -> tooltip(item));
    }

    /** "bandwidth 10.0, rtt 0.0200: best plan 12.34 ms (region A)", or why there is none. */
    private String tooltip(int item) {
        if (grid == null) {
            return null;
        }
        int i = item % grid.xs().length;
        int j = item / grid.xs().length;
        SweepPoint p = grid.rows().get(j).get(i);
        String at = grid.x() + " " + Formats.parameter(grid.x(), grid.xs()[i]) + ", " + grid.y() + " "
                + Formats.parameter(grid.y(), grid.ys()[j]);
        return p.optimal() == null ? at + ": no plan meets the goals"
                : at + ": best plan " + Formats.ms(p.optimal().meanLatency()) + " (region " + map.letter(i, j) + ")"
                + (p.unproven() ? ", not proven optimal" : "");
    }

    @Override
    public String id() {
        return "whatif-map";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    @Override
    public void show(ChartData data) {
    }

    public RegionMap regionMap() {
        return map;
    }

    public XYPlot plot() {
        return plot;
    }

    public void showGrid(SweepGrid.Result r) {
        plot.clearAnnotations();
        letters.clear();
        marks.clear();
        if (r == null) {
            map = null;
            grid = null;
            plot.setDataset(new DefaultXYZDataset());
            legend.setText("");
            return;
        }
        grid = r;
        map = RegionMap.of(r);
        boolean logX = geometric(r.xs());
        boolean logY = geometric(r.ys());
        double[] xs = coordinates(r.xs(), logX);
        double[] ys = coordinates(r.ys(), logY);
        int n = xs.length * ys.length;
        double[][] data = new double[3][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                SweepPoint p = r.rows().get(j).get(i);
                int k = j * xs.length + i;
                data[0][k] = xs[i];
                data[1][k] = ys[j];
                data[2][k] = p.optimal() == null ? Double.NaN : p.optimal().meanLatency() * 1e3;
                if (!Double.isNaN(data[2][k])) {
                    lo = Math.min(lo, data[2][k]);
                    hi = Math.max(hi, data[2][k]);
                }
            }
        }
        DefaultXYZDataset d = new DefaultXYZDataset();
        d.addSeries("best mean latency (ms)", data);
        renderer.setBlockWidth(step(xs));
        renderer.setBlockHeight(step(ys));
        renderer.setPaintScale(new Scale(lo, hi));
        plot.setDomainAxis(axis(r.x().toString(), logX));
        plot.setRangeAxis(axis(r.y().toString(), logY));
        plot.setDataset(d);
        for (int region = 0; region < r.regions().size(); region++) {
            double sx = 0;
            double sy = 0;
            int count = 0;
            for (int j = 0; j < ys.length; j++) {
                for (int i = 0; i < xs.length; i++) {
                    if (r.region(i, j) == region) {
                        sx += xs[i];
                        sy += ys[j];
                        count++;
                    }
                }
            }
            XYTextAnnotation a = new XYTextAnnotation(String.valueOf(RegionMap.letter(region)), sx / count, sy / count);
            a.setFont(LETTER);
            letters.add(a);
            plot.addAnnotation(a);
        }
        // in the cell's upper right corner, clear of a region letter at its centre
        for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
                if (r.rows().get(j).get(i).unproven()) {
                    XYTextAnnotation m = new XYTextAnnotation("~", xs[i] + step(xs) * 0.3, ys[j] + step(ys) * 0.25);
                    m.setFont(MARK);
                    marks.add(m);
                    plot.addAnnotation(m);
                }
            }
        }
        List<String> lines = new ArrayList<>(map.legend());
        if (!marks.isEmpty()) {
            lines.add(UNPROVEN_LEGEND);
        }
        boolean none = r.rows().stream().flatMap(List::stream).anyMatch(p -> p.valid() && p.optimalPlan() == null);
        boolean invalid = r.rows().stream().flatMap(List::stream).anyMatch(p -> !p.valid());
        if (none || invalid) {
            lines.add(none && invalid ? BLANK_LEGEND + " or the scenario has problems" : none ? BLANK_LEGEND
                    : "blank: the scenario has problems there");
        }
        // lines break between entries, not inside one ("ends at" / "exit13")
        legend.setText(String.join("    ", lines.stream().map(l -> l.replace(' ', '\u00a0')).toList()));
        if (palette != null) {
            applyPalette(palette);
        }
    }

    /** The letters drawn on the plot, in region order. */
    public List<XYTextAnnotation> labels() {
        return List.copyOf(letters);
    }

    /** The {@code ~} marks on cells whose best plan is not proven optimal, row by row. */
    public List<XYTextAnnotation> unprovenMarks() {
        return List.copyOf(marks);
    }

    /** The legend as drawn below the plot. */
    TextTitle legendTitle() {
        return legend;
    }

    /** The text below the plot: the regions' plans, and what {@code ~} means where a cell has one. */
    public String legendText() {
        return legend.getText().replace('\u00a0', ' ');
    }

    private static boolean geometric(double[] v) {
        if (v.length < 3 || v[0] <= 0) {
            return false;
        }
        double ratio = v[1] / v[0];
        return Math.abs(v[2] / v[1] - ratio) < 1e-9 * ratio && Math.abs((v[1] - v[0]) - (v[2] - v[1])) > 1e-9 * Math.abs(v[1]);
    }

    private static double[] coordinates(double[] v, boolean log) {
        double[] c = v.clone();
        if (log) {
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.log10(c[i]);
            }
        }
        return c;
    }

    private static double step(double[] c) {
        return c.length < 2 ? 1 : Math.abs(c[1] - c[0]);
    }

    private static NumberAxis axis(String name, boolean log) {
        NumberAxis a = new NumberAxis(log ? "log10 " + name : name);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /** Light (fast) to dark (slow); NaN (no plan) transparent. */
    private final class Scale implements PaintScale {
        private final double lo;
        private final double hi;

        Scale(double lo, double hi) {
            this.lo = lo;
            this.hi = hi > lo ? hi : lo + 1;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double v) {
            if (Double.isNaN(v)) {
                return new Color(0, 0, 0, 0);
            }
            Color a = palette == null ? Color.WHITE : palette.plotBackground();
            Color b = palette == null ? Color.BLUE : palette.series(0);
            double t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
            return new Color(mix(a.getRed(), b.getRed(), t), mix(a.getGreen(), b.getGreen(), t),
                    mix(a.getBlue(), b.getBlue(), t));
        }

        private int mix(int a, int b, double t) {
            return (int) Math.round(a + (b - a) * (0.15 + 0.85 * t));
        }
    }

    @Override
    public void applyPalette(ChartPalette p) {
        palette = p;
        ChartStyling.apply(chart, p);
        legend.setPaint(p.text());
        for (XYTextAnnotation a : letters) {
            a.setPaint(p.text());
        }
        for (XYTextAnnotation a : marks) {
            a.setPaint(p.text());
        }
    }
}
