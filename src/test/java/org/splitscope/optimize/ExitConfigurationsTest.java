package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SampleStats;
import org.splitscope.model.Unit;
import org.splitscope.model.Workload;
import org.splitscope.perf.Evaluator;

/** The count of exit configurations is exact at any size, and a space too large to enumerate is refused with it. */
class ExitConfigurationsTest {
    /** A chain of exits + 1 units with an exit head after each but the last, and two samples. */
    static ModelProfile chainWithExits(int exits) {
        List<Unit> units = new ArrayList<>();
        List<ExitHead> heads = new ArrayList<>();
        double[][] conf = new double[exits][];
        boolean[][] ok = new boolean[exits][];
        for (int e = 0; e < exits; e++) {
            units.add(new Unit("u" + (e + 1), "conv", 1e8, 1e3, 1e3));
            heads.add(new ExitHead("e" + (e + 1), e + 1, 1e6, 1e3));
            conf[e] = new double[] {0.3, 0.9};
            ok[e] = new boolean[] {true, false};
        }
        units.add(new Unit("last", "fc", 1e8, 1e3, 10));
        return new ModelProfile("exits", null, 1000, 10.0, units, heads, new SampleStats(conf, ok, new boolean[] {true, true}),
                null, null, null, null);
    }

    private static SearchRequest request(int exits) {
        return new SearchRequest(new Evaluator(chainWithExits(exits), SmallChains.topology()), Workload.NONE,
                Objective.MEAN_LATENCY, Constraints.FEASIBLE, SearchSpace.defaults());
    }

    @Test
    void countsEveryConfigurationExactlyWithPartialModels() {
        // 2 exits, 9 thresholds: 10^2 whole models + 1 ending at e1 + 10 ending at e2
        assertEquals(BigInteger.valueOf(111), ExitConfigurations.count(chainWithExits(2), SearchSpace.defaults()));
        assertEquals(111, ExitConfigurations.all(chainWithExits(2), SearchSpace.defaults()).size());
    }

    /**
     * Before, 19 exits wrapped the long count negative and the search died with "Illegal Capacity"
     * (exit 70); then the enumeration refused them with the true count. With sample statistics the
     * exit branch and bound now answers, exactly, and says how large the space was.
     */
    @Test
    void nineteenExitsAreCountedTrulyAndSearched() {
        BigInteger expected = BigInteger.TEN.pow(19).add(BigInteger.TEN.pow(19).subtract(BigInteger.ONE).divide(BigInteger.valueOf(9)));
        assertEquals(expected, ExitConfigurations.count(chainWithExits(19), SearchSpace.defaults()));
        InvalidSearchException e = assertThrows(InvalidSearchException.class,
                () -> ExitConfigurations.all(chainWithExits(19), SearchSpace.defaults()));
        assertTrue(e.problems().get(0).message().contains("about 1.11e+19 exit configurations"), e.problems().get(0).message());
        RankedPlan best = new ExactChainSearch(request(19)).top(1, Progress.NONE, CancellationToken.none()).get(0);
        assertTrue(best.provenance().exact(), String.join("; ", best.provenance().notes()));
        assertTrue(best.provenance().notes().stream().anyMatch(n -> n.contains("about 1.11e+19 exit configurations")),
                String.join("; ", best.provenance().notes()));
    }

    /**
     * The Pareto front enumerates configurations; with curve statistics the refusal says how to
     * get latency against accuracy anyway: a sweep of the floor, each floor solved exactly.
     */
    @Test
    void aFrontTooLargeWithCurvesPointsToTheFloorSweep() {
        SearchRequest r = org.splitscope.bench.PortendExits.request(org.splitscope.bench.PortendExits.resnet20(), null);
        InvalidSearchException e = assertThrows(InvalidSearchException.class,
                () -> new ParetoFront(r).points(Progress.NONE, CancellationToken.none()));
        String message = e.problems().get(0).message();
        assertTrue(message.contains("exit configurations") && message.contains("sweep --param workload.accuracyFloor"),
                message);
    }

    /** Before, 54 exits quoted 1461167879102427591; the true count is about 1.1e54. */
    @Test
    void fiftyFourExitsQuoteTheirTrueCount() {
        InvalidSearchException e = assertThrows(InvalidSearchException.class,
                () -> new ExhaustiveSearch(request(54)).top(1, Progress.NONE, CancellationToken.none()));
        String message = e.problems().get(0).message();
        assertTrue(message.contains("about 1.11e+54 exit configurations"), message);
    }
}
