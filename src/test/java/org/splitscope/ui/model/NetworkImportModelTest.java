package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.measure.NetworkFormat;
import org.splitscope.io.measure.NetworkImport;
import org.splitscope.model.Link;
import org.splitscope.model.Scenario;

/** Import network measurements in the window: the changes listed before any, one undo step, nothing changed by a bad file. */
class NetworkImportModelTest {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");

    private final Scenario original = ScenarioFiles.read(FORMATS.resolve("small-cnn.json")).orElseThrow();
    private final ScenarioDocument document = new ScenarioDocument(original);
    private final NetworkImportModel model = new NetworkImportModel(document);

    @TempDir
    Path dir;

    @Test
    void theScissionCsvPreviewListsEachLinkAndAppliesAsOneUndoStep() {
        Loaded<NetworkImport.Result> preview = model.preview(FORMATS.resolve("network.csv"), NetworkFormat.CSV, null, null, "");
        assertTrue(preview.isOk(), preview.problems().toString());
        assertSame(original, document.getScenario(), "the preview changes nothing");
        List<String> changes = preview.value().changes();
        assertEquals(2, changes.size(), changes.toString());
        assertTrue(changes.get(0).startsWith("updated link jetson-edge: ") && changes.get(0).contains("-> 94.10 Mb/s"), changes.get(0));
        assertTrue(changes.get(1).startsWith("added link edge-cloud: 480.0 Mb/s, 11.75 ms one-way"), changes.get(1));
        assertEquals(String.join("\n", changes), NetworkImportModel.summary(preview));

        model.apply(preview.value());
        List<Link> links = document.getScenario().topology().links();
        assertEquals(new Link("jetson", "edge", 94.1e6, 2.4e-3), links.get(0));
        assertEquals(new Link("edge", "cloud", 480e6, 23.5e-3 / 2), links.get(1));
        assertEquals(original.profile(), document.getScenario().profile());
        document.undo();
        assertEquals(original, document.getScenario());
        assertFalse(document.canUndoProperty().get(), "one undo step");
    }

    @Test
    void anIperf3RunSetsTheChosenLink() {
        assertEquals(NetworkFormat.IPERF3, NetworkImportModel.guessFormat("iperf3.json"));
        assertEquals(NetworkFormat.CSV, NetworkImportModel.guessFormat("Network.CSV"));
        assertTrue(model.nodeIds().containsAll(List.of("jetson", "edge")), model.nodeIds().toString());
        Loaded<NetworkImport.Result> preview = model.preview(FORMATS.resolve("iperf3.json"), NetworkFormat.IPERF3, "jetson", "edge", "");
        assertTrue(preview.isOk(), preview.problems().toString());
        assertEquals(1, preview.value().changes().size());
        model.apply(preview.value());
        Link l = document.getScenario().topology().links().get(0);
        assertEquals(93416330.2, l.bandwidthBps());
        assertEquals(5120e-6 / 2, l.latencySeconds(), 1e-15);
        document.undo();
        assertEquals(original, document.getScenario());
    }

    @Test
    void aRoundTripMeasuredApartReplacesTheRunsAndABadOneIsNamed() {
        Loaded<NetworkImport.Result> preview = model.preview(FORMATS.resolve("iperf3.json"), NetworkFormat.IPERF3, "edge", "cloud", "0.03 s");
        assertTrue(preview.isOk(), preview.problems().toString());
        assertTrue(preview.value().changes().get(0).startsWith("added link edge-cloud: 93.42 Mb/s, 15.00 ms one-way"),
                preview.value().changes().toString());
        Loaded<NetworkImport.Result> bad = model.preview(FORMATS.resolve("iperf3.json"), NetworkFormat.IPERF3, "jetson", "edge", "-4");
        assertFalse(bad.isOk());
        String shown = bad.problems().get(0).toString();
        assertTrue(shown.startsWith("Round trip: ") && !shown.substring(1).contains("Round trip"), shown);
        assertTrue(model.preview(FORMATS.resolve("network.csv"), NetworkFormat.CSV, "jetson", "edge", "-4").isOk(),
                "a CSV carries its own round trips: the field is not read");
        assertSame(original, document.getScenario());
    }

    @Test
    void aBrokenFileNamesItsRowAndChangesNothing() throws IOException {
        Path csv = dir.resolve("n.csv");
        Files.writeString(csv, "source,destination,ping_ms,bandwidth_mbps\njetson,edge,4,0\njetson,mars,4,10\n");
        Loaded<NetworkImport.Result> bad = model.preview(csv, NetworkFormat.CSV, null, null, "");
        assertFalse(bad.isOk());
        assertTrue(bad.problems().toString().contains("bandwidth_mbps") && bad.problems().toString().contains("row 2"),
                bad.problems().toString());
        Files.writeString(csv, "source,destination,ping_ms,bandwidth_mbps\njetson,mars,4,10\n");
        bad = model.preview(csv, NetworkFormat.CSV, null, null, "");
        assertTrue(bad.problems().toString().contains("row 2: no node 'mars'"), bad.problems().toString());
        Files.writeString(csv, "source,destination,ping_ms,bandwidth_mbps\njetson,edge,4,1e300\n");
        bad = model.preview(csv, NetworkFormat.CSV, null, null, "");
        assertTrue(bad.problems().toString().contains("bandwidthBps: with the measured links, must be from 1 to 1e15"),
                bad.problems().toString());
        bad = model.preview(FORMATS.resolve("iperf3.json"), NetworkFormat.IPERF3, "jetson", "jetson", "");
        assertTrue(bad.problems().toString().contains("two different nodes"), bad.problems().toString());
        bad = model.preview(FORMATS.resolve("network.csv"), NetworkFormat.IPERF3, "jetson", "edge", "");
        assertFalse(bad.isOk(), "a CSV read as iperf3 JSON");
        assertFalse(bad.problems().toString().contains("Exception"), bad.problems().toString());
        assertSame(original, document.getScenario());
        assertFalse(document.canUndoProperty().get());
    }
}
