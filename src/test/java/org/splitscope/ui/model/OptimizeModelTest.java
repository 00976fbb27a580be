package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.ParetoFront;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.perf.Evaluator;
import org.splitscope.ui.DefaultScenario;

/** The Optimize panel's model: runs, applies, cancels and explains, with the test thread as the UI thread. */
class OptimizeModelTest {
    private final UiQueue ui = new UiQueue();
    private final ScenarioDocument doc = new ScenarioDocument(DefaultScenario.load());
    private final BackgroundWork work = ui.work();

    private OptimizeModel model(SearchMethod... methods) {
        return new OptimizeModel(doc, work, ui::add, methods.length == 0 ? List.of(new ExactChainMethod()) : List.of(methods));
    }

    private void runToEnd(OptimizeModel m) throws InterruptedException {
        m.run();
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
    }

    @Test
    void theConstraintFieldsStartFromTheWorkloadsGoals() {
        OptimizeModel m = model();
        assertEquals("90", m.form().accuracyFloorProperty().get());
        assertEquals("100", m.form().latencySloProperty().get());
        assertEquals("", m.form().budgetProperty().get());
        assertEquals(SearchRequest.of(doc.getScenario(), Objective.MEAN_LATENCY).constraints(),
                m.form().settings(new java.util.ArrayList<>()).constraints());
    }

    @Test
    void aRunRanksTheSamePlansAsTheExactSearchAndExplainsTheWinner() throws InterruptedException {
        OptimizeModel m = model();
        m.form().objectiveProperty().set(Objective.COST);
        m.form().countProperty().set(3);
        runToEnd(m);
        assertEquals("", m.errorProperty().get());
        SearchRequest request = SearchRequest.of(doc.getScenario(), Objective.COST);
        List<RankedPlan> expected = new ExactChainSearch(request).top(3, Progress.NONE, CancellationToken.none());
        assertEquals(expected.stream().map(RankedPlan::plan).toList(),
                m.resultsProperty().stream().map(RankedPlan::plan).toList());
        assertEquals(new ParetoFront(request).points(Progress.NONE, CancellationToken.none()), m.frontProperty());
        RankedPlan winner = m.resultsProperty().get(0);
        assertEquals(Evaluator.evaluate(doc.getScenario().withPlan(winner.plan())), winner.metrics());
        assertTrue(m.explanationProperty().get().contains("best cost per request"), m.explanationProperty().get());
        assertTrue(m.explanationProperty().get().contains(winner.metrics().bottleneck()), m.explanationProperty().get());
        assertTrue(m.statusProperty().get().contains(ExactChainSearch.METHOD), m.statusProperty().get());
        assertFalse(m.staleProperty().get());
    }

