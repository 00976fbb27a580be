package org.splitscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Unit;
import org.splitscope.optimize.Objective;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Tolerance;

/** Which assumptions a report names, and what its optimizer section compares. */
class AssumptionsTest {
    private static List<String> topics(Scenario s) {
        Metrics m = Evaluator.evaluate(s);
        return Assumptions.of(s, m).stream().map(Assumption::topic).toList();
    }

    @Test
    void sampleScenariosSayTheirStatisticsAreSynthetic() {
        assertTrue(Assumptions.syntheticExitStatistics(ReportFixtures.sample("portend-three-tier.json")));
        assertTrue(topics(ReportFixtures.sample("portend-three-tier.json")).contains("Synthetic exit statistics"));
    }

    @Test
    void withoutExitStatisticsNothingIsSynthetic() {
        Scenario vgg = ReportFixtures.sample("mopar-serverless.json");
        assertFalse(Assumptions.syntheticExitStatistics(vgg));
        assertTrue(topics(vgg).stream().anyMatch(t -> t.contains("unknown (no exit statistics)")), topics(vgg).toString());
    }

    @Test
    void curvesAreNamedApproximate() {
        assertTrue(topics(ReportFixtures.sample("teaching.json")).stream()
                .anyMatch(t -> t.startsWith("Exit probabilities: approximate")));
    }

    @Test
    void stagesWithoutMeasurementsAreFlopBasedAndMeasuredOnesAreNot() {
        Scenario s = ReportFixtures.sample("teaching.json");
        assertTrue(topics(s).contains("FLOP-based times"));
        Map<String, Double> everywhere = new HashMap<>();
        for (Node n : s.topology().nodes()) {
            everywhere.put(n.deviceClass(), 0.001);
        }
        List<Unit> timed = s.profile().units().stream().map(u -> new Unit(u.name(), u.kind(), u.flops(), u.paramBytes(),
                u.cutBytes(), everywhere, u.workingBytes())).toList();
        Scenario measured = s.withProfile(s.profile().withUnits(timed));
        List<String> t = topics(measured);
        assertFalse(t.contains("FLOP-based times"), t.toString());
        assertEquals(s.plan().stages().size(), t.stream().filter("Measured times"::equals).count());
    }

    @Test
    void theOptimizersBestIsReEvaluatedAndNoWorseThanThePlan() {
        Report r = ReportFixtures.report("portend-three-tier.json");
        assertTrue(r.optimizer().found());
        Scenario s = r.scenario();
        Metrics again = new Evaluator(s.profile(), s.topology()).evaluate(r.optimizer().best().plan(), s.workload());
        assertEquals(again.meanLatency(), r.optimizer().best().metrics().meanLatency(), 0);
        assertEquals(Objective.MEAN_LATENCY, r.optimizer().objective());
        double gap = r.optimizer().gap(r.metrics());
        assertTrue(Tolerance.equal(gap, r.metrics().meanLatency() - again.meanLatency()), "gap " + gap);
        assertTrue(gap >= 0);
    }
}
