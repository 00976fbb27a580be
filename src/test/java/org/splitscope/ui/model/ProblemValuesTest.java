package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;
import org.splitscope.zoo.SampleScenarios;

/**
 * Problems read in the sheet's words: the node, link or stage and its field by name, the value as
 * the sheet shows it (in the field's display unit, never the raw SI number), the file's path last.
 * Every other shape of path is in {@link ProblemShapesTest}.
 */
class ProblemValuesTest {
    private final ScenarioDocument doc = new ScenarioDocument(SampleScenarios.portendThreeTier());
    private final TopologyEditor editor = new TopologyEditor(doc, new LiveMetrics(doc.scenarioProperty()));

    private List<String> described() {
        Scenario s = doc.getScenario();
        return s.validate().stream().map(p -> ProblemValues.describe(s, p)).toList();
    }

    @Test
    void eachInvalidFieldIsShownInItsDisplayUnit() {
        editor.setLinkBandwidth("end-edge", 0);
        editor.setLinkLatency("edge-cloud", -0.005);
        editor.setNodeFlops("edge", -2e9);
        editor.setNodeConcurrency("cloud", 0);
        assertEquals(List.of(
                "Node edge, compute: must be > 0, got -2 GFLOP/s (topology.nodes[1].flopsPerSecond)",
                "Node cloud, concurrency: must be >= 1, got 0 (topology.nodes[2].concurrency)",
                "Link end-edge, bandwidth: must be > 0, got 0 Mb/s (topology.links[0].bandwidthBps)",
                "Link edge-cloud, latency: must be >= 0, got -5 ms (topology.links[1].latencySeconds)"), described());
    }

    /** A value past a field's limits reads with the limits in the field's unit too, not the file's SI unit. */
    @Test
    void limitsAreSaidInTheFieldsUnit() {
        Scenario s = ProblemScenarios.teaching("/topology/links/1/latencySeconds", "2e6", "/topology/links/0/bandwidthBps", "2e15",
                "/topology/nodes/1/flopsPerSecond", "0.5", "/topology/nodes/1/pricing/usdPerHour", "2e6",
                "/workload/latencySloSeconds", "2e6");
        assertEquals(List.of(
                "Node edge, compute: must be from 1e-9 to 1000000000 GFLOP/s, got 5e-10 GFLOP/s"
                        + " (topology.nodes[1].flopsPerSecond)",
                "Node edge, price per hour: must be from 0 to 1e6 $/h, got 2e6 $/h (topology.nodes[1].pricing.usdPerHour)",
                "Link phone-edge, bandwidth: must be from 1e-6 to 1000000000 Mb/s, got 2000000000 Mb/s"
                        + " (topology.links[0].bandwidthBps)",
                "Link edge-cloud, latency: must be 0, or from 1e-9 to 1000000000 ms, got 2000000000 ms"
                        + " (topology.links[1].latencySeconds)",
                "Workload, latency SLO: must be from 1e-6 to 1000000000 ms, got 2000000000 ms (workload.latencySloSeconds)"),
                ProblemScenarios.lines(s));
    }

    /** The whole scenario's figures overflowing has no field to name: its message alone, as a sentence. */
    @Test
    void aProblemOfNoFieldIsItsMessageAndAnUnknownPathIsLeftAsItIs() {
        Scenario s = doc.getScenario();
        assertEquals("The figures overflow", ProblemValues.describe(s, new Problem("", "the figures overflow")));
        Problem unknown = new Problem("somewhere[0].else", "must not be empty");
        assertEquals(unknown.toString(), ProblemValues.describe(s, unknown));
    }

    /** An exit's and the workload's problems name them too; numbers read as typed or in the window's units. */
    @Test
    void exitsAndWorkloadGoalsAreNamedWithTheirValuesAsShown() {
        Scenario s = doc.getScenario();
        var exits = new java.util.ArrayList<>(s.profile().exits());
        var e = exits.get(0);
        exits.set(0, new org.splitscope.model.ExitHead(e.id(), e.afterUnit(), -3, e.paramBytes()));
        Scenario bad = new Scenario(s.name(), s.profile().withExits(exits, s.profile().exitStats()), s.topology(), s.plan(),
                new org.splitscope.model.Workload(-1.0, -0.1, 1.5, -2e-6));
        assertEquals(List.of(
                "Exit " + e.id() + ", head FLOPs: must be >= 0, got -3 (profile.exits[0].flops)",
                "Workload, arrival rate: must be >= 0, got -1 requests/s (workload.arrivalRatePerSecond)",
                "Workload, latency SLO: must be > 0, got -100 ms (workload.latencySloSeconds)",
                "Workload, accuracy floor: must be between 0 and 1, got 1.5 (workload.accuracyFloor)",
                "Workload, budget: must be >= 0, got -2 $ per million requests (workload.budgetUsdPerRequest)"),
                bad.validate().stream().map(p -> ProblemValues.describe(bad, p)).toList());
    }
}
