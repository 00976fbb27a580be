package org.splitscope.optimize;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;

/**
 * Every exit configuration of a search space: each exit off or at each usable threshold of the
 * grid, and with partial models also every terminal exit with every configuration of the exits
 * before it. For E exits with T usable thresholds each that is (T+1)^E + sum_k (T+1)^k
 * configurations; enumeration takes time linear in their number. The count is exact
 * (BigInteger): at PORTEND's 54 heads and 10 thresholds it is about 1e56, far past a long.
 */
final class ExitConfigurations {
    /** Beyond this many configurations a search would not finish in reasonable time or memory. */
    static final long LIMIT = 5_000_000;

    private ExitConfigurations() {
    }

    static List<ExitConfiguration> all(ModelProfile profile, SearchSpace space) {
        int e = profile.exits().size();
        double[][] grid = grid(profile, space);
        BigInteger count = count(profile, space);
        if (count.compareTo(BigInteger.valueOf(LIMIT)) > 0) {
            throw new InvalidSearchException(List.of(new Problem("space.thresholds", tooMany(count, profile))));
        }
        List<ExitConfiguration> out = new ArrayList<>(count.intValueExact());
        Limits limits = new Limits(space.maxExits() == null ? e : space.maxExits(), space.sharedThreshold());
        expand(grid, e, -1, 0, new int[e], new double[e], 0, out, limits);
        if (space.partialModels()) {
            for (int t = 0; t < e; t++) {
                expand(grid, t, t, 0, new int[e], new double[e], 0, out, limits);
            }
        }
        return out;
    }

    /** At most maxExits enabled exits; shared: every enabled exit at the first one's threshold. */
    private record Limits(int maxExits, boolean shared) {
    }

    /** How many exit configurations the space has, exactly. */
    static BigInteger count(ModelProfile profile, SearchSpace space) {
        double[][] grid = grid(profile, space);
        int most = space.maxExits() == null ? grid.length : space.maxExits();
        if (!space.sharedThreshold()) {
            return most >= grid.length ? count(grid, space.partialModels()) : limited(grid, space.partialModels(), most);
        }
        // one threshold for all: per grid value, the configurations that enable at least one exit, plus the empty one
        BigInteger total = BigInteger.ZERO;
        for (double t : space.thresholds()) {
            double[][] only = new double[grid.length][];
            for (int i = 0; i < grid.length; i++) {
                only[i] = Arrays.stream(grid[i]).filter(v -> v == t).toArray();
            }
            total = total.add(limited(only, space.partialModels(), most).subtract(space.partialModels()
                    ? BigInteger.valueOf(grid.length + 1L) : BigInteger.ONE));
        }
        return total.add(space.partialModels() ? BigInteger.valueOf(grid.length + 1L) : BigInteger.ONE);
    }

    /** Configurations with at most most enabled exits: ways[k] over exits, plus partial models' prefixes. */
    private static BigInteger limited(double[][] grid, boolean partial, int most) {
        BigInteger[] ways = new BigInteger[most + 1];
        Arrays.fill(ways, BigInteger.ZERO);
        ways[0] = BigInteger.ONE;
        BigInteger total = BigInteger.ZERO;
        for (double[] exit : grid) {
            if (partial) {
                total = total.add(Arrays.stream(ways).reduce(BigInteger.ZERO, BigInteger::add));
            }
            BigInteger choices = BigInteger.valueOf(exit.length);
            for (int k = most; k >= 1; k--) {
                ways[k] = ways[k].add(ways[k - 1].multiply(choices));
            }
        }
        return total.add(Arrays.stream(ways).reduce(BigInteger.ZERO, BigInteger::add));
    }

    private static double[][] grid(ModelProfile profile, SearchSpace space) {
        int e = profile.exits().size();
        double[][] grid = new double[e][];
        for (int i = 0; i < e; i++) {
            grid[i] = usable(profile, i, space.thresholds());
        }
        return grid;
    }

    private static BigInteger count(double[][] grid, boolean partial) {
        BigInteger total = BigInteger.ZERO;
        BigInteger prefix = BigInteger.ONE; // configurations of the exits before t
        for (double[] exit : grid) {
            if (partial) {
                total = total.add(prefix);
            }
            prefix = prefix.multiply(BigInteger.valueOf(exit.length + 1L));
        }
        return total.add(prefix);
    }

    /** The refusal in the user's words: the true size and what would make the space searchable. */
    static String tooMany(BigInteger count, ModelProfile profile) {
        String size = count.bitLength() < 40 ? String.format(Locale.ROOT, "%,d", count)
                : String.format(Locale.ROOT, "about %.2e", count.doubleValue());
        String cure = profile.exitStats() instanceof CurveStats
                ? "this search enumerates them; the exit dynamic program for curve statistics does not: for latency"
                        + " against accuracy, sweep the accuracy floor with re-optimization (sweep --param"
                        + " workload.accuracyFloor --optimize latency), each floor solved exactly"
                : "limit the enabled exits (--max-exits), share one threshold (--shared-threshold), allow exits only at"
                        + " stage ends (--exit-rule stage-ends), or give fewer thresholds or exits";
        return "the space has " + size + " exit configurations (more than " + String.format(Locale.ROOT, "%,d", LIMIT)
                + ", too many to score one by one); " + cure;
    }

    /** Exits 0..upTo-1 are each off or on at a threshold; the chosen ones so far are in on/at[0..k). */
    private static void expand(double[][] grid, int upTo, int terminal, int i, int[] on, double[] at, int k,
                               List<ExitConfiguration> out, Limits limits) {
        if (i == upTo) {
            out.add(new ExitConfiguration(Arrays.copyOf(on, k), Arrays.copyOf(at, k), terminal));
            return;
        }
        expand(grid, upTo, terminal, i + 1, on, at, k, out, limits);
        if (k >= limits.maxExits()) {
            return;
        }
        for (double threshold : grid[i]) {
            if (limits.shared() && k > 0 && threshold != at[0]) {
                continue;
            }
            on[k] = i;
            at[k] = threshold;
            expand(grid, upTo, terminal, i + 1, on, at, k + 1, out, limits);
        }
    }

    /** The grid values an exit accepts: all of them, or for curves those inside its table. */
    static double[] usable(ModelProfile profile, int exit, List<Double> thresholds) {
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
