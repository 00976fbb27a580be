package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.PipelineObjective;
import org.splitscope.optimize.PipelinePlacement;
import org.splitscope.optimize.ServerlessSlicing;
import org.splitscope.perf.Evaluator;
import org.splitscope.zoo.SampleScenarios;

/** The pipeline and serverless searches as choices of the Optimize panel; a reshaped topology is applied with its plan. */
class OptimizeMethodsModelTest {
    private final UiQueue ui = new UiQueue();
    private final BackgroundWork work = ui.work();

    private void runToEnd(OptimizeModel m) throws InterruptedException {
        m.run();
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
    }

    @Test
    void pipelinePlacementRanksTheClustersPlans() throws InterruptedException {
        ScenarioDocument doc = new ScenarioDocument(SampleScenarios.seiferEdgeCluster());
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(new PipelineMethod(PipelineObjective.BOTTLENECK)));
        // as many stages as the shipped plan has, so that the shipped plan is among those searched
        m.form().maxStagesProperty().set(doc.getScenario().plan().stages().size());
        runToEnd(m);
        assertEquals("", m.errorProperty().get());
        var best = m.resultsProperty().get(0);
        assertEquals(PipelinePlacement.METHOD, best.provenance().method());
        double shipped = Evaluator.evaluate(doc.getScenario()).throughputPerSecond();
        assertTrue(best.metrics().throughputPerSecond() >= shipped - 1e-9, "no worse than the shipped plan");
        assertEquals(best.metrics().throughputPerSecond(), best.objectiveValue(), 0, "ranked in the panel's terms");
        assertTrue(m.explanationProperty().get().startsWith("The winner has the best throughput"), m.explanationProperty().get());
        m.apply(best);
        assertEquals(best.plan(), doc.getScenario().plan());
    }

    @Test
    void theMethodsThatCannotRankByTheMeanLatencyUnderLoadSaySo() throws InterruptedException {
        ScenarioDocument doc = new ScenarioDocument(SampleScenarios.seiferEdgeCluster());
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(new PipelineMethod(PipelineObjective.BOTTLENECK),
                new ServerlessMethod()));
        m.form().objectiveProperty().set(org.splitscope.optimize.Objective.LOADED_LATENCY);
        runToEnd(m);
        assertTrue(m.errorProperty().get().contains("pipeline placement (SEIFER) ranks plans by their bottleneck"),
                m.errorProperty().get());
        assertTrue(m.resultsProperty().isEmpty());
        m.form().methodProperty().set(m.form().methods().get(1));
        runToEnd(m);
        assertTrue(m.errorProperty().get().contains("serverless slicing (MOPAR)"), m.errorProperty().get());
    }

    @Test
    void serverlessSlicingAppliesItsFunctionsWithThePlanAsOneStep() throws InterruptedException {
        Scenario mopar = SampleScenarios.moparServerless();
        ScenarioDocument doc = new ScenarioDocument(mopar);
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(new ServerlessMethod()));
        runToEnd(m);
        assertEquals("", m.errorProperty().get());
        var best = m.resultsProperty().get(0);
        assertEquals(ServerlessSlicing.METHOD, best.provenance().method());
        assertTrue(m.explanationProperty().get().contains("unsplit"), m.explanationProperty().get());
        m.apply(best);
        Scenario applied = doc.getScenario();
        assertNotEquals(mopar.topology(), applied.topology(), "the functions come with the plan");
        assertEquals(best.metrics(), Evaluator.evaluate(applied));
        doc.undo();
        assertEquals(mopar, doc.getScenario());
    }
}
