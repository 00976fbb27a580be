package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Codec;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.ServerlessPricing;
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
        assertFalse(Tolerance.less(shipped.costUsdPerRequest(), r.costUsdPerRequest()));
        assertTrue(r.provenance().exact(), r.provenance().toString());
    }

    @Test
    void anSloNothingMeetsNamesTheSloAndTheLeastLatencyAchievable() {
        Scenario tight = MOPAR.withWorkload(new Workload(5.0, 0.3, null, null));
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class,
                () -> solve(tight, ServerlessOptions.defaults()));
        assertEquals(Constraint.LATENCY_SLO, e.unmet().get(0).constraint());
        assertTrue(e.getMessage().contains("latency SLO of 0.3 s"), e.getMessage());
        Matcher least = Pattern.compile("achievable with at most 4 function\\(s\\) is ([0-9.E-]+) s").matcher(e.getMessage());
        assertTrue(least.find(), e.getMessage());
        double fastest = Double.parseDouble(least.group(1));
        // the figure is what the space achieves: at that SLO a slicing exists, just below it none does
        ServerlessSlicingResult atIt = solve(MOPAR.withWorkload(new Workload(5.0, fastest, null, null)),
                ServerlessOptions.defaults());
        assertTrue(Tolerance.equal(fastest, atIt.metrics().loadedLatency().mean()) 
                || atIt.metrics().loadedLatency().mean() < fastest);
        assertThrows(InfeasibleConstraintsException.class,
                () -> solve(MOPAR.withWorkload(new Workload(5.0, fastest * 0.999, null, null)), ServerlessOptions.defaults()));
    }

    @Test
    void badOptionsNameTheField() {
        assertProblemAt("memorySizesMB", () -> solve(MOPAR, ServerlessOptions.defaults().withMemorySizesMB(List.of())));
        assertProblemAt("codecs[0].ratio", () -> solve(MOPAR,
                ServerlessOptions.defaults().withCodecs(List.of(new Codec("bad", -2, 0, 0)))));
        assertProblemAt("maxFunctions", () -> solve(MOPAR, ServerlessOptions.defaults().withMaxFunctions(0)));
        assertProblemAt("templateNode", () -> solve(MOPAR, ServerlessOptions.defaults().withTemplateNode("client")));
        List<Node> dedicatedOnly = MOPAR.topology().nodes().stream().map(n -> n.withPricing(null)).toList();
        Scenario noServerless = MOPAR.withTopology(MOPAR.topology().withNodes(dedicatedOnly));
        assertProblemAt("templateNode", () -> solve(noServerless, ServerlessOptions.defaults()));
    }

    private static void assertProblemAt(String path, Runnable r) {
        InvalidSearchException e = assertThrows(InvalidSearchException.class, r::run);
        assertTrue(e.problems().stream().anyMatch(p -> p.path().equals(path)), e.getMessage());
    }

    @Test
    void theUnsplitDeploymentIsTheCheapestSingleFunctionAndTheSavingFollows() {
        ServerlessSlicingResult r = solve(MOPAR, ServerlessOptions.defaults());
        ServerlessBaseline u = r.unsplit();
        assertNotNull(u.metrics(), u.reason());
        assertEquals(1, u.scenario().plan().stages().size());
        assertNull(u.scenario().plan().stages().get(0).inboundCodec());
        for (int mb : ServerlessOptions.AWS_LAMBDA_MB) {
            Scenario one = u.scenario().withTopology(u.scenario().topology().withNodes(u.scenario().topology().nodes()
                    .stream().map(n -> n.id().equals("fn1") ? n.withPricing(resized(n, mb)) : n).toList()));
            Metrics m = Evaluator.evaluate(one);
            if (Constraints.of(MOPAR.workload()).metBy(m)) {
                assertFalse(Tolerance.less(m.costUsdPerRequest(), u.costUsdPerRequest()), mb + " MB is cheaper");
            }
        }
        assertFalse(Tolerance.less(u.costUsdPerRequest(), r.costUsdPerRequest()));
        double saving = 100 * (u.costUsdPerRequest() - r.costUsdPerRequest()) / u.costUsdPerRequest();
        assertEquals(saving, r.savingPercent(), 1e-12);
    }

    private static ServerlessPricing resized(Node n, int mb) {
        ServerlessPricing s = (ServerlessPricing) n.pricing();
        return new ServerlessPricing(s.usdPerGBSecond(), s.usdPerRequest(), mb / 1000.0, s.billingGranularitySeconds(),
                s.coldStartSeconds(), s.coldStartProbability());
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
