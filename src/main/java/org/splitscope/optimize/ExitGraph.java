package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.model.CurveCombination;
import org.splitscope.model.CurveStats;
import org.splitscope.model.ExitCurve;
import org.splitscope.model.ModelProfile;
import org.splitscope.perf.Tolerance;

/**
 * The state graph the exit programs walk, with its costs: one threshold grid (the request's, or
 * the one shared threshold of a shared-threshold program).
 *
 * <p>A state is (unit x, stage start a, (node, placement state) pair ns, previous exit kappa):
 * the decision at x (exit off, on at a threshold, or the model's end there) is still open, the
 * stage that holds x started at a (measured ranges do not add up unit by unit: a request
 * leaving after x costs range(a, x)), and with {@code nested} curves kappa is the previous
 * enabled exit at its threshold (0: none), which fixes the share still running, 1 - R(kappa),
 * and the share the next enabled exit takes. With {@code independent} curves kappa is always 0:
 * a request at x leaves with the curve's rate whatever happened before, so values are
 * conditional on reaching x. Exits come in model order, so the kappas valid at x (an exit before
 * x) are a prefix of the numbering, {@code kappaEnd[x]}.
 */
final class ExitGraph {
    final SearchRequest request;
    final ModelProfile profile;
    final ChainCosts cc;
    final StageRules rules;
    final boolean nested;
    final boolean partial;
    /** Exits only where a stage ends (an enabled exit ends its stage). */
    final boolean stageEnds;
    final int last;
    final int exits;
    final double[][] grid; // [exit]: usable thresholds
    final double[][] rate; // [exit][t]
    final double[][] exitedAcc; // [exit][t]
    final double[] overallAcc; // [exit]
    final double finalAcc;
    final int[] kappaBase; // [exit]: first previous-exit state of the exit (nested)
    final int kappas;
    final double[] kappaRate; // [kappa]: rate of the previous enabled exit (0: none)
    final int[] kappaUnit; // [kappa]: unit the previous enabled exit attaches after (0: none)
    final int[] kappaEnd; // [x]: the kappas with an exit before x are 0..kappaEnd[x] - 1
    final int[] nsNode; // [ns]: node of the (node, placement state) pair
    final int[] nsState;
    final int[][] nsOf; // [node][state]: ns index or -1
    final int pairs;
    /** [x][n]: the earliest start of a stage on n that holds x (pins, forbids, memory of units), x + 1 when none. */
    final int[][] firstStart;
    /** [exit]: its thresholds by rising rate (nested). */
    final int[][] byRate;
    /** [exit][kappa]: the first position in byRate[exit] whose rate is at least kappa's (nested; clipped shares start below). */
    final int[][] atLeast;
    /** Every kappa by rising rate (nested). */
    final int[] kappaByRate;
    /** [kappa]: the share still running, {@link #weight}, for loops over kappa that read it from memory. */
    final double[] kappaWeight;
    /**
     * [x]: the kappas below kappaEnd[x] (the only ones whose states at x can be reached) by
     * rising rate, and [x][j] their rates: the passes' prefix minima over rates walk these
     * instead of every kappa.
     */
    final int[][] byRateBefore;
    final double[][] rateBefore;

    /**
     * [a pairs + ns]: the last unit that a stage some plan starts at a on ns can hold (a - 1
     * where no stage sequence brings a stage start there). The states (x, a, ns) beyond it are
     * on no plan's way: on PORTEND's ResNet-110 two in three.
     */
    final int[] stageReach;

    /** [head runs at x ? 1 : 0][n][x][a]: {@link ChainCosts#units} for a stage a..x on n (ranges are looked up once). */
    private final double[][][][] stageSeconds;

