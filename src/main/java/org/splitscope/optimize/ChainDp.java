package org.splitscope.optimize;

import java.util.Arrays;


/**
 * For one exit configuration, the best prefix of a chain plan ending with a stage on each node
 * after each unit, under a lexicographic pair of expected latency and cost (latency first or
 * cost first). State (b, n, s): the last stage so far ends after unit b on node n, and the plan
 * is in placement state s ({@link StageRules}).
 *
 * <p>f(b, n, s) = min over stage starts a and predecessors (n', s') of
 * f(a - 1, n', s') + transfer(a - 1, n' -> n) + stage(a, b, n). On nodes whose stage terms add
 * up unit by unit ({@link ConfigCosts}) the minimum over a is a sliding-window minimum (a
 * monotone deque over the stage starts {@link ConfigCosts#firstStart} allows), so the program takes O(N P) time for N units and P
 * (node, state, predecessor) triples, O(N V^2) for outward or any placement; on other nodes
 * it tries every stage start, O(N^2 V S).
 */
final class ChainDp {
    private static final double INF = Double.POSITIVE_INFINITY;

    private final StageRules rules;
    private final int nodes;
    private final int states;
    private final int units;
    private final double[] f1;
    private final double[] f2;
    private final double[] m1;
    private final double[] m2;
    private final int[] deque; // [n][s][i]: cuts with increasing entry values
    private final int[] dequeHead;
    private final int[] dequeTail;
    private final double[] tmp = new double[2];
    private ConfigCosts costs;
    private boolean latFirst;
    /** The best complete plan's key, and the fewest stages among plans with that key. */
    double best1;
    double best2;
    int bestStages;

    ChainDp(StageRules rules, int units) {
        this.rules = rules;
        this.units = units;
        nodes = rules.nodeCount;
        states = rules.stateCount;
        int size = (units + 1) * nodes * states;
        f1 = new double[size];
        f2 = new double[size];
        m1 = new double[size];
        m2 = new double[size];
        deque = new int[nodes * states * (units + 1)];
        dequeHead = new int[nodes * states];
        dequeTail = new int[nodes * states];
    }

    private int at(int b, int n, int s) {
        return (b * nodes + n) * states + s;
    }

    double f1(int b, int n, int s) {
        return f1[at(b, n, s)];
    }

    double f2(int b, int n, int s) {
        return f2[at(b, n, s)];
    }

    int firstStart(int n, int b) {
        return costs.firstStart[n][b];
    }

    static boolean less(double a1, double a2, double b1, double b2) {
        return a1 < b1 || (a1 == b1 && a2 < b2);
    }

