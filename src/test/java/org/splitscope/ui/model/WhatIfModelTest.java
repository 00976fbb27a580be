package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.perf.Evaluator;
import org.splitscope.ui.DefaultScenario;
import org.splitscope.whatif.SweepParameter;

/** The what-if factors: exact scaling, no edit before Apply, one undo step, the exact search's best plan. */
class WhatIfModelTest {
    private static final String BANDWIDTH = "link:end-edge.bandwidth";
    private static final String COMPUTE = "node:edge.compute";

    private final UiQueue ui = new UiQueue();
    private final Scenario original = DefaultScenario.load();
    private final ScenarioDocument doc = new ScenarioDocument(original);
    private final BackgroundWork work = ui.work();
    private final WhatIfModel model = new WhatIfModel(doc, work, 0);

    private void settle() throws InterruptedException {
        ui.runUntil(() -> !model.searchingProperty().get() && !work.isRunning());
    }

    @Test
    void everyLinkAndNodeOfTheTopologyHasItsFactors() {
        assertEquals(WhatIfModel.parametersOf(original),
                model.factorsProperty().stream().map(WhatIfFactor::parameter).toList());
        assertTrue(model.factorsProperty().stream().anyMatch(f -> f.parameter().toString().equals("node:cloud.price")));
        assertTrue(model.factorsProperty().stream().noneMatch(f -> f.parameter().toString().equals("node:end.price")),
                "the end device has no pricing to scale");
    }

    @Test
    void aHiddenPanelComputesNothing() {
        model.factor(BANDWIDTH).factorProperty().set(0.5);
        assertNull(model.currentProperty().get());
        assertFalse(work.isRunning());
    }

    @Test
    void factorsApplyExactlyTheParametersValueTimesTheFactorAndLeaveTheDocumentAlone() throws InterruptedException {
        model.activeProperty().set(true);
        model.factor(BANDWIDTH).factorProperty().set(0.25);
        model.factor(COMPUTE).factorProperty().set(3);
        SweepParameter bw = SweepParameter.parse(BANDWIDTH);
        SweepParameter compute = SweepParameter.parse(COMPUTE);
        Scenario expected = compute.apply(bw.apply(original, bw.current(original) * 0.25), compute.current(original) * 3);
        assertEquals(expected, model.scaledProperty().get());
        assertEquals(Evaluator.evaluate(expected), model.currentProperty().get());
        assertEquals(bw.current(original) * 0.25, model.factor(BANDWIDTH).value());
        assertTrue(model.factor(BANDWIDTH).text().startsWith("×0.250 = "), model.factor(BANDWIDTH).text());
        settle();
        assertEquals(original, doc.getScenario());
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void theBestPlanIsTheExactChainSearchsOnTheScaledScenario() throws InterruptedException {
        model.activeProperty().set(true);
        model.objectiveProperty().set(Objective.COST);
        model.factor(BANDWIDTH).factorProperty().set(0.01);
        settle();
        Scenario scaled = model.scaledProperty().get();
        Plan expected = new ExactChainSearch(SearchRequest.of(scaled, Objective.COST))
                .top(1, Progress.NONE, CancellationToken.none()).get(0).plan();
        assertEquals(expected, model.bestPlanProperty().get());
        assertEquals(Evaluator.evaluate(scaled.withPlan(expected)), model.bestProperty().get());
        // a slider that moves again drops the old answer and searches afresh
        model.factor(BANDWIDTH).factorProperty().set(100);
        assertNull(model.bestPlanProperty().get());
        settle();
        Scenario faster = model.scaledProperty().get();
        assertEquals(new ExactChainSearch(SearchRequest.of(faster, Objective.COST))
                .top(1, Progress.NONE, CancellationToken.none()).get(0).plan(), model.bestPlanProperty().get());
    }

    /**
     * The verdict names what the best plan changes: with the current cuts and placement but other
     * exits it said "the current cuts and placement are still the best" and nothing of the exits.
     */
    @Test
    void theVerdictNamesTheExitsTheBestPlanChanges() throws InterruptedException {
        model.activeProperty().set(true);
        model.objectiveProperty().set(Objective.MEAN_LATENCY);
        settle();
        Plan best = model.bestPlanProperty().get();
        assertFalse(best.exits().isEmpty(), "the default scenario's best plan uses an exit: " + best);
        var exit = best.exits().get(0);
        double other = exit.threshold() == 0.5 ? 0.6 : 0.5;
        java.util.List<org.splitscope.model.EnabledExit> exits = new java.util.ArrayList<>(best.exits());
        exits.set(0, new org.splitscope.model.EnabledExit(exit.exit(), other));
        doc.replace(original.withPlan(new Plan(best.stages(), exits, best.terminalExit())), null);
        settle();
        assertEquals(best, model.bestPlanProperty().get());
        assertEquals("The current cuts and placement are still the best for mean latency, with other exits: " + exit.exit()
                + " at " + SettingsText.number(exit.threshold()) + ", not " + SettingsText.number(other), model.statusProperty().get());
        doc.replace(original.withPlan(best), null);
        settle();
        assertEquals("The current plan is still the best for mean latency", model.statusProperty().get());
    }

    /** Each exit change is named: switched on, off, to another threshold, and a new last exit; past six they are counted. */
    @Test
    void exitChangesAreNamedOneByOne() {
        var stages = original.plan().stages();
        Plan now = new Plan(stages, java.util.List.of(new org.splitscope.model.EnabledExit("a", 0.5),
                new org.splitscope.model.EnabledExit("b", 0.5)), null);
        Plan then = new Plan(stages, java.util.List.of(new org.splitscope.model.EnabledExit("b", 0.7),
                new org.splitscope.model.EnabledExit("c", 0.9)), "c");
        assertEquals("The current cuts and placement are still the best for cost, with other exits: b at 0.7, not 0.5,"
                + " c on at 0.9, a off, ends at c", WhatIfModel.verdict(now, then, "cost"));
        java.util.List<org.splitscope.model.EnabledExit> many = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            many.add(new org.splitscope.model.EnabledExit("e" + i, 0.1));
        }
        assertTrue(WhatIfModel.verdict(now, new Plan(stages, many, null), "cost").endsWith(", e5 on at 0.1 and 5 more exit changes"),
                WhatIfModel.verdict(now, new Plan(stages, many, null), "cost"));
    }

