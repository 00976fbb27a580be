package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Codec;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;
import org.splitscope.zoo.SampleScenarios;

class ServerlessSlicingTest {
    private static final Scenario MOPAR = SampleScenarios.moparServerless();

    private static ServerlessSlicingResult solve(Scenario s, ServerlessOptions o) {
        return new ServerlessSlicing(s, o).solve(Progress.NONE, CancellationToken.none());
    }

    @Test
    void moparSampleCostsNoMoreThanItsShippedPlanUnderTheSameSlo() {
        Metrics shipped = Evaluator.evaluate(MOPAR);
        assertTrue(Constraints.of(MOPAR.workload()).metBy(shipped), "the shipped plan meets its own SLO");
        ServerlessSlicingResult r = solve(MOPAR, ServerlessOptions.defaults());
        System.out.println(r.scenario().plan() + "\n" + r.metrics().costUsdPerRequest() + " vs shipped " + shipped.costUsdPerRequest()
                + " unsplit " + r.unsplit() .costUsdPerRequest() + " saving " + r.savingPercent() + " " + r.provenance()
                + " lat " + r.metrics().loadedLatency().mean());
        assertFalse(Tolerance.less(shipped.costUsdPerRequest(), r.costUsdPerRequest()));
        assertTrue(r.provenance().exact(), r.provenance().toString());
    }

    @Test
    void returnedMetricsAreTheEvaluatorsAndMeetTheSlo() {
        ServerlessSlicingResult r = solve(MOPAR, ServerlessOptions.defaults());
        Metrics again = Evaluator.evaluate(r.scenario());
        assertEquals(again.costUsdPerRequest(), r.metrics().costUsdPerRequest());
        assertEquals(again.loadedLatency().mean(), r.metrics().loadedLatency().mean());
        assertTrue(r.scenario().validate().isEmpty(), r.scenario().validate().toString());
        assertFalse(Tolerance.less(MOPAR.workload().latencySloSeconds(), r.metrics().loadedLatency().mean()));
        assertTrue(r.metrics().feasible());
    }
}