    /**
     * Fills the table for one configuration.
     *
     * @param latFirst   order by latency, then cost (else cost, then latency)
     * @param cutAllowed [c]: whether a stage may end after unit c (all true unless pruned)
     */
    void solve(ConfigCosts costs, boolean latFirst, boolean[] cutAllowed) {
        this.costs = costs;
        this.latFirst = latFirst;
        int last = costs.last;
        int used = (last + 1) * nodes * states;
        Arrays.fill(f1, 0, used, INF);
        Arrays.fill(f2, 0, used, INF);
        Arrays.fill(m1, 0, used, INF);
        Arrays.fill(m2, 0, used, INF);
        Arrays.fill(dequeHead, 0);
        Arrays.fill(dequeTail, 0);
        double[] tr1 = new double[nodes];
        double[] tr2 = new double[nodes];
        double[] st = new double[2];
        for (int b = 1; b <= last; b++) {
            int c = b - 1;
            for (int n = 0; n < nodes; n++) {
                if (c == 0) {
                    int s0 = rules.start(n);
                    if (s0 >= 0) {
                        costs.start(n, tmp);
                        m1[at(0, n, s0)] = key1();
                        m2[at(0, n, s0)] = key2();
                    }
                } else if (cutAllowed[c]) {
                    for (int p = 0; p < nodes; p++) {
                        if (p != n && rules.canFollow(p, n)) {
                            costs.transfer(c, p, n, tmp);
                            tr1[p] = key1();
                            tr2[p] = key2();
                        }
                    }
                    for (int s = 0; s < states; s++) {
                        enter(c, n, s, tr1, tr2);
                    }
                }
                if (costs.additive(n)) {
                    double e1 = latFirst ? costs.enterLat[n][c + 1] : costs.enterCost[n][c + 1];
                    double e2 = latFirst ? costs.enterCost[n][c + 1] : costs.enterLat[n][c + 1];
                    for (int s = 0; s < states; s++) {
                        int i = at(c, n, s);
                        if (m1[i] < INF) {
                            m1[i] += e1;
                            m2[i] += e2;
                            push(n, s, c);
                        }
                    }
                }
            }
            for (int n = 0; n < nodes; n++) {
                int lo = firstStart(n, b);
                if (lo > b) {
                    continue;
                }
                if (costs.additive(n)) {
                    double l1 = latFirst ? costs.leaveLat[n][b] : costs.leaveCost[n][b];
                    double l2 = latFirst ? costs.leaveCost[n][b] : costs.leaveLat[n][b];
                    for (int s = 0; s < states; s++) {
                        int q = n * states + s;
                        int base = q * (units + 1);
                        while (dequeHead[q] < dequeTail[q] && deque[base + dequeHead[q]] < lo - 1) {
                            dequeHead[q]++;
                        }
                        if (dequeHead[q] < dequeTail[q]) {
                            int i = at(deque[base + dequeHead[q]], n, s);
                            f1[at(b, n, s)] = m1[i] + l1;
                            f2[at(b, n, s)] = m2[i] + l2;
                        }
                    }
                } else {
                    for (int a = lo; a <= b; a++) {
                        costs.stage(a, b, n, st);
                        double s1 = latFirst ? st[0] : st[1];
                        double s2 = latFirst ? st[1] : st[0];
                        for (int s = 0; s < states; s++) {
                            int i = at(a - 1, n, s);
                            int j = at(b, n, s);
                            if (m1[i] < INF && less(m1[i] + s1, m2[i] + s2, f1[j], f2[j])) {
                                f1[j] = m1[i] + s1;
                                f2[j] = m2[i] + s2;
                            }
                        }
                    }
                }
            }
        }
        best1 = INF;
        best2 = INF;
        bestStages = Integer.MAX_VALUE;
        for (int n = 0; n < nodes; n++) {
            for (int s = 0; s < states; s++) {
                int j = at(last, n, s);
                int k = rules.stages(s);
                if (less(f1[j], f2[j], best1, best2) || (f1[j] == best1 && f2[j] == best2 && k < bestStages)) {
                    best1 = f1[j];
                    best2 = f2[j];
                    bestStages = k;
                }
            }
        }
    }

    private double key1() {
        return latFirst ? tmp[0] : tmp[1];
    }

    private double key2() {
        return latFirst ? tmp[1] : tmp[0];
    }

    /** The best way to enter a stage on n, starting after cut c, that leads to state s. */
    private void enter(int c, int n, int s, double[] tr1, double[] tr2) {
        int[] pairs = rules.preds[n][s];
        int i = at(c, n, s);
        for (int k = 0; k < pairs.length; k += 2) {
            int j = at(c, pairs[k], pairs[k + 1]);
            if (f1[j] < INF) {
                double v1 = f1[j] + tr1[pairs[k]];
                double v2 = f2[j] + tr2[pairs[k]];
                if (less(v1, v2, m1[i], m2[i])) {
                    m1[i] = v1;
                    m2[i] = v2;
                }
            }
        }
    }

    private void push(int n, int s, int c) {
        int q = n * states + s;
        int base = q * (units + 1);
        int i = at(c, n, s);
        while (dequeTail[q] > dequeHead[q]) {
            int back = at(deque[base + dequeTail[q] - 1], n, s);
            if (less(m1[i], m2[i], m1[back], m2[back]) || (m1[i] == m1[back] && m2[i] == m2[back])) {
                dequeTail[q]--;
            } else {
                break;
            }
        }
        deque[base + dequeTail[q]++] = c;
    }
}
