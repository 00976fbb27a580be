package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * For every placement of a chain (stages, their nodes and cuts, as {@link StageRules} allow
 * without pins, forbids or memory) the latency (or cost) of one request that leaves at each
 * exit, its own head run, and of one that runs to the end: {@link SampleExitSearch}'s bound with
 * the exits left counted inside the placement.
 *
 * <p>Under one placement a plan's expected latency and cost are sums over the requests of what
 * each one's path costs (the terms of {@link ConfigCosts} are linear in the shares). Leaving out
 * the heads of the other enabled exits never adds time (the evaluator only adds a running head,
 * or keeps it in a measured range), so the least over the placements of the summed leaving costs
 * of the samples bounds every plan, and {@link LeaveBound#leastCost} can bound the undecided
 * samples' part per placement with at most so many more exits.
 *
 * <p>Enumerated once per search; refused ({@link #of} gives null) where the placements are more
 * than {@link #LIMIT} or a leaving cost is not finite. Placements that another one matches or
 * beats at every exit are dropped.
 */
final class PlacementCosts {
    /** Placements enumerated at most (each bound looks at every one kept). */
    static final int LIMIT = 5_000;
    /** Kept placements a new one is checked against for dominance; beyond, it is kept unchecked. */
    private static final int COMPARED = 500;

    /**
     * [placement][exit, then the model's end]: one request's latency (or cost) leaving there,
     * made nondecreasing by suffix minima (a lower bound that keeps {@link LeaveBound#leastCost}'s
     * savings whole where measured ranges make a later exit cheaper).
     */
    final double[][] leave;

    private PlacementCosts(double[][] leave) {
        this.leave = leave;
    }

    /**
     * @param measure 0: latency, 1: cost
     * @return null where the placements are too many or some request could not leave at a finite cost
     */
    static PlacementCosts of(ChainCosts cc, StageRules rules, int measure) {
        return new Builder(cc, rules, measure).build();
    }

    private static final class Builder {
        private final ChainCosts cc;
        private final StageRules rules;
        private final int units;
        private final int exits;
        private final int[] unitOf;
        private final double[][][] leaveAt; // [exit][node][first unit of its stage]
        private final double[][][] full; // [node][a][b]: a stage that every request runs through
        private final double[][][] transfer; // [cut][from][to]
        private final double[] start; // [node]
        private final double[] current;
        private final List<double[]> found = new ArrayList<>();
        private boolean tooMany;

        Builder(ChainCosts cc, StageRules rules, int measure) {
            this.cc = cc;
            this.rules = rules;
            units = cc.units;
            exits = cc.profile.exits().size();
            unitOf = new int[exits];
            int nodes = cc.nodeCount;
            ConfigCosts costs = new ConfigCosts(cc);
            double[] out = new double[2];
            leaveAt = new double[exits][nodes][];
            for (int h = 0; h < exits; h++) {
                unitOf[h] = cc.profile.exits().get(h).afterUnit();
                costs.reset(new ExitConfiguration(new int[0], new double[0], h), new double[] {1}, rules, false);
                for (int n = 0; n < nodes; n++) {
                    leaveAt[h][n] = new double[unitOf[h] + 1];
                    for (int a = 1; a <= unitOf[h]; a++) {
                        costs.stage(a, unitOf[h], n, out);
                        leaveAt[h][n][a] = out[measure];
                    }
                }
            }
            costs.reset(new ExitConfiguration(new int[0], new double[0], -1), new double[] {1}, rules, false);
            full = new double[nodes][units + 1][units + 1];
            transfer = new double[units][nodes][nodes];
            start = new double[nodes];
            for (int n = 0; n < nodes; n++) {
                for (int a = 1; a <= units; a++) {
                    for (int b = a; b <= units; b++) {
                        costs.stage(a, b, n, out);
                        full[n][a][b] = out[measure];
                    }
                }
                costs.start(n, out);
                start[n] = out[measure];
                for (int m = 0; m < nodes; m++) {
                    for (int c = 1; c < units; c++) {
                        costs.transfer(c, n, m, out);
                        transfer[c][n][m] = out[measure];
                    }
                }
            }
            current = new double[exits + 1];
        }

        PlacementCosts build() {
            for (int n = 0; n < cc.nodeCount; n++) {
                for (int u = 1; u <= units; u++) {
                    if (!rules.mayRun(u, n, true)) {
                        return null; // a node that cannot return a result: leaving there is not a cost
                    }
                }
            }
            for (int n = 0; n < cc.nodeCount && !tooMany; n++) {
                int s = rules.start(n);
                if (s >= 0) {
                    stage(1, n, s, start[n]);
                }
            }
            if (tooMany) {
                return null;
            }
            for (double[] c : found) {
                for (double v : c) {
                    if (!Double.isFinite(v)) {
                        return null;
                    }
                }
            }
            return new PlacementCosts(undominated(found));
        }

        /** Stages starting at unit a on node n in placement state s, entered at this cost. */
        private void stage(int a, int n, int s, double entered) {
            if (!Double.isFinite(entered)) {
                return; // no route: no placement this way
            }
            int h = firstExitFrom(a);
            for (int b = a; b <= units && !tooMany; b++) {
                while (h < exits && unitOf[h] <= b) {
                    current[h] = entered + leaveAt[h][n][a];
                    h++;
                }
                if (b == units) {
                    current[exits] = entered + full[n][a][units];
                    if (found.size() >= LIMIT) {
                        tooMany = true;
                        return;
                    }
                    double[] c = current.clone();
                    for (int i = exits - 1; i >= 0; i--) {
                        c[i] = Math.min(c[i], c[i + 1]); // leaving earlier never costs more in the bound
                    }
                    found.add(c);
                    continue;
                }
                double through = entered + full[n][a][b];
                for (int m = 0; m < cc.nodeCount; m++) {
                    int next = rules.canFollow(n, m) && rules.holds(s, n) ? rules.next(s, m) : -1;
                    if (next >= 0) {
                        stage(b + 1, m, next, through + transfer[b][n][m]);
                    }
                }
            }
        }

        private int firstExitFrom(int a) {
            int h = 0;
            while (h < exits && unitOf[h] < a) {
                h++;
            }
            return h;
        }
    }

    /** The placements that no other one matches or beats at every exit (the first of equal ones kept). */
    private static double[][] undominated(List<double[]> all) {
        all.sort(Comparator.comparingDouble(PlacementCosts::sum));
        List<double[]> kept = new ArrayList<>();
        for (double[] c : all) {
            boolean dominated = false;
            for (int i = 0; i < Math.min(kept.size(), COMPARED); i++) {
                if (atMost(kept.get(i), c)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                kept.add(c);
            }
        }
        return kept.toArray(new double[0][]);
    }

    private static double sum(double[] c) {
        return Arrays.stream(c).sum();
    }

    private static boolean atMost(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] > y[i]) {
                return false;
            }
        }
        return true;
    }
}
