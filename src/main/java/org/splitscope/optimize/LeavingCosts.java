package org.splitscope.optimize;

import java.util.Arrays;
import java.util.List;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Topology;

/**
 * What one request costs where it leaves the model, for the bounds of {@link SampleExitSearch}:
 * the least latency and cost of a request leaving at each exit (and at the final classifier),
 * each on its own best placement, and the chain program on a relaxed configuration (the
 * request's shares leaving at given units, no pins, no forbids, no memory limit, every cut). The
 * relaxation bounds every completion where leaving later never costs less on any placement
 * ({@link #monotone}); measures are indexed 0 for latency, 1 for cost.
 */
final class LeavingCosts {
    /** The space's rules without pins or forbids. */
    final StageRules relaxedRules;
    /** The chain's own cost tables. */
    final ChainCosts exact;
    private final ConfigCosts relaxed;
    private final ChainDp dp;
    private final boolean[] everyCut;
    private final boolean[] monotone = new boolean[2];
    private final double[][] leastAt = new double[2][];
    private final double[][] leastFrom = new double[2][];

    LeavingCosts(SearchRequest request) {
        ModelProfile profile = request.evaluator().profile();
        Topology topology = request.evaluator().topology();
        int exits = profile.exits().size();
        relaxedRules = new StageRules(profile, topology, request.space().withPins(List.of()).withForbids(List.of()));
        exact = new ChainCosts(profile, topology);
        ChainCosts rising = exact.withNondecreasingRanges();
        relaxed = new ConfigCosts(rising);
        ConfigCosts single = new ConfigCosts(exact);
        dp = new ChainDp(relaxedRules, exact.units);
        everyCut = new boolean[exact.units + 1];
        Arrays.fill(everyCut, true);
        for (int m = 0; m < 2; m++) {
            leastAt[m] = leastCosts(single, exits, m == 0);
            leastFrom[m] = leastAt[m].clone();
            for (int e = exits - 1; e >= 0; e--) {
                leastFrom[m][e] = Math.min(leastFrom[m][e], leastFrom[m][e + 1]);
            }
            monotone[m] = monotone(rising, topology, m == 0);
        }
    }

    /** The least latency (m = 0) or cost of one request that leaves at exit e (e = the exit count: the final classifier). */
    double leastAt(int m, int e) {
        return leastAt[m][e];
    }

    /** [exit, then final]: the suffix minima of {@link #leastAt}, what leaving at e or later costs at the least. */
    double[] leastFrom(int m) {
        return leastFrom[m];
    }

    /** Whether leaving one unit later never costs less, so that {@link #program} bounds every completion. */
    boolean monotone(int m) {
        return monotone[m];
    }

    /**
     * The relaxed chain program's least latency (m = 0) or cost per request with shareAt[u] of the
     * requests leaving after unit u through the head headAt[u] (-1: none).
     */
    double program(int m, double[] shareAt, int[] headAt) {
        relaxed.resetRelaxed(shareAt, headAt, relaxedRules);
        dp.solve(relaxed, m == 0, everyCut);
        return dp.best1;
    }

    private double[] leastCosts(ConfigCosts single, int exits, boolean latency) {
        double[] out = new double[exits + 1];
        for (int e = 0; e <= exits; e++) {
            single.reset(new ExitConfiguration(new int[0], new double[0], e < exits ? e : -1), new double[] {1},
                    relaxedRules, false);
            dp.solve(single, latency, everyCut);
            out[e] = dp.best1;
        }
        return out;
    }

    /**
     * Whether leaving one unit later never costs less on any placement of the relaxation, whose
     * unit times never fall within a stage ({@link ChainCosts#withNondecreasingRanges}): moving on
     * to the next node must cost at least the difference of the result's trips. Serverless billing
     * and nodes that cannot reach the sink are left to the weaker bound.
     */
    private boolean monotone(ChainCosts cc, Topology topology, boolean latency) {
        int sink = topology.nodeIndex(topology.sink());
        for (int n = 0; n < cc.nodeCount; n++) {
            if (cc.serverless[n] != null || !topology.reachableFrom(n)[sink]) {
                return false;
            }
        }
        for (int n = 0; n < cc.nodeCount; n++) {
            for (int m = 0; m < cc.nodeCount; m++) {
                if (!relaxedRules.canFollow(n, m)) {
                    continue;
                }
                for (int b = 1; b < cc.units; b++) {
                    double step = latency
                            ? cc.serializeSeconds[n][b] + cc.transferSeconds[b][n][m] + cc.deserializeSeconds[m][b]
                            + cc.units(m, b + 1, b + 1, false) + cc.resultSeconds[m] - cc.resultSeconds[n]
                            : cc.usdPerBusySecond[n] * cc.serializeSeconds[n][b] + cc.transferUsd[b][n][m]
                            + cc.usdPerBusySecond[m] * (cc.deserializeSeconds[m][b] + cc.units(m, b + 1, b + 1, false))
                            + cc.resultUsd[m] - cc.resultUsd[n];
                    if (!(step >= 0)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