    /**
     * @param stageSeconds {@link #stageSeconds(ChainCosts, int)}, shared by the graphs of one request
     * @param onlyThreshold the one threshold every enabled exit uses (shared-threshold spaces), or null
     */
    ExitGraph(SearchRequest request, ChainCosts cc, StageRules rules, double[][][][] stageSeconds, Double onlyThreshold) {
        this.stageSeconds = stageSeconds;
        this.request = request;
        this.profile = request.evaluator().profile();
        this.cc = cc;
        this.rules = rules;
        CurveStats stats = (CurveStats) profile.exitStats();
        nested = stats.combination() == CurveCombination.NESTED;
        partial = request.space().partialModels();
        stageEnds = request.space().exitRule() == ExitRule.STAGE_ENDS;
        last = profile.unitCount();
        exits = profile.exits().size();
        grid = new double[exits][];
        rate = new double[exits][];
        exitedAcc = new double[exits][];
        overallAcc = new double[exits];
        kappaBase = new int[exits];
        int k = 1;
        for (int e = 0; e < exits; e++) {
            ExitCurve curve = stats.curves().get(e);
            grid[e] = ExitConfigurations.usable(profile, e, onlyThreshold == null ? request.space().thresholds()
                    : List.of(onlyThreshold));
            rate[e] = new double[grid[e].length];
            exitedAcc[e] = new double[grid[e].length];
            for (int t = 0; t < grid[e].length; t++) {
                rate[e][t] = curve.rateAt(grid[e][t]);
                exitedAcc[e][t] = curve.exitedAccuracyAt(grid[e][t]);
            }
            overallAcc[e] = curve.overallAccuracy();
            kappaBase[e] = k;
            k += nested ? grid[e].length : 0;
        }
        finalAcc = stats.finalAccuracy();
        kappas = k;
        kappaRate = new double[kappas];
        kappaUnit = new int[kappas];
        for (int e = 0; nested && e < exits; e++) {
            for (int t = 0; t < grid[e].length; t++) {
                kappaRate[kappaBase[e] + t] = rate[e][t];
                kappaUnit[kappaBase[e] + t] = profile.exits().get(e).afterUnit();
            }
        }
        kappaEnd = new int[last + 2];
        for (int x = 0; x <= last + 1; x++) {
            int end = 0;
            while (end < kappas && kappaUnit[end] < x) {
                end++;
            }
            kappaEnd[x] = end;
        }
        List<int[]> ns = new ArrayList<>();
        nsOf = new int[rules.nodeCount][rules.stateCount];
        for (int n = 0; n < rules.nodeCount; n++) {
            Arrays.fill(nsOf[n], -1);
            for (int s = 0; s < rules.stateCount; s++) {
                if (rules.stages(s) <= request.space().maxStages() && rules.holds(s, n)) {
                    nsOf[n][s] = ns.size();
                    ns.add(new int[] {n, s});
                }
            }
        }
        pairs = ns.size();
        nsNode = ns.stream().mapToInt(p -> p[0]).toArray();
        nsState = ns.stream().mapToInt(p -> p[1]).toArray();
        firstStart = firstStarts(request.constraints().memoryMustFit());
        stageReach = stageReach();
        byRate = new int[exits][];
        atLeast = new int[exits][];
        Integer[] order = new Integer[kappas];
        for (int i = 0; i < kappas; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(kappaRate[p], kappaRate[q]));
        kappaByRate = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        for (int e = 0; nested && e < exits; e++) {
            int ts = grid[e].length;
            double[] r = rate[e];
            byRate[e] = java.util.stream.IntStream.range(0, ts).boxed()
                    .sorted((p, q) -> Double.compare(r[p], r[q])).mapToInt(Integer::intValue).toArray();
            atLeast[e] = new int[kappas];
            for (int kappa = 0; kappa < kappas; kappa++) {
                int pos = 0;
                while (pos < ts && r[byRate[e][pos]] < kappaRate[kappa]) {
                    pos++;
                }
                atLeast[e][kappa] = pos;
            }
        }
        kappaWeight = new double[kappas];
        for (int kappa = 0; kappa < kappas; kappa++) {
            kappaWeight[kappa] = weight(kappa);
        }
        byRateBefore = new int[last + 2][];
        rateBefore = new double[last + 2][];
        for (int x = 0; x <= last + 1; x++) {
            byRateBefore[x] = new int[kappaEnd[x]];
            rateBefore[x] = new double[kappaEnd[x]];
            for (int j = 0, i = 0; i < kappaEnd[x]; j++) {
                if (kappaByRate[j] < kappaEnd[x]) {
                    byRateBefore[x][i] = kappaByRate[j];
                    rateBefore[x][i++] = kappaRate[kappaByRate[j]];
                }
            }
        }
    }

    /** {@link #stageReach}, forward over stage starts: a stage goes on while its node may hold it, and may end anywhere. */
    private int[] stageReach() {
        int[] reach = new int[(last + 2) * pairs];
        boolean[] started = new boolean[(last + 2) * pairs];
        int[][] following = new int[pairs][]; // [ns]: the pairs a next stage may start in
        for (int ns = 0; ns < pairs; ns++) {
            int n = nsNode[ns];
            int s = nsState[ns];
            following[ns] = java.util.stream.IntStream.range(0, rules.nodeCount).filter(m -> followingState(n, s, m) >= 0)
                    .map(m -> nsOf[m][followingState(n, s, m)]).toArray();
        }
        for (int n = 0; n < rules.nodeCount; n++) {
            int ns = firstPair(n);
            if (ns >= 0) {
                started[pairs + ns] = true;
            }
        }
        for (int a = 1; a <= last; a++) {
            for (int ns = 0; ns < pairs; ns++) {
                int n = nsNode[ns];
                int end = a - 1;
                while (started[a * pairs + ns] && end < last && firstStart[end + 1][n] <= a) {
                    end++;
                }
                reach[a * pairs + ns] = end;
                for (int x = a; x <= end && x < last; x++) {
                    for (int next : following[ns]) {
                        started[(x + 1) * pairs + next] = true;
                    }
                }
            }
        }
        return reach;
    }

