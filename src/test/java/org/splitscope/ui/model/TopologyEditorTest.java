package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Link;
import org.splitscope.model.NodePlace;
import org.splitscope.model.Scenario;
import org.splitscope.model.Topology;
import org.splitscope.model.ViewSettings;
import org.splitscope.perf.Evaluator;
import org.splitscope.zoo.SampleScenarios;

/** Topology commands: each one undoable, the metrics following, the selection kept sensible. */
class TopologyEditorTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.teaching());
    private final LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
    private final TopologyEditor editor = new TopologyEditor(doc, metrics);
    private final PlanEditor plan = new PlanEditor(doc);

    private Topology topology() {
        return doc.getScenario().topology();
    }

    @Test
    void aNewNodeLinkedAndUsedChangesLatencyWithItsBandwidth() {
        String id = editor.addNode(NodeKind.EDGE_SERVER);
        assertEquals("edge2", id);
        assertEquals(Selection.node("edge2"), editor.selectionProperty().get());
        editor.addLink("phone", id);
        Link link = topology().links().get(2);
        assertEquals("phone-edge2", link.id());
        assertEquals(Selection.link("phone-edge2"), editor.selectionProperty().get());
        plan.assignStage(1, id);
        double before = metrics.getMetrics().meanLatency();
        editor.setLinkBandwidth(link.id(), 1e6);
        assertTrue(metrics.getMetrics().meanLatency() > before);
        assertEquals(Evaluator.evaluate(doc.getScenario()), metrics.getMetrics());
    }

    @Test
    void aSecondLinkBetweenTheSameNodesIsNotAdded() {
        editor.addLink("edge", "phone");
        assertEquals(2, topology().links().size());
    }

    @Test
    void deletingANodeTakesItsLinksAndTheSelection() {
        editor.select(Selection.node("edge"));
        editor.deleteSelected();
        assertNull(topology().node("edge"));
        assertTrue(topology().links().isEmpty());
        assertNull(editor.selectionProperty().get());
        doc.undo();
        assertNotNull(topology().node("edge"));
        assertEquals(2, topology().links().size());
    }

    /** Two commits of one kind of edit in a row, with different values. */
    private record Twice(String kind, Runnable first, Runnable second) {
    }

    @Test
    void everyEditKindIsExactlyOneUndoStep() {
        ScenarioDocument d = new ScenarioDocument(SampleScenarios.portendThreeTier());
        TopologyEditor e = new TopologyEditor(d, new LiveMetrics(d.scenarioProperty()));
        PlanEditor p = new PlanEditor(d);
        List<Twice> kinds = List.of(
                new Twice("bandwidth", () -> e.setLinkBandwidth("end-edge", 5e6), () -> e.setLinkBandwidth("end-edge", 1e6)),
                new Twice("latency", () -> e.setLinkLatency("end-edge", 0.03), () -> e.setLinkLatency("end-edge", 0.04)),
                new Twice("egress", () -> e.setLinkEgress("end-edge", 0.1), () -> e.setLinkEgress("end-edge", 0.2)),
                new Twice("one-way", () -> e.setLinkOneWay("end-edge", true), () -> e.setLinkOneWay("edge-cloud", true)),
                new Twice("name", () -> e.setNodeName("edge", "a"), () -> e.setNodeName("edge", "ab")),
                new Twice("device class", () -> e.setNodeDeviceClass("edge", "x"), () -> e.setNodeDeviceClass("edge", "xy")),
                new Twice("tier", () -> e.setNodeTier("edge", 2), () -> e.setNodeTier("edge", 3)),
                new Twice("move", () -> e.moveNode("edge", 1, 300, 80), () -> e.moveNode("edge", 2, 500, 90)),
                new Twice("compute", () -> e.setNodeFlops("edge", 1e9), () -> e.setNodeFlops("edge", 12e9)),
                new Twice("memory", () -> e.setNodeMemory("edge", 1e9), () -> e.setNodeMemory("edge", null)),
                new Twice("concurrency", () -> e.setNodeConcurrency("edge", 2), () -> e.setNodeConcurrency("edge", 3)),
                new Twice("pricing", () -> e.setNodePricing("edge", new DedicatedPricing(2)), () -> e.setNodePricing("edge", null)),
                new Twice("power", () -> e.setNodeWatts("edge", 10.0), () -> e.setNodeWatts("edge", 20.0)),
                new Twice("source and sink", () -> e.setSource("edge"), () -> e.setSink("cloud")),
                new Twice("mtu", () -> e.setMtu(1000), () -> e.setMtu(9000)),
                new Twice("add node", () -> e.addNode(NodeKind.EDGE_SERVER), () -> e.addNode(NodeKind.EDGE_SERVER)),
                new Twice("add link", () -> e.addLink("end", "cloud"), () -> e.deleteLink("end-cloud")),
                new Twice("delete", () -> e.deleteLink("edge-cloud"), () -> e.deleteNode("end")),
                new Twice("stage node", () -> p.assignStage(1, "cloud"), () -> p.assignStage(0, "edge")),
                new Twice("exit", () -> p.toggleExit("exit-s1"), () -> p.toggleExit("exit-s2")),
                new Twice("cut", () -> p.addCut(5), () -> p.removeCut(0)));
        for (Twice k : kinds) {
            org.splitscope.model.Scenario start = d.getScenario();
            k.first().run();
            org.splitscope.model.Scenario once = d.getScenario();
            k.second().run();
            // compared with equals, not assertEquals: a scenario's text runs to pages
            assertTrue(!once.equals(start) && !once.equals(d.getScenario()), k.kind() + ": both edits change something");
            d.undo();
            assertTrue(once.equals(d.getScenario()), k.kind() + ": one undo takes back only the second edit");
            d.undo();
            assertTrue(start.equals(d.getScenario()), k.kind() + ": a second undo takes back the first");
        }
    }

    @Test
    void sourceAndSinkMoveTogetherUntilTheSinkIsSetApart() {
        editor.setSource("edge");
        assertEquals("edge", topology().source());
        assertEquals("edge", topology().sink());
        editor.setSink("cloud");
        editor.setSource("phone");
        assertEquals("phone", topology().source());
        assertEquals("cloud", topology().sink());
    }

    @Test
    void nodesKeepTheirColourAndPlaceWhenOthersAreAddedOrDeleted() {
        ScenarioDocument d = new ScenarioDocument(SampleScenarios.seiferEdgeCluster());
        TopologyEditor e = new TopologyEditor(d, new LiveMetrics(d.scenarioProperty()));
        ViewSettings before = e.view();
        e.addNode(NodeKind.EDGE_SERVER);
        e.addNode(NodeKind.END_DEVICE);
        e.deleteNode("pi3");
        e.deleteNode("pi1");
        ViewSettings after = e.view();
        for (NodePlace p : before.nodes()) {
            if (!p.node().equals("pi3") && !p.node().equals("pi1")) {
                assertEquals(p, after.place(p.node()), p.node() + " keeps its place and colour");
            }
        }
        assertEquals(8, before.nodes().stream().map(NodePlace::colour).distinct().count(), "eight boards, eight colours");
    }

    @Test
    void aNewNodeLandsInFreeSpaceOfItsBand() {
        for (int i = 0; i < 12; i++) {
            editor.addNode(NodeKind.EDGE_SERVER);
        }
        List<NodePlace> edge = editor.view().nodes().stream()
                .filter(p -> topology().node(p.node()).tier() == 1).toList();
        assertEquals(13, edge.size());
        for (NodePlace a : edge) {
            for (NodePlace b : edge) {
                if (a != b) {
                    assertTrue(Math.abs(a.x() - b.x()) >= TopologyLayout.NODE_WIDTH
                            || Math.abs(a.y() - b.y()) >= TopologyLayout.NODE_HEIGHT, a + " overlaps " + b);
                }
            }
        }
    }

    @Test
    void aTierSetInTheSheetMovesTheNodeToFreeSpaceOfItsNewBand() {
        NodePlace phone = editor.view().place("phone");
        int colour = editor.view().place("edge").colour();
        editor.moveNode("edge", 1, phone.x(), phone.y());
        editor.setNodeTier("edge", 0);
        NodePlace edge = editor.view().place("edge");
        assertEquals(0, topology().node("edge").tier());
        assertTrue(Math.abs(edge.x() - phone.x()) >= TopologyLayout.NODE_WIDTH
                || Math.abs(edge.y() - phone.y()) >= TopologyLayout.NODE_HEIGHT, edge + " lands on " + phone);
        assertEquals(colour, edge.colour(), "it keeps its colour");
    }

    @Test
    void tidyIsOneUndoStepAndUndoPutsEveryNodeBackExactly() {
        editor.addNode(NodeKind.EDGE_SERVER);
        editor.addNode(NodeKind.EDGE_SERVER);
        editor.moveNode("edge2", 1, 731.5, 97.25);
        editor.moveNode("phone", 0, 12.75, 300);
        Scenario moved = doc.getScenario();
        editor.setCanvasArea(1200, 500);
        editor.tidy();
        assertNotEquals(moved.view(), doc.getScenario().view());
        assertEquals(moved.topology(), doc.getScenario().topology(), "tidying changes only the drawing");
        doc.undo();
        assertEquals(moved, doc.getScenario());
        assertEquals(731.5, editor.view().place("edge2").x());
        assertEquals(97.25, editor.view().place("edge2").y());
    }

    @Test
    void aNodeDroppedInAnotherBandChangesTierAndPlaceInOneStep() {
        Scenario start = doc.getScenario();
        editor.moveNode("edge", 2, 400, 90);
        assertEquals(2, topology().node("edge").tier());
        assertEquals(400, editor.view().place("edge").x());
        doc.undo();
        assertEquals(start, doc.getScenario());
    }
}
