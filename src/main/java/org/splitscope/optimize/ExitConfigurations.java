package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;

/**
 * Every exit configuration of a search space: each exit off or at each usable threshold of the
 * grid, and with partial models also every terminal exit with every configuration of the exits
 * before it. For E exits with T usable thresholds each that is (T+1)^E + sum_k (T+1)^k
 * configurations; enumeration takes time linear in their number.
 */
final class ExitConfigurations {
    /** Beyond this many configurations a search would not finish in reasonable time or memory. */
    static final long LIMIT = 5_000_000;

    private ExitConfigurations() {
    }

    static List<ExitConfiguration> all(ModelProfile profile, SearchSpace space) {
        int e = profile.exits().size();
        double[][] grid = new double[e][];
        for (int i = 0; i < e; i++) {
            grid[i] = usable(profile, i, space.thresholds());
        }
        long count = count(grid, e);
        if (space.partialModels()) {
            for (int t = 0; t < e; t++) {
                count += count(grid, t);
            }
        }
        if (count > LIMIT) {
            throw new InvalidSearchException(List.of(new Problem("space.thresholds", "the space has " + count
                    + " exit configurations (more than " + LIMIT + "); use fewer thresholds or exits")));
        }
        List<ExitConfiguration> out = new ArrayList<>((int) count);
        expand(grid, e, -1, 0, new int[e], new double[e], 0, out);
        if (space.partialModels()) {
            for (int t = 0; t < e; t++) {
                expand(grid, t, t, 0, new int[e], new double[e], 0, out);
            }
        }
        return out;
    }

    private static long count(double[][] grid, int exitsBefore) {
        long c = 1;
        for (int i = 0; i < exitsBefore; i++) {
            c *= grid[i].length + 1;
        }
        return c;
    }

    /** Exits 0..upTo-1 are each off or on at a threshold; the chosen ones so far are in on/at[0..k). */
    private static void expand(double[][] grid, int upTo, int terminal, int i, int[] on, double[] at, int k,
                               List<ExitConfiguration> out) {
        if (i == upTo) {
            out.add(new ExitConfiguration(Arrays.copyOf(on, k), Arrays.copyOf(at, k), terminal));
            return;
        }
        expand(grid, upTo, terminal, i + 1, on, at, k, out);
        for (double threshold : grid[i]) {
            on[k] = i;
            at[k] = threshold;
            expand(grid, upTo, terminal, i + 1, on, at, k + 1, out);
        }
    }

    /** The grid values an exit accepts: all of them, or for curves those inside its table. */
    private static double[] usable(ModelProfile profile, int exit, List<Double> thresholds) {
        double lo = 0;
        double hi = 1;
        if (profile.exitStats() instanceof CurveStats cs) {
            ExitCurve c = cs.curves().get(exit);
            lo = c.thresholds()[0];
            hi = c.thresholds()[c.thresholds().length - 1];
        }
        final double min = lo;
        final double max = hi;
        return thresholds.stream().mapToDouble(Double::doubleValue).filter(t -> t >= min && t <= max).sorted().toArray();
    }
}