    private int[][] firstStarts(boolean memory) {
        double[] paramPrefix = new double[last + 1];
        for (int u = 1; u <= last; u++) {
            paramPrefix[u] = paramPrefix[u - 1] + cc.unitParams[u];
        }
        int[][] first = new int[last + 1][rules.nodeCount];
        for (int x = 1; x <= last; x++) {
            for (int n = 0; n < rules.nodeCount; n++) {
                int a = x + 1;
                double working = 0;
                while (a > 1 && rules.mayRun(a - 1, n, false)) {
                    working = Math.max(working, cc.unitWorking[a - 1]);
                    if (memory && Tolerance.less(cc.capacity[n], paramPrefix[x] - paramPrefix[a - 2] + working)) {
                        break;
                    }
                    a--;
                }
                first[x][n] = rules.mayRun(x, n, false) ? a : x + 1;
            }
        }
        return first;
    }

    /** Seconds of units a..x on n as the evaluator counts them, the head after x running or not. */
    double units(int n, int a, int x, boolean headRan) {
        return stageSeconds[headRan ? 1 : 0][n][x][a];
    }

    /** The table {@link #units} reads: [head runs ? 1 : 0][n][x][a], a = 1..x. */
    static double[][][][] stageSeconds(ChainCosts cc, int last) {
        double[][][][] t = new double[2][cc.nodeCount][last + 1][];
        for (int h = 0; h < 2; h++) {
            for (int n = 0; n < cc.nodeCount; n++) {
                for (int x = 1; x <= last; x++) {
                    t[h][n][x] = new double[x + 1];
                    for (int a = 1; a <= x; a++) {
                        t[h][n][x][a] = cc.units(n, a, x, h == 1);
                    }
                }
            }
        }
        return t;
    }

    /** The previous exits a state (x, a) can have: with exits only at stage ends, none inside the stage. */
    int kappaEnd(int x, int a) {
        return stageEnds ? kappaEnd[a] : kappaEnd[x];
    }

    /** The share of requests still running with kappa the previous enabled exit. */
    double weight(int kappa) {
        return nested ? 1 - kappaRate[kappa] : 1;
    }

    /**
     * The placement state after a stage on node m follows one on node n in placement state s, or -1
     * where the rules forbid it or the program keeps no pair for it.
     */
    int followingState(int n, int s, int m) {
        if (!rules.canFollow(n, m)) {
            return -1;
        }
        int s2 = rules.next(s, m);
        return s2 < 0 || nsOf[m][s2] < 0 ? -1 : s2;
    }

    /** The pair (node, rules state) of a first stage on n; -1 when no plan may start on n. */
    int firstPair(int n) {
        int s0 = rules.start(n);
        return s0 < 0 ? -1 : nsOf[n][s0];
    }

    /** The input's trip to a first stage on n into out (latency, cost). */
    void start(int n, double[] out) {
        cc.start(n, out);
    }

    /** Seconds to deserialize what arrives before unit x on n (nothing for the input on the source). */
    double deserialize(int n, int x) {
        return x > 1 || n != cc.source ? cc.deserializeSeconds[n][x - 1] : 0;
    }

    int maxThresholds() {
        int t = 1;
        for (double[] g : grid) {
            t = Math.max(t, g.length);
        }
        return t;
    }

    String id(int node) {
        return cc.nodeIds[node];
    }

    /**
     * With nested curves, the number of pairs (earlier exit at a threshold, later exit at a
     * threshold) whose later rate is below the earlier one: configurations enabling such a pair
     * with nothing between are outside the program. 0 with independent curves.
     */
    long clippingPairs() {
        if (!nested) {
            return 0;
        }
        long found = 0;
        for (int e = 0; e < exits; e++) {
            for (int f = e + 1; f < exits; f++) {
                for (double r : rate[e]) {
                    for (double q : rate[f]) {
                        if (q < r) {
                            found++;
                        }
                    }
                }
            }
        }
        return found;
    }
}
