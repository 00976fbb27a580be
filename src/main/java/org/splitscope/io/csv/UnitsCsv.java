package org.splitscope.io.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problem;
import org.splitscope.model.Unit;

/**
 * A model's units from a per-unit CSV, one row per unit in topological order:
 * <pre>
 * name,kind,flops,paramBytes,cutBytes,workingBytes,latency:jetson-nano,latency:xeon
 * conv1,conv,118013952,1856,3211264,3813376,0.0041,0.00031
 * </pre>
 * {@code name}, {@code flops}, {@code paramBytes} and {@code cutBytes} are required; {@code kind},
 * {@code workingBytes} and any number of {@code latency:<deviceClass>} columns (measured seconds,
 * an empty cell where that unit was not measured) are optional. SI units: FLOPs, bytes, seconds.
 */
public final class UnitsCsv {
    private static final String LATENCY = "latency:";
    private static final List<String> REQUIRED = List.of("name", "flops", "paramBytes", "cutBytes");
    private static final List<String> KNOWN = List.of("name", "kind", "flops", "paramBytes", "cutBytes",
            "workingBytes", LATENCY + "<deviceClass>");

    private UnitsCsv() {
    }

    public static Loaded<List<Unit>> read(Path file) {
        Loaded<CsvTable> parsed = CsvTable.read(file);
        if (!parsed.isOk()) {
            return Loaded.failed(parsed.problems(), parsed.warnings());
        }
        CsvTable t = parsed.value();
        t.checkColumns(REQUIRED, c -> KNOWN.contains(c) || c.startsWith(LATENCY) && c.length() > LATENCY.length(), KNOWN);
        if (t.hasProblems()) {
            return Loaded.failed(t.problems(), List.of());
        }
        List<Unit> units = new ArrayList<>();
        for (CSVRecord r : t.rows) {
            if (!t.complete(r)) {
                continue;
            }
            if (r.get("name").isEmpty()) {
                t.add(t.at(r, "name", "must not be empty"));
            }
            Map<String, Double> latency = new LinkedHashMap<>();
            for (String column : t.header) {
                if (column.startsWith(LATENCY) && !r.get(column).isEmpty()) {
                    latency.put(column.substring(LATENCY.length()), t.nonNegative(r, column));
                }
            }
            String kind = t.header.contains("kind") && !r.get("kind").isEmpty() ? r.get("kind") : null;
            Double working = t.header.contains("workingBytes") && !r.get("workingBytes").isEmpty()
                    ? t.nonNegative(r, "workingBytes") : null;
            units.add(new Unit(r.get("name"), kind, t.nonNegative(r, "flops"), t.nonNegative(r, "paramBytes"),
                    t.nonNegative(r, "cutBytes"), latency, working));
        }
        if (t.rows.isEmpty()) {
            t.add(new Problem("", "the file has a header but no units"));
        }
        return t.result(List.copyOf(units));
    }
}
