package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.Provenance;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.ui.DefaultScenario;

/** The Optimize tab says honestly how far its winner is proven: optimal, within a proven gap, no bound, or stopped. */
class OptimizeProofTest {
    private final UiQueue ui = new UiQueue();
    private final ScenarioDocument doc = new ScenarioDocument(DefaultScenario.load());
    private final BackgroundWork work = ui.work();

    private OptimizeModel runToEnd(SearchMethod method) throws InterruptedException {
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(method));
        m.run();
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
        assertEquals("", m.errorProperty().get());
        return m;
    }

    /** The exact search's plans, with the provenance a search that ran out of budget gives. */
    private static SearchMethod unproven(String... notes) {
        ExactChainMethod exact = new ExactChainMethod();
        return new SearchMethod() {
            @Override
            public String label() {
                return "unproven";
            }

            @Override
            public Result search(Scenario s, OptimizeSettings settings, Progress progress, CancellationToken token) {
                Result r = exact.search(s, settings, progress, token);
                return new Result(r.ranked().stream().map(p -> new RankedPlan(p.rank(), p.plan(), p.metrics(),
                        p.objectiveValue(), new Provenance(p.provenance().method(), false, p.provenance().plansEvaluated(),
                        List.of(notes)))).toList(), r.front());
            }
        };
    }

    @Test
    void aProvenWinnerCarriesNoWarning() throws InterruptedException {
        OptimizeModel m = runToEnd(new ExactChainMethod());
        assertTrue(m.resultsProperty().get(0).provenance().exact());
        assertEquals("", m.proofProperty().get());
    }

    /** One plan listed reads "1 plan", not "1 plans". */
    @Test
    void theStatusCountsOnePlanInTheSingular() throws InterruptedException {
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(new ExactChainMethod()));
        m.form().countProperty().set(1);
        m.run();
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
        assertTrue(m.statusProperty().get().startsWith("1 plan, "), m.statusProperty().get());
        assertTrue(runToEnd(new ExactChainMethod()).statusProperty().get().matches("\\d+ plans, .*"), "several: plural");
    }

    @Test
    void aWinnerNotProvenOptimalShowsTheGapItsSearchProved() throws InterruptedException {
        // the exit program's note when its label budget ends
        OptimizeModel m = runToEnd(unproven("accuracy floor: stopped after 5000000 labels; the plan is within 3.21% of the"
                + " optimum (Lagrangian lower bound 0.0123)"));
        assertEquals("Not proven optimal: the search proved it within 3.21% of the optimum.", m.proofProperty().get());
        assertTrue(m.statusProperty().get().contains("(not proven optimal)"), m.statusProperty().get());
        assertTrue(m.explanationProperty().get().contains("Lagrangian lower bound 0.0123"), m.explanationProperty().get());
        // the pipeline search's note when its state budget ends
        m = runToEnd(unproven("stopped after 2000 states; lower bound 0.01 s per request, best 0.0105 s, gap 4.50%"));
        assertEquals("Not proven optimal: the search proved it within 4.50% of the optimum.", m.proofProperty().get());
    }

    @Test
    void aWinnerNotProvenOptimalWithoutABoundSaysSo() throws InterruptedException {
        OptimizeModel m = runToEnd(unproven("the program's sums disagreed with the evaluator on 1 plan(s)"));
        assertEquals("Not proven optimal: the search proved no bound on how far it is from the optimum (How it was found,"
                + " below the plans, says why).", m.proofProperty().get());
        assertTrue(m.explanationProperty().get().contains("How it was found: the program's sums disagreed"),
                m.explanationProperty().get());
    }

    @Test
    void aSearchStoppedBeforeItFoundAPlanSaysSoUntilTheNextRun() throws InterruptedException {
        EndlessSearch endless = new EndlessSearch();
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(endless, new ExactChainMethod()));
        m.run();
        assertTrue(endless.started.await(20, TimeUnit.SECONDS));
        m.cancel();
        assertEquals("Stopping…", m.statusProperty().get(), "the search answers at its next check");
        ui.runUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertTrue(m.proofProperty().get().matches("Stopped by you after \\d+\\.\\d s, before the search found a plan\\."),
                m.proofProperty().get());
        assertEquals("Cancelled", m.statusProperty().get());
        assertEquals("", m.errorProperty().get(), "a stop is no error");
        assertTrue(m.resultsProperty().isEmpty());
        m.form().methodProperty().set(m.form().methods().get(1));
        m.run();
        assertEquals("", m.proofProperty().get(), "a new run clears what the stopped one said");
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
        assertEquals("", m.proofProperty().get());
    }

    @Test
    void theStatusBarsCancelSaysSoToo() throws InterruptedException {
        EndlessSearch endless = new EndlessSearch();
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(endless));
        m.run();
        assertTrue(endless.started.await(20, TimeUnit.SECONDS));
        work.cancel();
        ui.runUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertTrue(m.proofProperty().get().startsWith(OptimizeModel.STOPPED), m.proofProperty().get());
    }

    /**
     * The exact chain search, held once it has scored its first exit configuration until the test
     * presses Cancel: then it is stopped half-way, with plans found and configurations left.
     */
    private static final class HeldHalfWay implements SearchMethod {
        final CountDownLatch holding = new CountDownLatch(1);
        private final ExactChainMethod exact = new ExactChainMethod();

        @Override
        public String label() {
            return "held";
        }

        @Override
        public Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token) {
            return exact.search(scenario, settings, (done, total) -> {
                progress.update(done, total);
                // the ranking is the first half; its first quarter builds candidates, the second enumerates plans
                if (4 * done > total && 2 * done < total && !token.isCancelled()) {
                    holding.countDown();
                    while (!token.isCancelled()) {
                        Thread.onSpinWait();
                    }
                }
            }, token);
        }
    }

    @Test
    void cancellingALongSearchShowsTheBestPlanFoundSoFarWithItsProvenGap() throws InterruptedException {
        HeldHalfWay held = new HeldHalfWay();
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(held));
        m.form().countProperty().set(1000); // every configuration is enumerated: none is pruned before the stop
        m.run();
        assertTrue(held.holding.await(60, TimeUnit.SECONDS));
        m.cancel();
        ui.runUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertEquals("", m.errorProperty().get(), "a stop is no error");
        assertFalse(m.resultsProperty().isEmpty(), "the best plans found so far are shown");
        RankedPlan best = m.resultsProperty().get(0);
        assertFalse(best.provenance().exact());
        assertTrue(m.proofProperty().get().matches("Stopped by you after \\d+\\.\\d s; best found so far, gap \\S+ %\\."),
                m.proofProperty().get());
        assertTrue(m.statusProperty().get().startsWith("Stopped: " + m.resultsProperty().size() + " plan"),
                m.statusProperty().get());
        assertTrue(m.explanationProperty().get().startsWith("The winner has the best"), m.explanationProperty().get());
        // the gap is a proven one: the finished search's optimum lies between the bound and the plan shown
        double gap = Double.parseDouble(m.proofProperty().get().replaceAll(".*gap (\\S+) %\\.", "$1")) / 100;
        List<RankedPlan> optimum = new ExactChainSearch(m.form().settings(new ArrayList<>()).request(doc.getScenario()))
                .top(1, Progress.NONE, CancellationToken.none());
        double found = best.objectiveValue();
        double proven = optimum.get(0).objectiveValue();
        assertTrue(proven <= found + 1e-12, proven + " > " + found);
        assertTrue(found - proven <= gap * Math.abs(found) * 1.001 + 1e-12, "optimum " + proven + ", found " + found
                + ", gap " + gap);
    }
}
