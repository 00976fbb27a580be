package org.splitscope.whatif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.perf.Evaluator;

class SweepTest {
    private static final Scenario TEACHING = ScenarioFiles.read(Path.of("sample-scenarios", "teaching.json")).orElseThrow();

    /** A refused logarithmic range quotes the bounds as typed: "got 0 and 2.5", not "got 0.0 and 2.5". */
    @Test
    void aRefusedLogRangeQuotesItsBoundsAsTyped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sweep.values(0, 2.5, 3, true));
        assertEquals("a logarithmic sweep needs bounds > 0, got 0 and 2.5", e.getMessage());
    }

    @Test
    void parsesEveryFormAndRejectsOthersWithTheSyntax() {
        assertEquals(SweepParameter.Kind.LINK_BANDWIDTH, SweepParameter.parse("link:phone-edge.bandwidth").kind());
        assertEquals("phone-edge", SweepParameter.parse("link:phone-edge.bandwidth").id());
        assertEquals(SweepParameter.Kind.NODE_COMPUTE, SweepParameter.parse("node:edge.compute").kind());
        assertEquals(SweepParameter.Kind.ARRIVAL_RATE, SweepParameter.parse("workload.rate").kind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepParameter.parse("link:x.colour"));
        assertTrue(e.getMessage().contains("link:ID.bandwidth"));
        assertEquals("link:phone-edge.latency", SweepParameter.parse("link:phone-edge.latency").toString());
    }

    @Test
    void unknownLinkIsNamedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sweep(TEACHING, SweepParameter.parse("link:nope.bandwidth"), null));
        assertTrue(e.getMessage().contains("phone-edge"), e.getMessage());
    }

    @Test
    void valuesAreEvenOrGeometric() {
        assertArrayEquals(new double[] {1, 2, 3}, Sweep.values(1, 3, 3, false), 1e-12);
        assertArrayEquals(new double[] {1e6, 1e7, 1e8}, Sweep.values(1e6, 1e8, 3, true), 1e-3);
        assertThrows(IllegalArgumentException.class, () -> Sweep.values(0, 10, 3, true));
    }

    @Test
    void everyPointIsTheEvaluatorsFigureForThatValue() {
        SweepParameter bw = SweepParameter.parse("link:phone-edge.bandwidth");
        double[] values = Sweep.values(1e6, 1e9, 7, true);
        List<SweepPoint> points = new Sweep(TEACHING, bw, null).run(values, d -> { }, () -> false);
        assertEquals(7, points.size());
        for (int i = 0; i < values.length; i++) {
            double expected = Evaluator.evaluate(bw.apply(TEACHING, values[i])).meanLatency();
            assertEquals(expected, points.get(i).current().meanLatency(), 0);
            if (i > 0) {
                assertTrue(points.get(i).current().meanLatency() <= points.get(i - 1).current().meanLatency());
            }
        }
        assertEquals(values[3], bw.current(bw.apply(TEACHING, values[3])));
    }

    @Test
    void invalidValuesGiveProblemsNotNumbers() {
        List<SweepPoint> points = new Sweep(TEACHING, SweepParameter.parse("link:phone-edge.bandwidth"), null)
                .run(new double[] {-1, 1e7}, d -> { }, () -> false);
        assertFalse(points.get(0).valid());
        assertNull(points.get(0).current());
        assertEquals("topology.links[0].bandwidthBps", points.get(0).problems().get(0).path());
        assertTrue(points.get(1).valid());
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        AtomicInteger calls = new AtomicInteger();
        Sweep sweep = new Sweep(TEACHING, SweepParameter.parse("workload.rate"), null);
        sweep.run(Sweep.values(0, 1, 5, false), d -> calls.incrementAndGet(), () -> false);
        assertEquals(5, calls.get());
        assertThrows(CancellationException.class, () -> sweep.run(Sweep.values(0, 1, 5, false), d -> { }, () -> true));
    }

    @Test
    void planChangesAreMarkedWhereTheOptimalCutMoves() {
        // a stand-in optimizer: offload everything once the uplink is fast enough
        SweepParameter bw = SweepParameter.parse("link:phone-edge.bandwidth");
        int n = TEACHING.profile().unitCount();
        List<SweepPoint> points = new Sweep(TEACHING, bw, s -> Sweep.Best.proven(new Plan(List.of(new Stage(1, n,
                bw.current(s) > 5e7 ? "edge" : "phone"))))).run(Sweep.values(1e6, 1e9, 4, true), d -> { }, () -> false);
        assertEquals(List.of(2), Sweep.planChanges(points));
        assertEquals("edge", points.get(3).optimalPlan().stages().get(0).node());
        assertTrue(points.get(3).optimal() != null);
    }
}