    /** A stand-in method: the exact search's best plan, no front, and the given note on why. */
    private static SearchMethod withoutFront(String note) {
        return new SearchMethod() {
            @Override
            public String label() {
                return "no front";
            }

            @Override
            public Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token) {
                if (note == null) {
                    throw new IllegalStateException("broken");
                }
                return new Result(new ExactChainSearch(settings.request(scenario)).top(1, progress, token), List.of(), null, note);
            }
        };
    }

    /** After a run that drew no front the chart says why, not "Run the search" as before any run. */
    @Test
    void aRunWithoutAFrontSaysWhyInsteadOfAskingForARun() throws InterruptedException {
        OptimizeModel m = model(withoutFront(""));
        assertEquals(OptimizeModel.NOT_RUN, m.frontNoteProperty().get());
        runToEnd(m);
        assertTrue(m.frontProperty().isEmpty());
        assertEquals("No Pareto front: this search method finds the best plans for its objective only", m.frontNoteProperty().get());
        m = model(withoutFront("no Pareto front for exits only at stage ends"));
        runToEnd(m);
        assertEquals("No Pareto front for exits only at stage ends", m.frontNoteProperty().get());
        m = model(withoutFront("the Pareto front was stopped before it was finished"));
        runToEnd(m);
        assertEquals("No front: the Pareto front was stopped before it was finished", m.frontNoteProperty().get());
        String engine = "no Pareto front: Threshold grid: the space has about 1.11e+54 exit configurations (more than"
                + " 5,000,000, too many to score one by one); this search enumerates them";
        m = model(withoutFront(engine));
        runToEnd(m);
        assertEquals("No Pareto front: Threshold grid: the space has about 1.11e+54 exit configurations… (the status line's"
                + " tooltip says more)", m.frontNoteProperty().get(), "short enough to leave a small chart room to plot");
        assertTrue(m.statusProperty().get().contains(engine), "the status line has it whole: " + m.statusProperty().get());
        m = model(withoutFront(null));
        runToEnd(m);
        assertEquals("No front: the search failed (see the message)", m.frontNoteProperty().get());
        m.form().accuracyFloorProperty().set("150");
        m.run();
        assertEquals("No search: the settings have problems (see the message)", m.frontNoteProperty().get());
        m = model();
        m.form().thresholdsProperty().set("0.5, 0.5");
        runToEnd(m);
        assertEquals("No search: the settings have problems (see the message)", m.frontNoteProperty().get(),
                "a threshold listed twice is the settings' problem, not a failed search");
    }

    /** The engine's advice to run the command line's floor sweep reads, in the window, as the window's own Sweep page. */
    @Test
    void theCommandLinesFloorSweepAdviceNamesTheWindowsSweepPage() {
        String said = SettingsText.describe(new org.splitscope.model.Problem("space.thresholds", "for latency against accuracy,"
                + " sweep the accuracy floor with re-optimization (sweep --param workload.accuracyFloor --optimize latency), each"
                + " floor solved exactly"));
        assertEquals("Threshold grid: for latency against accuracy, sweep the accuracy floor in What-if > Sweep (vary"
                + " workload.accuracyFloor), each floor solved exactly", said);
    }

    @Test
    void applyIsOneUndoStepAndDoesNotMakeTheResultsStale() throws InterruptedException {
        // start from a plan the search improves on: the default scenario's own plan is already the fastest
        Scenario allLocal = doc.getScenario().withPlan(new Plan(List.of(new Stage(1, doc.getScenario().profile().unitCount(), "end"))));
        doc.replace(allLocal, null);
        OptimizeModel m = model();
        runToEnd(m);
        Plan before = doc.getScenario().plan();
        Plan best = m.resultsProperty().get(0).plan();
        assertNotEquals(before, best);
        m.apply(m.resultsProperty().get(0));
        assertEquals(best, doc.getScenario().plan());
        assertFalse(m.staleProperty().get(), "the search does not depend on the plan on screen");
        m.apply(m.frontProperty().get(m.frontProperty().size() - 1));
        doc.undo();
        assertEquals(best, doc.getScenario().plan());
        doc.undo();
        assertEquals(before, doc.getScenario().plan());
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void aChangedWorkloadMakesTheResultsStale() throws InterruptedException {
        OptimizeModel m = model();
        runToEnd(m);
        doc.edit(null, s -> s.withWorkload(s.workload().withArrivalRate(2)));
        assertTrue(m.staleProperty().get());
        doc.undo();
        assertFalse(m.staleProperty().get());
    }

    @Test
    void anUnreachableAccuracyFloorIsNamedNotAnEmptyList() throws InterruptedException {
        OptimizeModel m = model();
        m.form().accuracyFloorProperty().set("99.9");
        runToEnd(m);
        assertTrue(m.resultsProperty().isEmpty());
        assertTrue(m.errorProperty().get().contains("The accuracy floor 99.9 % cannot be met"), m.errorProperty().get());
    }

    @Test
    void aPinThatContradictsAForbidIsNamed() throws InterruptedException {
        OptimizeModel m = model();
        m.form().addPin(1, 5, "end");
        m.form().forbidOnTier(3, 8, 0);
        runToEnd(m);
        assertTrue(m.resultsProperty().isEmpty());
        String e = m.errorProperty().get();
        assertTrue(e.startsWith("Pin 1: pins units 1..5 to 'end' but forbid 1 forbids units 3..8 on tier 0"), e);
        assertTrue(e.contains("contradicts"), e);
        m.form().removeForbid(m.form().forbidsProperty().get(0));
        runToEnd(m);
        assertEquals("", m.errorProperty().get());
        assertTrue(m.resultsProperty().stream().allMatch(p -> p.plan().stages().get(0).node().equals("end")
                && p.plan().stages().get(0).lastUnit() >= 5));
    }

    @Test
    void anEmptyThresholdGridAndUnreadableFieldsAreNamed() throws InterruptedException {
        OptimizeModel m = model();
        m.form().thresholdsProperty().set(" ");
        runToEnd(m);
        assertTrue(m.errorProperty().get().startsWith("Threshold grid: the threshold grid is empty"),
                m.errorProperty().get());
        m.form().thresholdsProperty().set("0.5, x");
        m.form().latencySloProperty().set("fast");
        m.form().accuracyFloorProperty().set("120");
        m.run();
        assertFalse(work.isRunning(), "nothing is searched with unreadable settings");
        String e = m.errorProperty().get();
        assertTrue(e.contains("Accuracy floor (%): 120 % is out of range; enter a number at least 0 and at most 100 %"), e);
        assertTrue(e.contains("Latency SLO (ms): 'fast' is not a number"), e);
        assertTrue(e.contains("Threshold grid: 'x' is not a number"), e);
    }

    @Test
    void constraintFieldsTakeScientificNotationAndTheirUnits() {
        OptimizeModel m = model();
        m.form().accuracyFloorProperty().set("9.5e1");
        m.form().latencySloProperty().set("0.25 s");
        m.form().budgetProperty().set("2 $");
        List<String> problems = new java.util.ArrayList<>();
        var c = m.form().settings(problems).constraints();
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(0.95, c.accuracyFloor());
        assertEquals(0.25, c.latencySloSeconds());
        assertEquals(2e-6, c.budgetUsdPerRequest());
        m.form().latencySloProperty().set("20 GB");
        m.form().settings(problems);
        assertEquals(List.of("Latency SLO (ms): 'GB' is not a unit this field takes (ms, s, us, µs)"), problems);
    }

    @Test
    void cancelStopsTheSearchWhichAnswersWithWhatItFound() throws InterruptedException {
        EndlessSearch endless = new EndlessSearch();
        OptimizeModel m = model(endless);
        m.run();
        assertTrue(endless.started.await(20, TimeUnit.SECONDS));
        ui.runUntil(() -> m.progressProperty().get() == 0.5);
        m.cancel();
        assertEquals("Stopping…", m.statusProperty().get());
        ui.runUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertEquals("Cancelled", m.statusProperty().get(), "it had found nothing");
        assertTrue(m.resultsProperty().isEmpty());
        assertEquals("", m.errorProperty().get());
    }

    @Test
    void theStatusBarsCancelReachesTheSearch() throws InterruptedException {
        EndlessSearch endless = new EndlessSearch();
        OptimizeModel m = model(endless);
        m.run();
        assertTrue(endless.started.await(20, TimeUnit.SECONDS));
        work.cancel();
        ui.runUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertEquals("Cancelled", m.statusProperty().get());
    }
}
