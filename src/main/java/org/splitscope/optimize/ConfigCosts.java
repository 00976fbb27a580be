package org.splitscope.optimize;

import java.util.Arrays;

import org.splitscope.model.ExitHead;
import org.splitscope.model.ServerlessPricing;
import org.splitscope.perf.Tolerance;

/**
 * Expected latency and cost of the pieces of a chain plan for one exit configuration. With the
 * configuration fixed, the share of requests that reach each unit is fixed too (whatever the
 * cuts), so a plan's expected latency and cost are sums over its stages and transfers of
 * P(reach) x seconds (or USD); this class gives those terms to {@link ChainDp}.
 *
 * <p>On a node without measured ranges and without serverless billing, a stage's terms add up
 * unit by unit: stage(a, b, n) = enter(a) + leave(b), with enter(a) holding the incoming
 * deserialization minus the prefix sum before a, and leave(b) the prefix sum up to b plus the
 * outgoing serialization. That lets the dynamic program take a running minimum instead of
 * trying every stage start. Elsewhere {@link #stage} sums the stage outcome by outcome, as the
 * evaluator does. Reused from configuration to configuration ({@link #reset}) to keep the
 * search allocation-free; O(N V) per reset.
 *
 * <p>For the mean latency under load ({@link #boundWaits}) a stage's latency also holds the
 * M/D/1 wait its node would have if the stage were all it ran: {@code lambda B^2 / (2 c (1 -
 * lambda B / c))} for the stage's busy time B per request. The node's true wait is that function
 * of its whole busy time, and the function is convex and 0 at 0, so superadditive: the stages'
 * terms add up to at most the true waits. Each transfer adds the same term for every link of
 * its route, and the input its source's serialization (the result's trips are left out, which
 * only loosens the bound). The sum of the terms is then a lower bound on a plan's mean under
 * load, equal to it where no node or link serves two of them.
 */
final class ConfigCosts {
    final ChainCosts cc;
    int last;
    final double[] reach; // [u]: share of requests that run unit u; 0 past the last unit
    final double[] probAt; // [u]: share of requests that leave after unit u
    final boolean[] leaves; // [u]: requests may leave after u (an enabled exit or the last unit)
    final int[] headRuns; // [u]: the exit whose head runs after u, or -1
    final double[] params; // [u]: parameter bytes of units 1..u and their heads
    final double[] working; // [u]: working bytes of u and its head
    final double[][] enterLat; // [n][a], additive nodes only
    final double[][] enterCost;
    final double[][] leaveLat; // [n][b], additive nodes only
    final double[][] leaveCost;
    /** [n][b]: the first unit a stage on n that ends after unit b may start at (b + 1: no such stage). */
    final int[][] firstStart;
    private final double[][] headPrefix; // [n][u]
    private final boolean[] additive;
    private final int[] maxQ; // working-set max-deque of the memory window
    private final double[][][] stageLat; // [n][a][b]: non-additive nodes only (else null), filled per reset
    private final double[][][] stageCost;
    private double lambda; // > 0: stage latencies include their least M/D/1 wait at this arrival rate
    private double[][][][] linkBusy; // [cut][from][to][hop], with lambda: seconds per link of the route

    ConfigCosts(ChainCosts cc) {
        this.cc = cc;
        int size = cc.units + 2;
        int nodes = cc.nodeCount;
        reach = new double[size];
        probAt = new double[size];
        leaves = new boolean[size];
        headRuns = new int[size];
        params = new double[size];
        working = new double[size];
        headPrefix = new double[nodes][size];
        enterLat = new double[nodes][size];
        enterCost = new double[nodes][size];
        leaveLat = new double[nodes][size];
        leaveCost = new double[nodes][size];
        additive = new boolean[nodes];
        firstStart = new int[nodes][size];
        maxQ = new int[size];
        stageLat = new double[nodes][][];
        stageCost = new double[nodes][][];
        for (int n = 0; n < nodes; n++) {
            additive[n] = cc.serverless[n] == null && !cc.hasRanges(n);
            if (!additive[n]) {
                stageLat[n] = new double[size][size];
                stageCost[n] = new double[size][size];
            }
        }
    }

    /**
     * @param probability per outcome: the enabled exits in model order, then the last outcome
     * @param memory      whether a stage must fit in its node's memory
     */
    void reset(ExitConfiguration cfg, double[] probability, StageRules rules, boolean memory) {
        begin(cfg.lastUnit(cc.profile));
        for (int i = 0; i < cfg.enabled().length; i++) {
            int u = cc.profile.exits().get(cfg.enabled()[i]).afterUnit();
            mark(u, probability[i]);
            headRuns[u] = cfg.enabled()[i];
        }
        mark(last, probability[cfg.enabled().length]);
        if (cfg.terminal() >= 0) {
            headRuns[last] = cfg.terminal();
        }
        finish(rules, memory);
    }

