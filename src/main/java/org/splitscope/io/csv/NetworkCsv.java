package org.splitscope.io.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.splitscope.io.Loaded;
import org.splitscope.io.measure.LinkMeasurement;
import org.splitscope.model.Problem;

/**
 * Measured network paths as Scission writes them: {@code source,destination,ping_ms,bandwidth_mbps},
 * one row per pair of nodes (named by the topology's node ids). {@code ping_ms} is a round trip,
 * so the link's one-way latency is half of it; {@code bandwidth_mbps} is 10^6 bits per second.
 */
public final class NetworkCsv {
    private static final List<String> COLUMNS = List.of("source", "destination", "ping_ms", "bandwidth_mbps");

    private NetworkCsv() {
    }

    public static Loaded<List<LinkMeasurement>> read(Path file) {
        Loaded<CsvTable> parsed = CsvTable.read(file);
        if (!parsed.isOk()) {
            return Loaded.failed(parsed.problems(), parsed.warnings());
        }
        CsvTable t = parsed.value();
        t.checkColumns(COLUMNS, Set.copyOf(COLUMNS)::contains, COLUMNS);
        if (t.hasProblems()) {
            return Loaded.failed(t.problems(), List.of());
        }
        List<LinkMeasurement> links = new ArrayList<>();
        for (CSVRecord r : t.rows) {
            if (!t.complete(r)) {
                continue;
            }
            for (String c : List.of("source", "destination")) {
                if (r.get(c).isEmpty()) {
                    t.add(t.at(r, c, "must name a node"));
                }
            }
            double ping = t.nonNegative(r, "ping_ms");
            double mbps = t.nonNegative(r, "bandwidth_mbps");
            if (mbps == 0) {
                t.add(t.at(r, "bandwidth_mbps", "must be > 0: a path that carries nothing is no link"));
            }
            links.add(new LinkMeasurement(r.get("source"), r.get("destination"), mbps * 1e6, ping / 2 / 1e3, t.row(r)));
        }
        if (t.rows.isEmpty()) {
            t.add(new Problem("", "the file has a header but no paths"));
        }
        return t.result(List.copyOf(links));
    }
}
