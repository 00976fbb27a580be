package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.chart.Formats;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.ui.DefaultScenario;

/** The what-if table: each cell is the evaluator's figure in the window's units; the difference is best minus current. */
class WhatIfRowTest {
    @Test
    void cellsAreTheFiguresAndTheDifferenceIsBestMinusCurrent() {
        Scenario s = DefaultScenario.load();
        Metrics current = Evaluator.evaluate(s);
        // everything on the first node: slower here, so the difference has a sign to check
        var stages = List.of(new org.splitscope.model.Stage(1, s.profile().unitCount(), s.topology().source()));
        Metrics other = Evaluator.evaluate(s.withPlan(new org.splitscope.model.Plan(stages)));
        List<WhatIfRow> rows = WhatIfRow.of(current, other);
        WhatIfRow mean = rows.get(0);
        assertEquals("Mean latency", mean.metric());
        assertEquals(Formats.ms(current.meanLatency()), mean.current());
        assertEquals(Formats.ms(other.meanLatency()), mean.best());
        double d = other.meanLatency() - current.meanLatency();
        assertEquals((d >= 0 ? "+" : "−") + Formats.ms(Math.abs(d)), mean.difference());
        assertEquals(current.bottleneck(), rows.get(5).current());
    }

    @Test
    void accuracyDiffersInPercentagePoints() {
        Scenario s = DefaultScenario.load();
        Metrics current = Evaluator.evaluate(s);
        // no early exit: the final classifier's accuracy, another share than with the exits
        Metrics other = Evaluator.evaluate(s.withPlan(new org.splitscope.model.Plan(s.plan().stages())));
        WhatIfRow accuracy = WhatIfRow.of(current, other).get(2);
        double pp = (other.accuracy() - current.accuracy()) * 100;
        assertTrue(pp != 0);
        assertEquals(String.format(java.util.Locale.ROOT, "%s%.1f pp", pp >= 0 ? "+" : "−", Math.abs(pp)),
                accuracy.difference());
    }

    @Test
    void aMissingBestPlanShowsADashAndNoDifference() {
        Metrics current = Evaluator.evaluate(DefaultScenario.load());
        for (WhatIfRow r : WhatIfRow.of(current, null)) {
            assertEquals(Formats.NONE, r.best(), r.metric());
        }
        assertEquals(Formats.NONE, WhatIfRow.of(current, null).get(3).difference());
    }
}
