package org.splitscope.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.optimize.DnnSplitCandidates;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;
import org.splitscope.perf.Evaluator;

/** The DNNSplit section names the candidates, judges each cut of the plan, and says whether pruning is sound here. */
class CutExplanationTest {
    private final Scenario portend = ScenarioFiles.read(Path.of("sample-scenarios", "portend-three-tier.json")).orElseThrow();

    private String section(Scenario s) {
        return new Explanation(s, Evaluator.evaluate(s)).sections().stream()
                .filter(x -> x.title().startsWith("Where to cut")).findFirst().orElseThrow().lines().toString();
    }

    @Test
    void nonCandidateCutIsComparedWithTheCandidateBeforeIt() {
        DnnSplitCandidates c = new DnnSplitCandidates(portend.profile());
        int n = portend.profile().unitCount();
        int cut = IntStream.range(2, n).filter(u -> !c.isCandidate(u)).findFirst().orElseThrow();
        String source = portend.topology().source();
        String other = portend.topology().nodes().stream().map(x -> x.id()).filter(id -> !id.equals(source)).findFirst().orElseThrow();
        Scenario s = portend.withPlan(new Plan(List.of(new Stage(1, cut, source), new Stage(cut + 1, n, other)), List.of(), null));
        String text = section(s);
        assertTrue(text.contains("cuts after unit " + cut + " "), text);
        int floor = c.floor(cut);
        assertTrue(text.contains("not a candidate, since the cut " + (floor == 0 ? "before unit 1 (" : "after unit " + floor + " (")), text);
        for (int candidate : c.cuts()) {
            assertTrue(text.contains(candidate == 0 ? "before unit 1" : "after unit " + candidate + " ("), "lists " + candidate);
        }
        String why = DnnSplitCandidates.whyNotSufficient(SearchRequest.of(s,
                Objective.MEAN_LATENCY).withSpace(SearchSpace.defaults()
                .withPlacement(Placement.OUTWARD)));
        assertTrue(why == null ? text.contains("only the " + c.cuts().length + " candidate cuts can be optimal")
                : text.contains("(" + why + ")"), text);
    }

    @Test
    void exitsAreWhyPruningIsNotSoundForAnExitPlan() {
        assertTrue(!portend.plan().exits().isEmpty(), "the sample plan enables exits");
        assertTrue(section(portend).contains("early exits"), section(portend));
    }
}
