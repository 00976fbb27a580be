package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.io.ScenarioFiles;

/** The evaluator's last check: a figure that is not finite is refused by name, never returned. */
class FiniteFiguresTest {
    private static final Metrics TEACHING = Evaluator.evaluate(
            ScenarioFiles.read(Path.of("sample-scenarios", "teaching.json")).orElseThrow());

    private static Metrics withLatency(Metrics m, LatencySummary l) {
        return new Metrics(m.outcomes(), l, m.loadedLatency(), m.accuracy(), m.accuracyMethod(), m.resources(),
                m.throughputPerSecond(), m.bottleneck(), m.arrivalRatePerSecond(), m.saturated(), m.costUsdPerRequest(),
                m.costUsdPerMillion(), m.costUsdPerHour(), m.costItems(), m.energyJoulesPerRequest(), m.energy(),
                m.memory(), m.feasible(), m.goals(), m.warnings());
    }

    private static Metrics withCosts(Metrics m, double perRequest, Double perHour, List<CostItem> items) {
        return new Metrics(m.outcomes(), m.latency(), m.loadedLatency(), m.accuracy(), m.accuracyMethod(), m.resources(),
                m.throughputPerSecond(), m.bottleneck(), m.arrivalRatePerSecond(), m.saturated(), perRequest,
                perRequest * 1e6, perHour, items, m.energyJoulesPerRequest(), m.energy(), m.memory(), m.feasible(),
                m.goals(), m.warnings());
    }

    @Test
    void aValidScenarioHasOnlyFiniteFigures() {
        assertNull(FiniteFigures.firstNonFinite(TEACHING));
    }

    @Test
    void eachNonFiniteFigureIsNamedInWords() {
        LatencySummary l = TEACHING.latency();
        assertEquals("percentiles of the latency", FiniteFigures.firstNonFinite(withLatency(TEACHING,
                new LatencySummary(l.mean(), l.p50(), Double.POSITIVE_INFINITY, l.p99(), l.distribution()))));
        assertEquals("mean latency", FiniteFigures.firstNonFinite(withLatency(TEACHING,
                new LatencySummary(Double.NaN, l.p50(), l.p95(), l.p99(), l.distribution()))));
        assertEquals("cost per hour", FiniteFigures.firstNonFinite(
                withCosts(TEACHING, 1, Double.POSITIVE_INFINITY, TEACHING.costItems())));
        assertEquals("cost of 'edge'", FiniteFigures.firstNonFinite(withCosts(TEACHING, 1, null,
                List.of(new CostItem("edge", CostItem.Kind.EGRESS, Double.POSITIVE_INFINITY)))));
    }

    @Test
    void refusalNamesTheFigureWithoutPrintingInfinity() {
        LatencySummary l = TEACHING.latency();
        Metrics broken = withLatency(TEACHING, new LatencySummary(Double.POSITIVE_INFINITY, l.p50(), l.p95(), l.p99(),
                l.distribution()));
        InvalidScenarioException e = assertThrows(InvalidScenarioException.class, () -> FiniteFigures.check(broken));
        String message = e.problems().get(0).message();
        assertTrue(message.startsWith("the figures overflow: the mean latency is too large to compute"), message);
        assertTrue(!message.contains("Infinity") && !message.contains("NaN"), message);
    }
}