    /**
     * A relaxation for bounds ({@link SampleExitSearch}): requests leave after any unit with a
     * share in {@code shareAt} (the whole model runs), and only the given heads run. Memory is
     * not checked.
     *
     * @param shareAt [u]: share of requests that leave after unit u
     * @param headAt  [u]: the exit whose head runs after u, or -1
     */
    void resetRelaxed(double[] shareAt, int[] headAt, StageRules rules) {
        begin(cc.units);
        for (int u = 1; u <= last; u++) {
            if (shareAt[u] > 0 || headAt[u] >= 0 || u == last) {
                mark(u, shareAt[u]);
            }
            headRuns[u] = headAt[u];
        }
        finish(rules, false);
    }

    private void begin(int lastUnit) {
        last = lastUnit;
        Arrays.fill(probAt, 0);
        Arrays.fill(leaves, false);
        Arrays.fill(headRuns, -1);
    }

    private void finish(StageRules rules, boolean memory) {
        reach[last + 1] = 0;
        for (int u = last; u >= 1; u--) {
            reach[u] = reach[u + 1] + probAt[u];
        }
        for (int u = 1; u <= last; u++) {
            params[u] = params[u - 1] + cc.unitParams[u];
            working[u] = cc.unitWorking[u];
            if (headRuns[u] >= 0) {
                ExitHead head = cc.profile.exits().get(headRuns[u]);
                params[u] += head.paramBytes();
                working[u] = Math.max(working[u], head.workingBytes());
            }
        }
        for (int n = 0; n < cc.nodeCount; n++) {
            terms(n);
            windows(rules, n, memory);
            if (!additive[n]) {
                stageTable(n);
            }
        }
    }

    /**
     * firstStart[n][b] for every b: a unit that may not run on n closes the window; with memory,
     * the window's left end moves right until the stage fits. Pruning only stages that overflow
     * beyond the tolerance keeps the test a necessary condition. O(N) with a max-deque.
     */
    private void windows(StageRules rules, int n, boolean memory) {
        double cap = cc.capacity[n];
        boolean check = memory && cap < Double.POSITIVE_INFINITY;
        int qh = 0;
        int qt = 0;
        int lo = 1;
        for (int b = 1; b <= last; b++) {
            if (!rules.mayRun(b, n, leaves[b])) {
                lo = b + 1;
                qh = qt;
                firstStart[n][b] = lo;
                continue;
            }
            while (qt > qh && working[maxQ[qt - 1]] <= working[b]) {
                qt--;
            }
            maxQ[qt++] = b;
            while (check && lo <= b && Tolerance.less(cap, params[b] - params[lo - 1] + working[maxQ[qh]])) {
                lo++;
                while (qh < qt && maxQ[qh] < lo) {
                    qh++;
                }
            }
            firstStart[n][b] = lo;
        }
    }

    private void mark(int u, double p) {
        probAt[u] = p;
        leaves[u] = true;
    }

    /** Head prefix sums, and for additive nodes the enter and leave terms, of node n. */
    private void terms(int n) {
        double[] unit = cc.unitSeconds[n];
        double[] head = cc.headSeconds[n];
        double price = cc.usdPerBusySecond[n];
        double lat = 0;
        double cost = 0;
        for (int u = 1; u <= last; u++) {
            double h = headRuns[u] >= 0 ? head[headRuns[u]] : 0;
            headPrefix[n][u] = headPrefix[n][u - 1] + h;
            if (!additive[n]) {
                continue;
            }
            boolean inbound = u > 1 || n != cc.source;
            double deser = inbound ? reach[u] * cc.deserializeSeconds[n][u - 1] : 0;
            enterLat[n][u] = deser - lat;
            enterCost[n][u] = price * deser - cost;
            double busy = reach[u] * (unit[u] + h);
            lat += busy + probAt[u] * cc.resultSeconds[n];
            cost += price * busy + probAt[u] * cc.resultUsd[n];
            double ser = u < last ? reach[u + 1] * cc.serializeSeconds[n][u] : 0;
            leaveLat[n][u] = lat + ser;
            leaveCost[n][u] = cost + price * ser;
        }
    }

    boolean additive(int n) {
        return additive[n];
    }

    /** Stage latencies include the least wait of their node at this arrival rate (see the class comment). */
    void boundWaits(double arrivalRate) {
        lambda = arrivalRate;
        // the wait is not linear in the stage's units: every stage is summed outcome by outcome
        Arrays.fill(additive, false);
        int size = cc.units + 2;
        for (int n = 0; n < cc.nodeCount; n++) {
            if (stageLat[n] == null) {
                stageLat[n] = new double[size][size];
                stageCost[n] = new double[size][size];
            }
        }
        linkBusy = new double[cc.units][cc.nodeCount][cc.nodeCount][];
        for (int c = 0; c < cc.units; c++) {
            for (int i = 0; i < cc.nodeCount; i++) {
                for (int j = 0; j < cc.nodeCount; j++) {
                    linkBusy[c][i][j] = i == j ? null : cc.linkBusy(c, i, j);
                }
            }
        }
    }

