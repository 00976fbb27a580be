package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.bench.SeiferInstances;
import org.splitscope.model.Link;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;
import org.splitscope.perf.MemoryUse;
import org.splitscope.perf.Tolerance;

/**
 * Pipeline placement on SEIFER-style clusters (issue 14: the branch and bound found no plan on
 * small clusters that have one, and stopped at its budget on others) against an independent
 * exact solver: a dynamic program over (next unit, last node, nodes used), exponential in the
 * nodes and so only for small clusters, with the loads written from the model's definitions
 * (direct links, a cut's busy time 8 x bytes / bandwidth, compute FLOPs over the rate, the input
 * and the result sharing a link with a cut where the source hosts the second or the next-to-last
 * stage).
 */
class SeiferPlacementTest {
    @Test
    void smallClustersAreSolvedExactlyAndNeverMissAPlan() {
        int withPlan = 0;
        int without = 0;
        for (String model : SeiferInstances.MODELS) {
            for (int n = 5; n <= 7; n++) {
                for (boolean mixed : new boolean[] {false, true}) {
                    for (long seed = 1; seed <= 2; seed++) {
                        SearchRequest r = SeiferInstances.request(model, n, mixed, seed);
                        for (PipelineObjective objective : PipelineObjective.values()) {
                            String what = model + " n=" + n + " mixed=" + mixed + " seed=" + seed + " " + objective;
                            boolean found = check(r, objective, what);
                            withPlan += found ? 1 : 0;
                            without += found ? 0 : 1;
                        }
                    }
                }
            }
        }
        assertTrue(withPlan > 3 * without, "mostly instances with a plan: " + withPlan + " with, " + without + " without");
    }

    @Test
    void largerClustersOfAShortModel() {
        for (int n = 8; n <= 10; n++) {
            for (boolean mixed : new boolean[] {false, true}) {
                for (long seed = 1; seed <= 3; seed++) {
                    SearchRequest r = SeiferInstances.request("resnet50", n, mixed, seed);
                    check(r, PipelineObjective.COMMUNICATION, "resnet50 n=" + n + " mixed=" + mixed + " seed=" + seed);
                }
            }
        }
    }

    /** Asserts the search equals the dynamic program; returns whether a plan exists. */
    private static boolean check(SearchRequest r, PipelineObjective objective, String what) {
        double expected = new Dp(r, objective).optimum();
        List<RankedPlan> top;
        try {
            top = new PipelinePlacement(r, objective).top(1, Progress.NONE, CancellationToken.none());
        } catch (InfeasibleConstraintsException e) {
            assertEquals(Double.POSITIVE_INFINITY, expected, what + ": no plan found, the program has " + expected);
            return false;
        }
        RankedPlan best = top.get(0);
        assertTrue(Tolerance.equal(expected, best.objectiveValue()), what + ": program " + expected + ", search "
                + best.objectiveValue());
        assertTrue(best.provenance().exact(), what + ": " + best.provenance().notes());
        assertTrue(best.metrics().memory().stream().allMatch(MemoryUse::fits), what + ": a memory violation");
        return true;
    }

    /** The exact optimum by a dynamic program over subsets of nodes; +inf when no plan exists. */
    private static final class Dp {
        private final int units;
        private final int nodes;
        private final int maxStages;
        private final double[] cut; // [c], c = 0 the input
        private final double resultBytes;
        private final double[][] bandwidth; // [i][j], 0 without a direct link
        private final double[] flopRate;
        private final double[] capacity;
        private final ModelProfile profile;
        private final boolean compute;
        private final double[][][] memo; // [a][last][mask]

