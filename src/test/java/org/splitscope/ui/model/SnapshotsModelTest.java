package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Snapshot;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.Comparison;
import org.splitscope.zoo.SampleScenarios;

/** Snapshots are undoable, saved with the scenario, and compared figure by figure with the evaluator's numbers. */
class SnapshotsModelTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
    private final LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
    private final TopologyEditor topology = new TopologyEditor(doc, metrics);
    private final SnapshotsModel snapshots = new SnapshotsModel(doc, metrics);

    @Test
    void pinEditCompareRestoreAndUndo() {
        Metrics before = metrics.getMetrics();
        String name = snapshots.pin("baseline");
        assertEquals("baseline", name);
        assertEquals(List.of(SnapshotsModel.CURRENT, "baseline"), snapshots.choicesProperty());
        assertEquals("baseline", snapshots.pin("baseline").replace(" (2)", ""), "a second pin gets a unique name");
        doc.undo();
        assertEquals(1, doc.getScenario().snapshots().size(), "undo takes the second pin back");

        topology.setLinkBandwidth("phone-edge", 100e6);
        Metrics after = metrics.getMetrics();
        snapshots.leftProperty().set("baseline");
        snapshots.rightProperty().set(SnapshotsModel.CURRENT);
        Comparison.Row mean = snapshots.rowsProperty().stream()
                .filter(r -> r.figure() == Comparison.Figure.MEAN_LATENCY).findFirst().orElseThrow();
        assertEquals(before.meanLatency() * 1e3, mean.a(), 1e-9);
        assertEquals(after.meanLatency() * 1e3, mean.b(), 1e-9);
        assertEquals(mean.b() - mean.a(), mean.difference(), 1e-9);
        assertEquals(1, mean.verdict(), "a faster uplink is better for latency");
        assertEquals(before, snapshots.leftMetricsProperty().get());

        snapshots.restore("baseline");
        assertEquals(before, metrics.getMetrics(), "restore puts the pinned state back");
        doc.undo();
        assertEquals(after, metrics.getMetrics());
    }

    @Test
    void snapshotsAreSavedWithTheScenario() {
        snapshots.pin("first");
        Scenario s = doc.getScenario();
        Scenario read = ScenarioFiles.read(ScenarioFiles.toJson(s), null).orElseThrow();
        assertEquals(s.snapshots(), read.snapshots());
    }

    @Test
    void aSnapshotThatNoLongerFitsShowsWhyAndNoNumbers() {
        Scenario s = doc.getScenario();
        Plan tooLong = new Plan(List.of(new Stage(1, s.profile().unitCount() + 3, "phone")), List.of(), null);
        doc.edit(null, sc -> sc.withSnapshots(List.of(new Snapshot("broken", sc.topology(), tooLong, sc.workload()))));
        snapshots.leftProperty().set("broken");
        assertNull(snapshots.leftMetricsProperty().get());
        assertTrue(snapshots.rowsProperty().isEmpty());
        assertTrue(snapshots.problemsProperty().get().startsWith("broken: plan"), snapshots.problemsProperty().get());
        assertFalse(doc.getScenario().validate().stream().anyMatch(p -> p.path().startsWith("snapshots")),
                "an old snapshot never blocks the scenario");
        assertEquals(Evaluator.evaluate(doc.getScenario()), metrics.getMetrics());
    }
}
