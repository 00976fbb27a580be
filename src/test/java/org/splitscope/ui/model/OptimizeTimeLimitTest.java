package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchStopped;
import org.splitscope.ui.DefaultScenario;

/**
 * The Optimize settings' time limit: the field reads what was typed or names why it cannot, and a
 * search that reaches the limit shows its best plans so far with "Stopped at the time limit".
 * The searches here run until their token trips, so the outcome does not depend on the machine's speed.
 */
class OptimizeTimeLimitTest {
    private final UiQueue ui = new UiQueue();
    private final ScenarioDocument doc = new ScenarioDocument(DefaultScenario.load());
    private final BackgroundWork work = ui.work();

    private OptimizeForm form() {
        return new OptimizeModel(doc, work, ui::add, List.of(new ExactChainMethod())).form();
    }

    @Test
    void emptyIsNoLimitAndSecondsOrAUnitAreRead() {
        OptimizeForm f = form();
        List<String> problems = new ArrayList<>();
        assertNull(f.settings(problems).timeLimit());
        String[][] typed = {{"30", "PT30S"}, {"30 s", "PT30S"}, {"500 ms", "PT0.5S"}, {"2 min", "PT2M"}, {"1.5h", "PT1H30M"},
            {"0.001", "PT0.001S"}};
        for (String[] t : typed) {
            f.timeLimitProperty().set(t[0]);
            assertEquals(Duration.parse(t[1]), f.settings(problems).timeLimit(), t[0]);
            assertEquals(t[0], f.timeLimitProperty().get(), "the field keeps what was typed");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aBadLimitIsRefusedNamingTheFieldAndItsRange() {
        OptimizeForm f = form();
        String[][] typed = {
            {"abc", "Time limit (s): 'abc' is not a number"},
            {"0", "Time limit (s): 0 s is out of range; enter a number greater than 0 and at most 2592000 s"},
            {"-5", "Time limit (s): -5 s is out of range; enter a number greater than 0 and at most 2592000 s"},
            {"31 d", "Time limit (s): 'd' is not a unit this field takes (s, ms, min, h)"},
            {"1,5", "Time limit (s): '1,5' has a comma; write decimals with a point and no thousands separator"},
            {"1000h", "Time limit (s): 3600000 s is out of range; enter a number greater than 0 and at most 2592000 s"}};
        for (String[] t : typed) {
            f.timeLimitProperty().set(t[0]);
            List<String> problems = new ArrayList<>();
            f.settings(problems);
            assertEquals(List.of(t[1]), problems, t[0]);
            assertEquals(t[0], f.timeLimitProperty().get(), "never turned into another number");
        }
    }

    @Test
    void aBadLimitRefusesTheRunWithItsMessage() throws InterruptedException {
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(new ExactChainMethod()));
        m.form().timeLimitProperty().set("soon");
        m.run();
        assertEquals("Time limit (s): 'soon' is not a number", m.errorProperty().get());
        assertFalse(m.runningProperty().get());
    }

    /** Runs until its token trips, then gives back the exact search's best plan with a bound just below it. */
    private static final class UntilStopped implements SearchMethod {
        final boolean withPlan;
        final CountDownLatch started = new CountDownLatch(1);

        UntilStopped(boolean withPlan) {
            this.withPlan = withPlan;
        }

        @Override
        public String label() {
            return "until stopped";
        }

        @Override
        public Result search(Scenario scenario, OptimizeSettings settings, Progress progress, CancellationToken token) {
            List<RankedPlan> best = withPlan ? new ExactChainSearch(settings.request(scenario))
                    .top(1, Progress.NONE, CancellationToken.none()) : List.of();
            started.countDown();
            while (!token.isCancelled()) {
                progress.update(1, 2);
                Thread.onSpinWait();
            }
            if (!withPlan) {
                throw new CancellationException();
            }
            double value = best.get(0).objectiveValue();
            throw new SearchStopped(best, value, 0.9 * value);
        }
    }

    @Test
    void aSearchReachingTheLimitShowsItsBestPlanSoFarWithTheGap() throws InterruptedException {
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(new UntilStopped(true)));
        m.form().timeLimitProperty().set("50 ms");
        m.run();
        ui.runUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertEquals("", m.errorProperty().get(), "a stop is no error");
        assertEquals(1, m.resultsProperty().size());
        assertTrue(m.proofProperty().get().matches("Stopped at the time limit after \\d+(\\.\\d)? s; best found so far,"
                + " gap 10\\.0 %\\."), m.proofProperty().get());
        assertTrue(m.statusProperty().get().startsWith("Stopped at the time limit: 1 plan found so far"),
                m.statusProperty().get());
    }

    @Test
    void aSearchReachingTheLimitBeforeAnyPlanSaysSo() throws InterruptedException {
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(new UntilStopped(false)));
        m.form().timeLimitProperty().set("0.05");
        m.run();
        ui.runUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertTrue(m.proofProperty().get().matches("Stopped at the time limit after \\d+(\\.\\d)? s, before the search"
                + " found a plan\\."), m.proofProperty().get());
        assertEquals("No plan within the time limit", m.statusProperty().get());
        assertEquals("", m.errorProperty().get());
        assertTrue(m.resultsProperty().isEmpty());
    }

    @Test
    void aFrontStoppedPartWayIsShownWithTheAccuracyAboveWhichItIsComplete() {
        OptimizeSettings settings = form().settings(new ArrayList<>());
        CancellationToken token = new CancellationToken();
        // the ranking is the first half of the progress; the front's first configuration ends the run
        SearchMethod.Result r = new ExactChainMethod().search(doc.getScenario(), settings, (done, total) -> {
            if (2 * done > total) {
                token.cancel();
            }
        }, token);
        assertFalse(r.ranked().isEmpty(), "the ranking finished before the stop");
        assertTrue(r.frontNote().matches(r.front().size() + " on the Pareto front, complete above \\d+\\.\\d\\d %"
                + " accuracy \\(the search was stopped before the less accurate plans were searched\\)"), r.frontNote());
        double above = Double.parseDouble(r.frontNote().replaceAll(".*complete above (\\S+) %.*", "$1")) / 100;
        List<org.splitscope.optimize.ParetoPoint> whole = new org.splitscope.optimize.ParetoFront(settings.request(
                doc.getScenario())).points(Progress.NONE, CancellationToken.none());
        assertEquals(whole.stream().filter(p -> p.metrics().accuracy() > above + 5e-5).count(),
                r.front().stream().filter(p -> p.metrics().accuracy() > above + 5e-5).count(),
                "the part is the whole front above that accuracy");
        assertTrue(r.front().size() < whole.size(), "stopped part-way: " + r.front().size() + " of " + whole.size());
    }

    @Test
    void cancelBeforeTheLimitIsStillTheUsersStop() throws InterruptedException {
        UntilStopped search = new UntilStopped(true);
        OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(search));
        m.form().timeLimitProperty().set("1 h");
        m.run();
        assertTrue(search.started.await(60, TimeUnit.SECONDS));
        m.cancel();
        ui.runUntil(() -> !work.isRunning() && !m.runningProperty().get());
        assertTrue(m.proofProperty().get().startsWith(OptimizeModel.STOPPED), m.proofProperty().get());
        assertFalse(m.resultsProperty().isEmpty());
    }
}
