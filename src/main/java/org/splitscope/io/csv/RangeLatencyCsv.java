package org.splitscope.io.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problem;
import org.splitscope.model.RangeLatency;
import org.splitscope.model.RangeLatencyTable;

/**
 * Measured range latencies (PORTEND's partition-wise profile), one row per measured range:
 * <pre>
 * deviceClass,firstUnit,lastUnit,seconds,includesExitHead
 * jetson-nano,1,4,0.0123,false
 * </pre>
 * Units are numbered 1..N as in the profile, both ends included. {@code includesExitHead}
 * (optional, default false) says whether the time includes the exit head after {@code lastUnit};
 * it belongs to a device class's whole table, so it must be the same on all of its rows. The
 * result has one table per device class, in order of first appearance.
 */
public final class RangeLatencyCsv {
    private static final List<String> REQUIRED = List.of("deviceClass", "firstUnit", "lastUnit", "seconds");
    private static final List<String> KNOWN = List.of("deviceClass", "firstUnit", "lastUnit", "seconds", "includesExitHead");

    private RangeLatencyCsv() {
    }

    public static Loaded<List<RangeLatencyTable>> read(Path file) {
        Loaded<CsvTable> parsed = CsvTable.read(file);
        if (!parsed.isOk()) {
            return Loaded.failed(parsed.problems(), parsed.warnings());
        }
        CsvTable t = parsed.value();
        t.checkColumns(REQUIRED, KNOWN::contains, KNOWN);
        if (t.hasProblems()) {
            return Loaded.failed(t.problems(), List.of());
        }
        boolean hasHeadColumn = t.header.contains("includesExitHead");
        Map<String, List<RangeLatency>> ranges = new LinkedHashMap<>();
        Map<String, Boolean> includesHead = new HashMap<>();
        Map<String, String> firstRowOf = new HashMap<>();
        for (CSVRecord r : t.rows) {
            if (!t.complete(r)) {
                continue;
            }
            String cls = r.get("deviceClass");
            if (cls.isEmpty()) {
                t.add(t.at(r, "deviceClass", "must not be empty"));
                continue;
            }
            int first = t.whole(r, "firstUnit", 1);
            int last = t.whole(r, "lastUnit", 1);
            if (first >= 1 && last >= 1 && last < first) {
                t.add(t.at(r, "lastUnit", "the range " + first + ".." + last + " ends before it starts"));
            }
            boolean head = hasHeadColumn && t.flag(r, "includesExitHead");
            Boolean before = includesHead.putIfAbsent(cls, head);
            if (before != null && before != head) {
                t.add(t.at(r, "includesExitHead", "is " + head + " but " + firstRowOf.get(cls) + " says " + before
                        + " for device class '" + cls + "'; a class's table either includes exit heads or not"));
            }
            firstRowOf.putIfAbsent(cls, t.row(r));
            List<RangeLatency> list = ranges.computeIfAbsent(cls, c -> new ArrayList<>());
            RangeLatency range = new RangeLatency(first, last, t.nonNegative(r, "seconds"));
            if (list.stream().anyMatch(x -> x.firstUnit() == first && x.lastUnit() == last)) {
                t.add(t.at(r, "firstUnit", "the range " + first + ".." + last + " of device class '" + cls
                        + "' is given twice"));
            }
            list.add(range);
        }
        if (t.rows.isEmpty()) {
            t.add(new Problem("", "the file has a header but no ranges"));
        }
        List<RangeLatencyTable> tables = new ArrayList<>();
        ranges.forEach((cls, list) -> tables.add(new RangeLatencyTable(cls, includesHead.get(cls), list)));
        return t.result(List.copyOf(tables));
    }
}
