package org.splitscope.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.explain.WinnerExplanation.Difference;
import org.splitscope.explain.WinnerExplanation.Figure;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Provenance;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.perf.AccuracyMethod;
import org.splitscope.perf.Goals;
import org.splitscope.perf.LatencySummary;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.ResourceUse;

/** The winner's "why", on hand-built metrics whose differences are known. */
class WinnerExplanationTest {
    private static final Provenance FOUND = new Provenance("test", true, 2, List.of());

    /** Metrics with the five compared figures; the busiest resource is {@code bottleneck} with busy time 1 / throughput. */
    private static Metrics metrics(double mean, double p95, Double accuracy, double costPerMillion, Double throughput,
                                   String bottleneck, ResourceUse.Kind kind) {
        List<ResourceUse> resources = bottleneck == null ? List.of()
                : List.of(new ResourceUse(bottleneck, kind, 1 / throughput, 1, 1, 1 / throughput, 0, 0.0, false),
                        new ResourceUse("idle", ResourceUse.Kind.NODE, 0.0001, 1, 1, 0.0001, 0, 0.0, false));
        LatencySummary latency = new LatencySummary(mean, mean, p95, p95, List.of());
        return new Metrics(List.of(), latency, latency, accuracy, AccuracyMethod.SAMPLES, resources, throughput,
                bottleneck, 0, false, costPerMillion / 1e6, costPerMillion, null, List.of(), 0, List.of(), List.of(),
                true, new Goals(null, null, null), List.of());
    }

    private static RankedPlan ranked(int rank, Objective o, Metrics m) {
        return new RankedPlan(rank, new Plan(List.of(new Stage(1, 1, "n" + rank))), m, o.value(m), FOUND);
    }

    @Test
    void namesTheBottleneckWithItsBusyTimeAndWhatTheRunnerUpLosesOn() {
        Metrics winner = metrics(0.040, 0.060, 0.90, 2.0, 50.0, "edge", ResourceUse.Kind.NODE);
        // 1.5 ms slower, 2 points less accurate, the same p95, cheaper by $0.5, the same throughput
        Metrics second = metrics(0.0415, 0.060, 0.88, 1.5, 50.0, "edge", ResourceUse.Kind.NODE);
        WinnerExplanation why = new WinnerExplanation(Objective.MEAN_LATENCY,
                List.of(ranked(1, Objective.MEAN_LATENCY, winner), ranked(2, Objective.MEAN_LATENCY, second)));

        assertEquals("edge", why.bottleneck().id());
        List<Difference> losses = why.runnerUpLosses();
        assertEquals(List.of(Figure.MEAN_LATENCY, Figure.ACCURACY), losses.stream().map(Difference::figure).toList());
        assertEquals(0.0015, losses.get(0).by(), 1e-12);
        assertEquals(0.02, losses.get(1).by(), 1e-12);
        List<Difference> gains = why.runnerUpGains();
        assertEquals(1, gains.size());
        assertEquals(Figure.COST, gains.get(0).figure());
        assertEquals(0.5, gains.get(0).by(), 1e-12);

        String text = why.text();
        assertTrue(text.contains("best mean latency of the plans that meet the constraints: 40.00 ms"), text);
        assertTrue(text.contains("bottleneck is the node edge, busy 20.00 ms per request"), text);
        assertTrue(text.contains("which limits it to 50.00 requests/s"), text);
        assertTrue(text.contains("loses on mean latency (1.50 ms higher), accuracy (2.00 percentage points lower)"), text);
        assertTrue(text.contains("better on cost per million requests ($0.5000 lower)"), text);
    }

    /** Plans of a list at a floor can differ by microseconds: the difference keeps its digits rather than reading "0.00 ms". */
    @Test
    void aTinyDifferenceIsNotShownAsNone() {
        Metrics winner = metrics(0.0571895, 0.060, 0.85012, 1.76, 50.0, "edge", ResourceUse.Kind.NODE);
        Metrics second = metrics(0.0571918, 0.060, 0.85009, 1.76, 50.0, "edge", ResourceUse.Kind.NODE);
        String text = new WinnerExplanation(Objective.MEAN_LATENCY,
                List.of(ranked(1, Objective.MEAN_LATENCY, winner), ranked(2, Objective.MEAN_LATENCY, second))).text();
        assertTrue(text.contains("loses on mean latency (0.0023 ms higher), accuracy (0.003 percentage points lower)"), text);
    }

    @Test
    void aLinkBottleneckAndACostObjectiveAreNamedAsSuch() {
        Metrics winner = metrics(0.080, 0.100, null, 1.0, 10.0, "phone->edge", ResourceUse.Kind.LINK);
        Metrics second = metrics(0.070, 0.090, null, 3.0, 20.0, "edge", ResourceUse.Kind.NODE);
        WinnerExplanation why = new WinnerExplanation(Objective.COST,
                List.of(ranked(1, Objective.COST, winner), ranked(2, Objective.COST, second)));
        String text = why.text();
        assertTrue(text.contains("best cost per request of the plans that meet the constraints: $1.000 per million requests"),
                text);
        assertTrue(text.contains("the link phone->edge, busy 100.00 ms per request"), text);
        assertEquals(List.of(Figure.COST), why.runnerUpLosses().stream().map(Difference::figure).toList());
        // unknown accuracy is compared on neither side
        assertEquals(List.of(Figure.MEAN_LATENCY, Figure.P95_LATENCY, Figure.THROUGHPUT),
                why.runnerUpGains().stream().map(Difference::figure).toList());
    }

    @Test
    void aTieAnAloneWinnerAndNoPlanEachSaySo() {
        Metrics m = metrics(0.040, 0.060, 0.90, 2.0, 50.0, "edge", ResourceUse.Kind.NODE);
        Objective o = Objective.MEAN_LATENCY;
        String tie = new WinnerExplanation(o, List.of(ranked(1, o, m), ranked(2, o, m))).text();
        assertTrue(tie.contains("ties with it on every figure"), tie);
        String alone = new WinnerExplanation(o, List.of(ranked(1, o, m))).text();
        assertTrue(alone.contains("no runner-up"), alone);
        assertTrue(new WinnerExplanation(o, List.of()).runnerUpLosses().isEmpty());
        assertTrue(new WinnerExplanation(o, List.of()).text().contains("No plan was found"));
        Metrics idle = metrics(0.001, 0.001, 0.5, 0, null, null, null);
        WinnerExplanation none = new WinnerExplanation(o, List.of(ranked(1, o, idle)));
        assertNull(none.bottleneck());
        assertTrue(none.text().contains("no bottleneck"), none.text());
    }
}
