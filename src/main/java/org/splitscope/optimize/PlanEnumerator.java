package org.splitscope.optimize;

import java.util.PriorityQueue;

import org.splitscope.perf.Tolerance;

/**
 * The plans of one exit configuration in order of the dynamic program's key, then fewer stages, best first: a
 * best-first search backwards from the last unit over partial plans (suffixes of stages),
 * whose priority is the suffix's cost plus the exact best cost of any prefix leading to it
 * ({@link ChainDp}'s table). Because that estimate is exact, complete plans leave the queue in
 * non-decreasing key order, and the first comes after as many expansions as it has stages.
 *
 * <p>Suffixes that cannot meet a latency or budget limit however they are completed (their
 * latency plus the least latency of any prefix exceeds the limit, and likewise for cost) are
 * dropped; both are necessary conditions, so no plan that meets the limits is lost. Each
 * expansion costs O(N P) for N units and P predecessor pairs.
 */
final class PlanEnumerator {
    /** A stage of a suffix, linked to the stages after it. */
    record Step(int first, int last, int node, Step next) {
    }

    /** A suffix entered from state (b, n, s); {@code stages} is the stage count of the plans it completes to. */
    private record Item(int b, int n, int s, double lat, double cost, double p1, double p2, int stages, Step suffix,
                        boolean complete) {
    }

    private final ChainDp dp;
    private final ChainDp latencyBound;
    private final ChainDp costBound;
    private final ConfigCosts costs;
    private final StageRules rules;
    private final boolean latFirst;
    private final boolean[] cutAllowed;
    private final double latencyLimit;
    private final double costLimit;
    private final PriorityQueue<Item> queue = new PriorityQueue<>((x, y) -> x.p1() != y.p1() ? Double.compare(x.p1(), y.p1())
            : x.p2() != y.p2() ? Double.compare(x.p2(), y.p2()) : Integer.compare(x.stages(), y.stages()));
    private final double[] st = new double[2];
    private final double[] tr = new double[2];
    /** Expected latency, cost and stage count of the plan {@link #next} returned last, as the program sums them. */
    double latency;
    double cost;
    int stages;

    /**
     * @param dp           solved with the given order
     * @param latencyBound solved latency first (its first key is the least latency), or null without a limit
     * @param costBound    solved cost first, or null without a budget
     */
    PlanEnumerator(ChainDp dp, ChainDp latencyBound, ChainDp costBound, ConfigCosts costs, StageRules rules,
                   boolean latFirst, boolean[] cutAllowed, double latencyLimit, double costLimit) {
        this.dp = dp;
        this.latencyBound = latencyBound;
        this.costBound = costBound;
        this.costs = costs;
        this.rules = rules;
        this.latFirst = latFirst;
        this.cutAllowed = cutAllowed;
        this.latencyLimit = latencyLimit;
        this.costLimit = costLimit;
        int last = costs.last;
        for (int n = 0; n < rules.nodeCount; n++) {
            for (int s = 0; s < rules.stateCount; s++) {
                if (dp.f1(last, n, s) < Double.POSITIVE_INFINITY && feasible(0, 0, last, n, s)) {
                    queue.add(new Item(last, n, s, 0, 0, dp.f1(last, n, s), dp.f2(last, n, s), rules.stages(s), null,
                            false));
                }
            }
        }
    }

    /** The next plan's stages, first stage first, or null when there are no more. */
    Step next() {
        while (!queue.isEmpty()) {
            Item item = queue.poll();
            if (item.complete()) {
                latency = item.lat();
                cost = item.cost();
                stages = item.stages();
                return item.suffix();
            }
            expand(item);
        }
        return null;
    }

    private void expand(Item item) {
        int b = item.b();
        int n = item.n();
        for (int a = dp.firstStart(n, b); a <= b; a++) {
            costs.stage(a, b, n, st);
            Step suffix = new Step(a, b, n, item.suffix());
            double lat = item.lat() + st[0];
            double cost = item.cost() + st[1];
            if (a == 1) {
                if (item.s() == rules.start(n)) {
                    costs.start(n, tr);
                    double l = lat + tr[0];
                    double c = cost + tr[1];
                    if (withinLimits(l, c)) {
                        queue.add(new Item(0, n, item.s(), l, c, latFirst ? l : c, latFirst ? c : l, item.stages(), suffix,
                                true));
                    }
                }
                continue;
            }
            int cut = a - 1;
            if (!cutAllowed[cut]) {
                continue;
            }
            int[] pairs = rules.preds[n][item.s()];
            for (int k = 0; k < pairs.length; k += 2) {
                int p = pairs[k];
                int ps = pairs[k + 1];
                double f1 = dp.f1(cut, p, ps);
                if (f1 == Double.POSITIVE_INFINITY) {
                    continue;
                }
                costs.transfer(cut, p, n, tr);
                double l = lat + tr[0];
                double c = cost + tr[1];
                if (feasible(l, c, cut, p, ps)) {
                    queue.add(new Item(cut, p, ps, l, c, f1 + (latFirst ? l : c), dp.f2(cut, p, ps) + (latFirst ? c : l),
                            item.stages(), suffix, false));
                }
            }
        }
    }

    /** Whether a suffix with this latency and cost, entered from state (b, n, s), can still meet the limits. */
    private boolean feasible(double lat, double cost, int b, int n, int s) {
        return (latencyBound == null || !Tolerance.less(latencyLimit, lat + latencyBound.f1(b, n, s)))
                && (costBound == null || !Tolerance.less(costLimit, cost + costBound.f1(b, n, s)));
    }

    private boolean withinLimits(double lat, double cost) {
        return (latencyBound == null || !Tolerance.less(latencyLimit, lat))
                && (costBound == null || !Tolerance.less(costLimit, cost));
    }
}
