package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Json;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.model.Workload;

/** The proof that every plan saturates is sound (exhaustive search agrees) and answers at once where it holds. */
class SaturationBoundTest {
    @TempDir
    Path dir;

    private Scenario sample(String name, double unitOneFlops) throws IOException {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(Files.readString(Path.of("sample-scenarios", name)));
        if (unitOneFlops > 0) {
            ((ObjectNode) tree.at("/profile/units/0")).put("flops", unitOneFlops);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, Json.mapper().writeValueAsString(tree));
        return ScenarioFiles.read(file).orElseThrow();
    }

    @Test
    void aUnitNoNodeCanKeepUpWithIsNamedWithoutScoringEveryPlan() throws IOException {
        Scenario s = sample("seifer-edge-cluster.json", 1e18);
        SearchRequest r = SearchRequest.of(s, Objective.MEAN_LATENCY);
        assertNotNull(SaturationBound.everyPlanSaturates(r));
        InfeasibleConstraintsException e = assertThrows(InfeasibleConstraintsException.class,
                () -> new ExactChainSearch(r).top(1, Progress.NONE, CancellationToken.none()));
        assertTrue(e.unmet().stream().anyMatch(u -> u.constraint() == Constraint.UTILIZATION
                && u.message().contains("unit 1")), e.unmet()::toString);
        InfeasibleConstraintsException front = assertThrows(InfeasibleConstraintsException.class,
                () -> new ParetoFront(r).points(Progress.NONE, CancellationToken.none()));
        assertTrue(front.unmet().stream().anyMatch(u -> u.constraint() == Constraint.UTILIZATION), front.unmet()::toString);
    }

    @Test
    void wheneverTheBoundSaysEveryPlanSaturatesExhaustiveSearchFindsNone() throws IOException {
        Scenario s = sample("teaching.json", 0);
        int fired = 0;
        for (double rate = 0.5; rate < 1e6; rate *= 1.7) {
            Scenario loaded = s.withWorkload(new Workload(rate, null, null, null));
            SearchRequest r = SearchRequest.of(loaded, Objective.MEAN_LATENCY).withConstraints(Constraints.FEASIBLE);
            if (SaturationBound.everyPlanSaturates(r) == null) {
                continue;
            }
            fired++;
            List<RankedPlan> found;
            try {
                found = new ExhaustiveSearch(r).top(1, Progress.NONE, CancellationToken.none());
            } catch (InfeasibleConstraintsException e) {
                found = List.of();
            }
            assertEquals(List.of(), found, "at " + rate + " requests/s a plan does not saturate, yet the bound said all do");
        }
        assertTrue(fired > 0, "the bound never fired, so this test checked nothing");
        assertNull(SaturationBound.everyPlanSaturates(SearchRequest.of(s.withWorkload(new Workload(1e-3, null, null, null)),
                Objective.MEAN_LATENCY)), "a slow arrival rate saturates nothing");
    }
}
