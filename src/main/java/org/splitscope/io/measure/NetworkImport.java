package org.splitscope.io.measure;

import java.nio.file.Path;
import java.util.List;
import org.splitscope.io.Loaded;
import org.splitscope.io.csv.NetworkCsv;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * The measured-network import that {@code import-network} and File > Measurements > Import network
 * measurements share, so both read a file the same way and change a scenario the same way.
 */
public final class NetworkImport {
    /** The scenario with the measured links, and one line per link updated or added. */
    public record Result(Scenario scenario, List<String> changes) {
    }

    private NetworkImport() {
    }

    /**
     * The paths a file measured. An iperf3 run measures one path, between {@code from} (the client)
     * and {@code to} (the server); {@code pingMs}, when given, is a round trip measured apart (a UDP
     * run has none) and replaces the run's own.
     */
    public static Loaded<List<LinkMeasurement>> read(Path file, NetworkFormat format, String from, String to, Double pingMs) {
        if (format == NetworkFormat.CSV) {
            return NetworkCsv.read(file);
        }
        if (from == null || to == null) {
            return Loaded.failed("", "an iperf3 run measures one path: name the node the client ran on and the node the server ran on");
        }
        Loaded<LinkMeasurement> m = Iperf3Json.read(file, from, to);
        if (!m.isOk()) {
            return Loaded.failed(m.problems(), m.warnings());
        }
        LinkMeasurement v = m.value();
        Double latency = pingMs != null ? pingMs / 2 / 1e3 : v.latencySeconds();
        return Loaded.ok(List.of(new LinkMeasurement(v.from(), v.to(), v.bandwidthBps(), latency, v.where())), m.warnings());
    }

    /** Puts the paths into the scenario's topology ({@link LinkUpdates}); refused when the result would be invalid. */
    public static Loaded<Result> apply(Scenario scenario, List<LinkMeasurement> measured) {
        Loaded<LinkUpdates.Updated> updated = LinkUpdates.apply(scenario.topology(), measured);
        if (!updated.isOk()) {
            return Loaded.failed(updated.problems(), updated.warnings());
        }
        Scenario result = scenario.withTopology(updated.value().topology());
        List<Problem> invalid = result.validate();
        if (!invalid.isEmpty()) {
            return Loaded.failed(invalid.stream().map(p -> new Problem(p.path(), "with the measured links, " + p.message())).toList(),
                    List.of());
        }
        return Loaded.ok(new Result(result, updated.value().changes()), List.of());
    }
}