    @Test
    void applyToScenarioIsOneUndoStepAndResetsTheFactors() throws InterruptedException {
        model.activeProperty().set(true);
        model.factor(BANDWIDTH).factorProperty().set(0.1);
        model.factor("link:end-edge.latency").factorProperty().set(10);
        Scenario scaled = model.scaledProperty().get();
        model.applyToScenario();
        assertEquals(scaled, doc.getScenario());
        assertEquals(1.0, model.factor(BANDWIDTH).factor());
        assertEquals(doc.getScenario(), model.scaledProperty().get(), "the what-if starts from the applied scenario");
        doc.undo();
        assertEquals(original, doc.getScenario());
        assertFalse(doc.canUndoProperty().get(), "one step only");
        settle();
    }

    @Test
    void applyBestPlanPutsThePlanIntoTheDocumentAsOneStep() throws InterruptedException {
        model.activeProperty().set(true);
        model.factor(BANDWIDTH).factorProperty().set(0.01);
        settle();
        Plan best = model.bestPlanProperty().get();
        assertNotNull(best);
        model.applyBestPlan();
        assertEquals(original.withPlan(best), doc.getScenario());
        doc.undo();
        assertEquals(original, doc.getScenario());
        settle();
    }

    @Test
    void anInvalidFactorShowsProblemsAndNoNumbers() throws InterruptedException {
        model.activeProperty().set(true);
        settle();
        assertNotNull(model.currentProperty().get());
        model.factor(BANDWIDTH).factorProperty().set(0);
        assertNull(model.currentProperty().get());
        assertNull(model.bestPlanProperty().get());
        assertNull(model.bestProperty().get());
        assertTrue(model.problemsProperty().stream().anyMatch(p -> p.contains("bandwidthBps")), model.problemsProperty().toString());
        assertFalse(work.isRunning(), "no search on an invalid scenario");
        model.applyToScenario();
        assertEquals(original, doc.getScenario(), "an invalid what-if is not applied");
        model.factor(BANDWIDTH).factorProperty().set(Double.NaN);
        assertTrue(model.problemsProperty().stream().anyMatch(p -> p.contains(BANDWIDTH)), model.problemsProperty().toString());
        model.reset();
        assertTrue(model.problemsProperty().isEmpty());
        assertEquals(Evaluator.evaluate(original), model.currentProperty().get());
        settle();
    }

    @Test
    void aNewTopologyBringsItsOwnFactors() {
        model.activeProperty().set(true);
        Scenario other = org.splitscope.zoo.SampleScenarios.moparServerless();
        doc.replace(other, null);
        assertEquals(WhatIfModel.parametersOf(other), model.factorsProperty().stream().map(WhatIfFactor::parameter).toList());
        assertNotEquals(WhatIfModel.parametersOf(original), WhatIfModel.parametersOf(other));
    }
}
