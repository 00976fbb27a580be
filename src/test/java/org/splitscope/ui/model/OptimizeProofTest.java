package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.Provenance;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.ui.DefaultScenario;

/** The Optimize tab says honestly how far its winner is proven: optimal, within a proven gap, no bound, or stopped. */
class OptimizeProofTest {
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final ScenarioDocument doc = new ScenarioDocument(DefaultScenario.load());
    private final BackgroundWork work = new BackgroundWork(ui::add);

    private void runUiUntil(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Runnable r = ui.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertTrue(done.getAsBoolean(), "timed out");
    }

    private OptimizeModel runToEnd(SearchMethod method) throws InterruptedException {
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(method));
        m.run();
        runUiUntil(() -> !m.runningProperty().get() && !work.isRunning());
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
        assertEquals("Not proven optimal: the search proved no bound on how far it is from the optimum.",
                m.proofProperty().get());
    }

    /** A search that runs until it is cancelled, as every search does: it throws and gives nothing back. */
    private static final class Endless implements SearchMethod {
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public String label() {
            return "endless";
        }

        @Override
        public Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token) {
            started.countDown();
            while (!token.isCancelled()) {
                progress.update(1, 2); // where the status bar's Cancel reaches the token
                Thread.onSpinWait();
            }
            throw new CancellationException();
        }
    }

    @Test
    void aStoppedSearchSaysThatNoBoundIsKnownUntilTheNextRun() throws InterruptedException {
        Endless endless = new Endless();
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(endless, new ExactChainMethod()));
        m.run();
        assertTrue(endless.started.await(20, TimeUnit.SECONDS));
        m.cancel();
        assertEquals(OptimizeModel.STOPPED, m.proofProperty().get());
        assertEquals("Cancelled", m.statusProperty().get());
        runUiUntil(() -> !work.isRunning());
        assertTrue(m.resultsProperty().isEmpty());
        m.form().methodProperty().set(m.form().methods().get(1));
        m.run();
        assertEquals("", m.proofProperty().get(), "a new run clears what the stopped one said");
        runUiUntil(() -> !m.runningProperty().get() && !work.isRunning());
        assertEquals("", m.proofProperty().get());
    }

    @Test
    void theStatusBarsCancelSaysSoToo() throws InterruptedException {
        Endless endless = new Endless();
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(endless));
        m.run();
        assertTrue(endless.started.await(20, TimeUnit.SECONDS));
        work.cancel();
        runUiUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertEquals(OptimizeModel.STOPPED, m.proofProperty().get());
    }
}
