package org.splitscope.io.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.splitscope.io.Loaded;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.Problem;

/**
 * Approximate exit statistics: each exit's curve, measured for that exit alone.
 * <pre>
 * exit,threshold,exitRate,exitedAccuracy
 * e1,0.5,0.62,0.91
 * e1,0.8,0.41,0.96
 * e1,all,1,0.74
 * final,all,1,0.93
 * </pre>
 * A row with a number in {@code threshold} is one point of the exit's curve: the share of all
 * samples that pass the exit at that threshold, and the accuracy of those samples. The row with
 * {@code all} is the exit's accuracy over all samples (every sample "exits", so its exitRate is 1
 * or left empty). The exit named {@code final} is the last classifier and has only its
 * {@code all} row. Every value is in [0, 1]; thresholds may come in any order but not twice.
 * Exits are in order of first appearance; how curves combine is the profile's choice
 * (independent unless the caller says otherwise).
 */
public final class ExitCurvesCsv {
    public static final String FINAL = "final";
    public static final String ALL = "all";
    private static final List<String> COLUMNS = List.of("exit", "threshold", "exitRate", "exitedAccuracy");

    private ExitCurvesCsv() {
    }

    public static Loaded<ExitCurves> read(Path file) {
        return read(file, CurveCombination.INDEPENDENT);
    }

    public static Loaded<ExitCurves> read(Path file, CurveCombination combination) {
        Loaded<CsvTable> parsed = CsvTable.read(file);
        if (!parsed.isOk()) {
            return Loaded.failed(parsed.problems(), parsed.warnings());
        }
        CsvTable t = parsed.value();
        t.checkColumns(COLUMNS, COLUMNS::contains, COLUMNS);
        if (t.hasProblems()) {
            return Loaded.failed(t.problems(), List.of());
        }
        Map<String, TreeMap<Double, double[]>> points = new LinkedHashMap<>();
        Map<String, Double> overall = new LinkedHashMap<>();
        for (CSVRecord r : t.rows) {
            if (!t.complete(r)) {
                continue;
            }
            String exit = r.get("exit");
            if (exit.isEmpty()) {
                t.add(t.at(r, "exit", "must not be empty"));
            } else if (r.get("threshold").equalsIgnoreCase(ALL)) {
                overall(t, r, exit, overall);
            } else if (exit.equals(FINAL)) {
                t.add(t.at(r, "threshold", "the final classifier has no threshold; its row says '" + ALL + "'"));
            } else {
                double threshold = t.fraction(r, "threshold");
                double[] point = {t.fraction(r, "exitRate"), t.fraction(r, "exitedAccuracy")};
                if (points.computeIfAbsent(exit, e -> new TreeMap<>()).put(threshold, point) != null) {
                    t.add(t.at(r, "threshold", "exit '" + exit + "' has threshold " + threshold + " twice"));
                }
            }
        }
        List<String> exits = new ArrayList<>(points.keySet());
        overall.keySet().stream().filter(e -> !e.equals(FINAL) && !exits.contains(e)).forEach(exits::add);
        List<ExitCurve> curves = new ArrayList<>();
        for (String exit : exits) {
            TreeMap<Double, double[]> curve = points.getOrDefault(exit, new TreeMap<>());
            if (curve.isEmpty()) {
                t.add(new Problem("", "exit '" + exit + "' has no threshold rows"));
            }
            if (!overall.containsKey(exit)) {
                t.add(new Problem("", "exit '" + exit + "' has no '" + ALL + "' row giving its accuracy over all samples"));
            }
            curves.add(new ExitCurve(curve.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                    curve.values().stream().mapToDouble(p -> p[0]).toArray(),
                    curve.values().stream().mapToDouble(p -> p[1]).toArray(), overall.getOrDefault(exit, Double.NaN)));
        }
        if (!overall.containsKey(FINAL)) {
            t.add(new Problem("", "no '" + FINAL + "," + ALL + "' row giving the final classifier's accuracy"));
        }
        if (exits.isEmpty()) {
            t.add(new Problem("", "the file describes no exit"));
        }
        return t.result(new ExitCurves(exits, new CurveStats(curves, overall.getOrDefault(FINAL, Double.NaN), combination)));
    }

    private static void overall(CsvTable t, CSVRecord r, String exit, Map<String, Double> overall) {
        if (!r.get("exitRate").isEmpty() && t.number(r, "exitRate") != 1) {
            t.add(t.at(r, "exitRate", "must be 1 or empty on an '" + ALL + "' row (every sample counts), got "
                    + r.get("exitRate")));
        }
        if (overall.put(exit, t.fraction(r, "exitedAccuracy")) != null) {
            t.add(t.at(r, "threshold", "exit '" + exit + "' has a second '" + ALL + "' row"));
        }
    }
}