        Dp(SearchRequest r, PipelineObjective objective) {
            profile = r.evaluator().profile();
            Topology t = r.evaluator().topology();
            units = profile.unitCount();
            nodes = t.nodes().size();
            maxStages = Math.min(r.space().maxStages(), Math.min(units, nodes));
            compute = objective == PipelineObjective.BOTTLENECK;
            cut = new double[units + 1];
            cut[0] = profile.inputBytes();
            for (int u = 1; u <= units; u++) {
                cut[u] = profile.unit(u).cutBytes();
            }
            resultBytes = profile.resultBytes();
            bandwidth = new double[nodes][nodes];
            for (Link l : t.links()) {
                int a = t.nodeIndex(l.from());
                int b = t.nodeIndex(l.to());
                bandwidth[a][b] = Math.max(bandwidth[a][b], l.bandwidthBps());
                bandwidth[b][a] = Math.max(bandwidth[b][a], l.bandwidthBps());
            }
            flopRate = new double[nodes];
            capacity = new double[nodes];
            for (int i = 0; i < nodes; i++) {
                Node node = t.nodes().get(i);
                flopRate[i] = node.effectiveFlopsPerSecond();
                capacity[i] = node.memoryCapacityBytes() == null ? Double.POSITIVE_INFINITY : node.memoryCapacityBytes();
            }
            assertEquals(0, t.nodeIndex(t.source()));
            assertEquals(0, t.nodeIndex(t.sink()));
            memo = new double[units + 2][nodes][1 << nodes];
            for (double[][] m : memo) {
                for (double[] row : m) {
                    Arrays.fill(row, Double.NaN);
                }
            }
        }

        double optimum() {
            double best = Double.POSITIVE_INFINITY;
            for (int w = 0; w < nodes; w++) {
                for (int b = 1; b <= units; b++) {
                    if (!fits(w, 1, b)) {
                        break;
                    }
                    double input = w == 0 ? 0 : busy(cut[0], 0, w);
                    double v;
                    if (b == units) {
                        // one stage off the source: the input and the result share its link
                        v = Math.max(stageLoad(w, 1, b), w == 0 ? 0 : busy(cut[0] + resultBytes, 0, w));
                    } else {
                        v = Math.max(stageLoad(w, 1, b), Math.max(input, after(b + 1, w, 1 << w, w)));
                    }
                    best = Math.min(best, v);
                }
            }
            return best;
        }

        /** The least largest load of finishing from unit a after a stage on last; first is stage 1's node. */
        private double after(int a, int last, int mask, int first) {
            if (Integer.bitCount(mask) >= maxStages) {
                return Double.POSITIVE_INFINITY;
            }
            // the input's link {source, first} is shared only when the source runs stage 2
            boolean second = Integer.bitCount(mask) == 1;
            double cached = second ? Double.NaN : memo[a][last][mask];
            if (!Double.isNaN(cached)) {
                return cached;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int w = 0; w < nodes; w++) {
                if ((mask & (1 << w)) != 0 || bandwidth[last][w] == 0) {
                    continue;
                }
                double bytes = cut[a - 1] + (second && w == 0 && first != 0 ? cut[0] : 0);
                for (int b = a; b <= units; b++) {
                    if (!fits(w, a, b)) {
                        break;
                    }
                    double link = bytes;
                    double rest;
                    if (b == units) {
                        // the result goes back to the source: over this stage's inbound link when the source sent it
                        link += last == 0 ? resultBytes : 0;
                        rest = w == 0 || last == 0 ? 0 : busy(resultBytes, w, 0);
                    } else {
                        rest = after(b + 1, w, mask | (1 << w), first);
                    }
                    best = Math.min(best, Math.max(Math.max(busy(link, last, w), stageLoad(w, a, b)), rest));
                }
            }
            if (!second) {
                memo[a][last][mask] = best;
            }
            return best;
        }

        private double busy(double bytes, int i, int j) {
            return bandwidth[i][j] == 0 ? Double.POSITIVE_INFINITY : 8 * bytes / bandwidth[i][j];
        }

        private double stageLoad(int w, int a, int b) {
            if (!compute) {
                return 0;
            }
            double flops = 0;
            for (int u = a; u <= b; u++) {
                flops += profile.unit(u).flops();
            }
            return flops / flopRate[w];
        }

        private boolean fits(int w, int a, int b) {
            double params = 0;
            double working = 0;
            for (int u = a; u <= b; u++) {
                Unit unit = profile.unit(u);
                params += unit.paramBytes();
                working = Math.max(working, unit.workingBytes());
            }
            return params + working <= capacity[w];
        }
    }
}
