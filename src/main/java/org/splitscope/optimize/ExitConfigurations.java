package org.splitscope.optimize;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.splitscope.model.CurveCombination;
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
 *
 * <p>Under nested curves only configurations consistent with the nesting count: each enabled
 * exit passes at least as many samples as the one before it. The nested assumption says a later
 * exit passes every sample an earlier one passed; a configuration where it passes fewer
 * contradicts it, and its figures would rest on the evaluator clipping a negative share, which
 * counts the samples between the two rates twice. Such plans can be evaluated (with a warning)
 * but no search proposes one.
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
        Limits limits = new Limits(space.maxExits() == null ? e : space.maxExits(), space.sharedThreshold(),
                nestedRates(profile, grid));
        expand(grid, e, -1, 0, new int[e], new double[e], 0, -1, out, limits);
        if (space.partialModels()) {
            for (int t = 0; t < e; t++) {
                expand(grid, t, t, 0, new int[e], new double[e], 0, -1, out, limits);
            }
        }
        return out;
    }

    /**
     * At most maxExits enabled exits; shared: every enabled exit at the first one's threshold;
     * rates (nested curves, else null): [exit][grid position], never falling along a configuration.
     */
    private record Limits(int maxExits, boolean shared, double[][] rates) {
    }

    /** Under nested curves each exit's rate at each of its grid values, else null (every order is consistent). */
    private static double[][] nestedRates(ModelProfile profile, double[][] grid) {
        if (!(profile.exitStats() instanceof CurveStats cs) || cs.combination() != CurveCombination.NESTED) {
            return null;
        }
        double[][] rates = new double[grid.length][];
        for (int e = 0; e < grid.length; e++) {
            ExitCurve curve = cs.curves().get(e);
            rates[e] = Arrays.stream(grid[e]).map(curve::rateAt).toArray();
        }
        return rates;
    }

    /** How many exit configurations the space has, exactly (under nested curves, the consistent ones). */
    static BigInteger count(ModelProfile profile, SearchSpace space) {
        double[][] grid = grid(profile, space);
        double[][] rates = nestedRates(profile, grid);
        int most = space.maxExits() == null ? grid.length : space.maxExits();
        if (!space.sharedThreshold()) {
            return count(grid, rates, space.partialModels(), most);
        }
        // one threshold for all: per grid value, the configurations that enable at least one exit, plus the empty one
        BigInteger empty = space.partialModels() ? BigInteger.valueOf(grid.length + 1L) : BigInteger.ONE;
        BigInteger total = BigInteger.ZERO;
        for (double t : space.thresholds()) {
            double[][] only = new double[grid.length][];
            double[][] onlyRates = rates == null ? null : new double[grid.length][];
            for (int i = 0; i < grid.length; i++) {
                int at = Arrays.binarySearch(grid[i], t);
                only[i] = at < 0 ? new double[0] : new double[] {t};
                if (rates != null) {
                    onlyRates[i] = at < 0 ? new double[0] : new double[] {rates[i][at]};
                }
            }
            total = total.add(count(only, onlyRates, space.partialModels(), most).subtract(empty));
        }
        return total.add(empty);
    }

    /**
     * Configurations with at most most enabled exits (plus, with partial models, those of every
     * terminal's prefix) whose rates never fall (rates null: any order). ways[k][q]: k exits
     * enabled so far, the last at the q-th smallest rate (q = 0: none yet); an exit at rate rank q
     * may follow any state of rank at most q. Time O(exits x most x (ranks + thresholds)).
     */
    private static BigInteger count(double[][] grid, double[][] rates, boolean partial, int most) {
        double[] distinct = rates == null ? new double[0]
                : Arrays.stream(rates).flatMapToDouble(Arrays::stream).sorted().distinct().toArray();
        int ranks = Math.max(distinct.length, 1) + 1;
        BigInteger[][] ways = new BigInteger[most + 1][ranks];
        for (BigInteger[] row : ways) {
            Arrays.fill(row, BigInteger.ZERO);
        }
        ways[0][0] = BigInteger.ONE;
        BigInteger total = BigInteger.ZERO;
        for (int e = 0; e < grid.length; e++) {
            if (partial) {
                total = total.add(sum(ways));
            }
            for (int k = most; k >= 1; k--) {
                BigInteger[] before = ways[k - 1];
                BigInteger[] atMost = new BigInteger[ranks];
                BigInteger running = BigInteger.ZERO;
                for (int q = 0; q < ranks; q++) {
                    running = running.add(before[q]);
                    atMost[q] = running;
                }
                for (int j = 0; j < grid[e].length; j++) {
                    int q = rates == null ? 1 : 1 + Arrays.binarySearch(distinct, rates[e][j]);
                    ways[k][q] = ways[k][q].add(atMost[q]);
                }
            }
        }
        return total.add(sum(ways));
    }

    private static BigInteger sum(BigInteger[][] ways) {
        BigInteger s = BigInteger.ZERO;
        for (BigInteger[] row : ways) {
            for (BigInteger w : row) {
                s = s.add(w);
            }
        }
        return s;
    }

    private static double[][] grid(ModelProfile profile, SearchSpace space) {
        int e = profile.exits().size();
        double[][] grid = new double[e][];
        for (int i = 0; i < e; i++) {
            grid[i] = usable(profile, i, space.thresholds());
        }
        return grid;
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

    /**
     * Exits 0..upTo-1 are each off or on at a threshold; the chosen ones so far are in on/at[0..k),
     * the last of them at rate (nested curves; -1 before the first).
     */
    private static void expand(double[][] grid, int upTo, int terminal, int i, int[] on, double[] at, int k, double rate,
                               List<ExitConfiguration> out, Limits limits) {
        if (i == upTo) {
            out.add(new ExitConfiguration(Arrays.copyOf(on, k), Arrays.copyOf(at, k), terminal));
            return;
        }
        expand(grid, upTo, terminal, i + 1, on, at, k, rate, out, limits);
        if (k >= limits.maxExits()) {
            return;
        }
        for (int j = 0; j < grid[i].length; j++) {
            double threshold = grid[i][j];
            double next = limits.rates() == null ? rate : limits.rates()[i][j];
            if (limits.shared() && k > 0 && threshold != at[0] || next < rate) {
                continue;
            }
            on[k] = i;
            at[k] = threshold;
            expand(grid, upTo, terminal, i + 1, on, at, k + 1, next, out, limits);
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
