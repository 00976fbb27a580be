package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitHead;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.ExitRule;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;

/** The Optimize tab's exit options (exit rule, shared threshold, at most K exits) reach the search and change its answer. */
class OptimizeTabSpaceTest {
    private final UiQueue ui = new UiQueue(Duration.ofSeconds(120), 50);
    private final ScenarioDocument doc =
            new ScenarioDocument(ScenarioFiles.read(Path.of("sample-scenarios", "portend-three-tier.json")).orElseThrow());
    private final BackgroundWork work = ui.work();
    private final OptimizeModel m = new OptimizeModel(doc, work, ui::add, List.of(new ExactChainMethod()));

    private void runToEnd() throws InterruptedException {
        m.run();
        ui.runUntil(() -> !m.runningProperty().get() && !work.isRunning());
        assertEquals("", m.errorProperty().get());
        assertFalse(m.resultsProperty().isEmpty());
    }

    private List<Plan> plans() {
        return m.resultsProperty().stream().map(RankedPlan::plan).toList();
    }

    /** Whether every enabled exit of the plan sits where one of its stages ends. */
    private boolean exitsAtStageEnds(Plan p) {
        Map<String, Integer> after = doc.getScenario().profile().exits().stream()
                .collect(Collectors.toMap(ExitHead::id, ExitHead::afterUnit));
        List<Integer> ends = p.stages().stream().map(Stage::lastUnit).toList();
        return p.exits().stream().allMatch(x -> ends.contains(after.get(x.exit())));
    }

    /** What the exact search answers for the tab's default settings with the space changed so. */
    private List<Plan> expected(UnaryOperator<SearchSpace> space) {
        SearchRequest r = SearchRequest.of(doc.getScenario(), Objective.MEAN_LATENCY);
        r = r.withSpace(space.apply(r.space()));
        return new ExactChainSearch(r).top(OptimizeModel.DEFAULT_COUNT, Progress.NONE, CancellationToken.none())
                .stream().map(RankedPlan::plan).toList();
    }

    @Test
    void exitsOnlyAtStageEndsGivesOnlyPlansWhoseExitsEndAStage() throws InterruptedException {
        runToEnd();
        List<Plan> free = plans();
        assertFalse(free.stream().allMatch(this::exitsAtStageEnds), "the free space has plans with exits inside a stage");
        m.form().exitRuleProperty().set(ExitRule.STAGE_ENDS);
        runToEnd();
        assertTrue(plans().stream().allMatch(this::exitsAtStageEnds), plans().toString());
        assertNotEquals(free, plans());
        assertEquals(expected(s -> s.withExitRule(ExitRule.STAGE_ENDS)), plans());
        assertTrue(m.frontProperty().isEmpty(), "the front's program covers the free space only");
        assertTrue(m.statusProperty().get().contains("no Pareto front for exits only at stage ends"), m.statusProperty().get());
    }

    @Test
    void oneSharedThresholdGivesEveryExitTheSameThreshold() throws InterruptedException {
        runToEnd();
        List<Plan> free = plans();
        m.form().sharedThresholdProperty().set(true);
        runToEnd();
        assertTrue(plans().stream().allMatch(p -> p.exits().stream().map(EnabledExit::threshold).distinct().count() <= 1),
                plans().toString());
        assertNotEquals(free, plans());
        assertEquals(expected(s -> s.withSharedThreshold(true)), plans());
    }

    @Test
    void atMostKExitsLimitsTheEnabledExits() throws InterruptedException {
        runToEnd();
        assertTrue(plans().stream().anyMatch(p -> p.exits().size() > 1), "the free space enables several exits");
        m.form().maxExitsProperty().set("1");
        runToEnd();
        assertTrue(plans().stream().allMatch(p -> p.exits().size() <= 1), plans().toString());
        assertEquals(expected(s -> s.withMaxExits(1)), plans());
        m.form().maxExitsProperty().set("");
        assertNull(m.form().settings(new ArrayList<>()).space().maxExits(), "empty is no limit");
    }

    /**
     * 3 exits with per-sample statistics and 200 thresholds: about 8e6 configurations, more than
     * the enumeration scores. It was refused, naming the tab's fields that narrow it; the exit
     * branch and bound now searches it, and the explanation says how large it was.
     */
    @Test
    void aSpaceTooLargeToEnumerateIsSearchedByBranchAndBound() throws InterruptedException {
        m.form().thresholdsProperty().set(java.util.stream.IntStream.rangeClosed(1, 200)
                .mapToObj(i -> String.valueOf(i / 201.0)).collect(Collectors.joining(", ")));
        m.run();
        ui.tryRunUntil(() -> !m.runningProperty().get() && !work.isRunning(), Duration.ofSeconds(60));
        String e = m.errorProperty().get();
        assertTrue(e == null || e.isEmpty(), e);
        assertFalse(m.resultsProperty().isEmpty());
        String how = m.explanationProperty().get();
        assertTrue(how.contains("exit configurations"), how);
        assertFalse(how.contains("--"), "no command-line option in the window: " + how);
    }

    @Test
    void anUnreadableExitLimitIsNamedAndNothingIsSearched() {
        m.form().maxExitsProperty().set("1.5");
        m.run();
        assertFalse(work.isRunning());
        assertEquals("At most K exits: '1.5' is not a whole number; enter a whole number at least 0 and at most 2147483647",
                m.errorProperty().get());
        m.form().maxExitsProperty().set("-1");
        m.run();
        assertTrue(m.errorProperty().get().startsWith("At most K exits: -1 is out of range"), m.errorProperty().get());
    }
}
