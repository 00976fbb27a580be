package org.splitscope.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Constraints;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.ParetoFront;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.PipelineObjective;
import org.splitscope.optimize.PipelinePlacement;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.ServerlessOptions;
import org.splitscope.optimize.ServerlessSlicing;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;

/**
 * Every sample opens on a plan worth showing: the one its setting's optimizer finds, or one within
 * a small tolerance of it, under the goals the scenario states. The default also shows why the
 * tool exists: partitioning with early exits beats running everything on one tier.
 */
class SampleScenariosAreGoodPlansTest {
    private static final Map<String, Consumer<Scenario>> CHECKS = Map.of(
            "portend-three-tier.json", SampleScenariosAreGoodPlansTest::fastestAtTheAccuracyFloor,
            "seifer-edge-cluster.json", SampleScenariosAreGoodPlansTest::mostThroughputOfAPipeline,
            "mopar-serverless.json", SampleScenariosAreGoodPlansTest::nearlyTheCheapestSlicing,
            "teaching.json", SampleScenariosAreGoodPlansTest::onTheParetoFront);

    @Test
    void everySampleHasACheck() {
        assertEquals(SampleScenarios.all().keySet(), CHECKS.keySet());
    }

    @Test
    void everySamplesPlanIsOnOrNearItsOptimizersAnswer() {
        SampleScenarios.all().forEach((file, scenario) -> CHECKS.get(file).accept(scenario));
    }

    @Test
    void theDefaultPartitionsWithEarlyExitsAndBeatsEveryOneTierPlan() {
        Scenario s = SampleScenarios.portendThreeTier();
        Metrics shown = Evaluator.evaluate(s);
        assertTrue(s.plan().stages().size() > 1 && !s.plan().exits().isEmpty(), "partitioned, with exits");
        int units = s.profile().unitCount();
        for (String node : List.of("end", "edge", "cloud")) {
            Metrics whole = Evaluator.evaluate(s.withPlan(new Plan(List.of(new Stage(1, units, node)))));
            double factor = node.equals("edge") ? 1.1 : 1.5;
            assertTrue(whole.meanLatency() > factor * shown.meanLatency(),
                    "all on " + node + " " + whole.meanLatency() + " s against the shown " + shown.meanLatency() + " s");
        }
    }

    /** PORTEND: mean latency at the scenario's accuracy floor and SLO, within 1 % of the exact optimum. */
    private static void fastestAtTheAccuracyFloor(Scenario s) {
        Metrics shown = Evaluator.evaluate(s);
        SearchRequest request = SearchRequest.of(s, Objective.MEAN_LATENCY);
        assertTrue(request.constraints().accuracyFloor() != null, "the scenario states an accuracy floor");
        assertTrue(request.constraints().metBy(shown), s.name() + ": the shown plan meets the scenario's goals");
        RankedPlan best = new ExactChainSearch(request).top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertTrue(shown.meanLatency() <= 1.01 * best.metrics().meanLatency(),
                s.name() + ": shown " + shown.meanLatency() + " s, best " + best.metrics().meanLatency() + " s");
    }

    /** SEIFER: throughput within 2 % of the best pipeline over distinct boards, any number of stages. */
    private static void mostThroughputOfAPipeline(Scenario s) {
        Metrics shown = Evaluator.evaluate(s);
        SearchRequest request = SearchRequest.of(s, Objective.THROUGHPUT);
        request = request.withSpace(request.space().withPlacement(Placement.DISTINCT)
                .withMaxStages(s.topology().nodes().size()));
        RankedPlan best = new PipelinePlacement(request, PipelineObjective.BOTTLENECK)
                .top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertFalse(shown.saturated(), s.name() + " keeps up with its arrival rate");
        assertTrue(shown.throughputPerSecond() >= 0.98 * best.metrics().throughputPerSecond(),
                s.name() + ": shown " + shown.throughputPerSecond() + "/s, best " + best.metrics().throughputPerSecond() + "/s");
    }

    /**
     * MOPAR: cost per request within 5 % of the cheapest slicing under the latency SLO. Not closer:
     * under list prices a GB-second buys the same FLOPs at every memory size, so slicing VGG-16
     * saves nothing here and each extra function adds its request fee and transfers; the sample
     * keeps three slices to show the setting.
     */
    private static void nearlyTheCheapestSlicing(Scenario s) {
        Metrics shown = Evaluator.evaluate(s);
        Constraints goals = Constraints.of(s.workload());
        assertTrue(goals.metBy(shown), s.name() + ": the shown plan meets the latency SLO");
        double cheapest = new ServerlessSlicing(s, goals, ServerlessOptions.defaults())
                .solve(Progress.NONE, CancellationToken.none()).costUsdPerRequest();
        assertTrue(shown.costUsdPerRequest() <= 1.05 * cheapest,
                s.name() + ": shown $" + shown.costUsdPerRequest() + ", cheapest $" + cheapest);
    }

    /** Teaching (no goals stated): no plan is better on latency, accuracy and cost at once. */
    private static void onTheParetoFront(Scenario s) {
        Metrics shown = Evaluator.evaluate(s);
        List<ParetoPoint> front = new ParetoFront(SearchRequest.of(s, Objective.MEAN_LATENCY))
                .points(Progress.NONE, CancellationToken.none());
        for (ParetoPoint p : front) {
            Metrics m = p.metrics();
            boolean dominates = m.meanLatency() < 0.995 * shown.meanLatency() && m.accuracy() >= shown.accuracy()
                    && m.costUsdPerRequest() <= shown.costUsdPerRequest();
            assertFalse(dominates, s.name() + ": " + p.plan() + " is better on every count");
        }
    }
}
