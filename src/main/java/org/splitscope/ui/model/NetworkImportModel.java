package org.splitscope.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.io.Loaded;
import org.splitscope.io.measure.LinkMeasurement;
import org.splitscope.io.measure.NetworkFormat;
import org.splitscope.io.measure.NetworkImport;
import org.splitscope.model.Node;
import org.splitscope.model.Problem;

/**
 * File > Measurements > Import network measurements: reads a Scission CSV or one iperf3 run with
 * the same {@link NetworkImport} as {@code import-network}, lists each link it would update or
 * add before anything changes, then puts the links in as one undoable edit.
 */
public final class NetworkImportModel {
    /**
     * A round trip measured apart from an iperf3 run (a UDP run has none; ping does), as
     * {@code import-network --ping-ms}: empty keeps the run's own, if any.
     */
    public static final Quantity ROUND_TRIP = Quantity.of("Round trip", Quantity.Unit.MILLISECONDS, 0, 1e9).orNone();

    private final ScenarioDocument document;

    public NetworkImportModel(ScenarioDocument document) {
        this.document = document;
    }

    /** The topology's node ids, for the iperf3 client and server choosers. */
    public List<String> nodeIds() {
        return document.getScenario().topology().nodes().stream().map(Node::id).toList();
    }

    /** What wrote the file, judged by its name: a CSV is Scission's, anything else an iperf3 run. */
    public static NetworkFormat guessFormat(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? NetworkFormat.CSV : NetworkFormat.IPERF3;
    }

    /**
     * Reads the file and puts its paths into the scenario now open, without changing it; the
     * result's warnings are the file's. {@code from}, {@code to} and {@code roundTrip} (the text
     * of a {@link #ROUND_TRIP} field) are read for iperf3 only.
     */
    public Loaded<NetworkImport.Result> preview(Path file, NetworkFormat format, String from, String to, String roundTrip) {
        boolean iperf = format == NetworkFormat.IPERF3;
        Quantity.Reading ping = ROUND_TRIP.read(iperf && roundTrip != null ? roundTrip : "");
        if (!ping.ok()) {
            // the reading names its field already; the problem list puts the field first itself
            String prefix = ROUND_TRIP.field() + ": ";
            String why = ping.error().startsWith(prefix) ? ping.error().substring(prefix.length()) : ping.error();
            return Loaded.failed(ROUND_TRIP.field(), why);
        }
        Loaded<List<LinkMeasurement>> read = NetworkImport.read(file, format, iperf ? from : null, iperf ? to : null, ping.value());
        if (!read.isOk()) {
            return Loaded.failed(read.problems(), read.warnings());
        }
        Loaded<NetworkImport.Result> applied = NetworkImport.apply(document.getScenario(), read.value());
        List<Problem> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(applied.warnings());
        return applied.isOk() ? Loaded.ok(applied.value(), warnings) : Loaded.failed(applied.problems(), warnings);
    }

    /** The lines the confirmation shows: each link changed, then the file's warnings. */
    public static String summary(Loaded<NetworkImport.Result> preview) {
        List<String> lines = new ArrayList<>(preview.value().changes());
        preview.warnings().forEach(w -> lines.add("warning: " + w));
        return String.join("\n", lines);
    }

    /** Puts the previewed links into the scenario: one undo step. */
    public void apply(NetworkImport.Result result) {
        document.endGesture();
        document.edit(null, s -> s.withTopology(result.scenario().topology()));
        document.endGesture();
    }
}