    /** The least waits on the links of a transfer that this share of requests makes (each link alone, concurrency 1). */
    private double leastLinkWaits(int c, int from, int to, double share) {
        double[] busy = linkBusy[c][from][to];
        double sum = 0;
        for (int h = 0; busy != null && h < busy.length; h++) {
            double b = share * busy[h];
            double rho = lambda * b;
            if (rho >= 1) {
                if (rho > 1 + 1e-9) {
                    return Double.POSITIVE_INFINITY;
                }
                continue;
            }
            sum += rho * b / (2 * (1 - rho));
        }
        return sum;
    }

    /** The M/D/1 wait of a node busy this long per request and nothing else; infinite when that alone saturates it. */
    private double leastWait(int n, double busy) {
        double rho = lambda * busy / cc.concurrency[n];
        if (rho >= 1) {
            // clearly saturated: the plan is infeasible; at the edge the evaluator's tolerance decides, so bound by 0
            return rho > 1 + 1e-9 ? Double.POSITIVE_INFINITY : 0;
        }
        return rho * busy / (2 * (1 - rho));
    }

    /** Expected latency and cost of stage a..b on node n into out[0], out[1]; transfers excluded. */
    void stage(int a, int b, int n, double[] out) {
        if (additive[n]) {
            out[0] = enterLat[n][a] + leaveLat[n][b];
            out[1] = enterCost[n][a] + leaveCost[n][b];
            return;
        }
        out[0] = stageLat[n][a][b];
        out[1] = stageCost[n][a][b];
    }

    /**
     * Every stage a..b of a node whose terms do not add up unit by unit, outcome by outcome as
     * the evaluator sums them; the outcomes a stage holds grow with b, so one pass per start a
     * fills a row: O(N^2) per node instead of O(N^2 x outcomes) when the program asks.
     */
    private void stageTable(int n) {
        ServerlessPricing s = cc.serverless[n];
        double price = cc.usdPerBusySecond[n];
        for (int a = 1; a <= last; a++) {
            double deser = a > 1 || n != cc.source ? cc.deserializeSeconds[n][a - 1] : 0;
            double lat = 0;
            double busy = 0;
            double billed = 0;
            double egress = 0;
            double cold = s == null ? 0 : reach[a] * s.coldStartProbability() * s.coldStartSeconds();
            for (int b = a; b <= last; b++) {
                if (leaves[b] && probAt[b] > 0) {
                    double w = deser + cc.compute(n, a, b, headPrefix[n], headRuns);
                    lat += probAt[b] * (w + cc.resultSeconds[n]);
                    busy += probAt[b] * w;
                    billed += probAt[b] * bill(s, w);
                    egress += probAt[b] * cc.resultUsd[n];
                }
                double l = lat;
                double y = busy;
                double z = billed;
                if (b < last) {
                    double w = deser + cc.compute(n, a, b, headPrefix[n], headRuns) + cc.serializeSeconds[n][b];
                    l += reach[b + 1] * w;
                    y += reach[b + 1] * w;
                    z += reach[b + 1] * bill(s, w);
                }
                stageLat[n][a][b] = l + cold + (lambda > 0 ? leastWait(n, y) : 0);
                stageCost[n][a][b] = price * y + z + egress;
            }
        }
    }

    /** USD of one serverless invocation doing w seconds of work (cold start mixed in). */
    private static double bill(ServerlessPricing s, double w) {
        if (s == null) {
            return 0;
        }
        double q = s.coldStartProbability();
        double seconds = (1 - q) * s.billed(w) + q * s.billed(w + s.coldStartSeconds());
        return s.usdPerRequest() + s.memoryGB() * seconds * s.usdPerGBSecond();
    }

    /** The input's trip to a first stage on n (nothing when n is the source) into out. */
    void start(int n, double[] out) {
        cc.start(n, out);
        if (lambda > 0 && n != cc.source) {
            out[0] += leastWait(cc.source, cc.serializeSeconds[cc.source][0]) + leastLinkWaits(0, cc.source, n, 1);
        }
    }

    /** The trip of cut c from node from to node to, weighted by the share that crosses it, into out. */
    void transfer(int c, int from, int to, double[] out) {
        out[0] = reach[c + 1] * cc.transferSeconds[c][from][to];
        out[1] = reach[c + 1] * cc.transferUsd[c][from][to];
        if (lambda > 0) {
            out[0] += leastLinkWaits(c, from, to, reach[c + 1]);
        }
    }
}
