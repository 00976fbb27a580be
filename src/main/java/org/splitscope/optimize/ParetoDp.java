package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * For one exit configuration, every plan whose (expected latency, cost) no other plan of the
 * configuration beats in both: a label-setting dynamic program over the states (b, n, s) of
 * {@link ChainDp}, each holding the Pareto set of its prefixes. Both sums grow stage by stage,
 * so a prefix that another prefix of the same state dominates cannot complete to a Pareto plan
 * that the other's completion would not dominate; pruning it is exact.
 *
 * <p>On nodes whose stage terms add up unit by unit, stage(a, b, n) = enter(a) + leave(b)
 * ({@link ConfigCosts}), so the set for (b, n, s) is leave(b) plus the Pareto union of the sets
 * entering at every allowed start a, kept as a running union while the window of starts only
 * grows (it is rebuilt when the window's left end moves). O(N P L log L) for N units, P
 * predecessor pairs and at most L labels per state there, O(N^2 P L log L) on other nodes.
 * A {@link Bound} drops prefixes that cannot complete to a point of the overall front.
 */
final class ParetoDp {
    /** A prefix: its sums, the stage it ends with, and the prefix before that stage. */
    record Label(double lat, double cost, int first, int last, int node, Label previous) {
    }

    /** Says whether every completion of a prefix ending after unit b with these sums is already beaten elsewhere. */
    @FunctionalInterface
    interface Bound {
        boolean beaten(double lat, double cost, int b);
    }

    private static final Comparator<Label> BY_LATENCY_THEN_COST =
            Comparator.comparingDouble(Label::lat).thenComparingDouble(Label::cost);

    private final StageRules rules;
    private final int nodes;
    private final int states;
    private ConfigCosts costs;
    private List<List<List<Label>>> table; // [b][n * states + s]: complete prefixes ending after b
    private List<List<List<Label>>> entering; // [a][n * states + s]: prefixes before a plus enter(a), additive nodes

    ParetoDp(StageRules rules) {
        this.rules = rules;
        nodes = rules.nodeCount;
        states = rules.stateCount;
    }

    /** The Pareto labels of complete plans per final state (index s * nodes + n), less those the bound beats. */
    List<List<Label>> solve(ConfigCosts costs, Bound bound) {
        this.costs = costs;
        int last = costs.last;
        table = grid(last);
        entering = grid(last);
        List<List<Label>> running = new ArrayList<>();
        int[] runningFrom = new int[nodes];
        for (int i = 0; i < nodes * states; i++) {
            running.add(new ArrayList<>());
        }
        double[] st = new double[2];
        for (int b = 1; b <= last; b++) {
            for (int n = 0; n < nodes; n++) {
                int lo = costs.firstStart[n][b];
                if (costs.additive(n)) {
                    for (int s = 0; s < states; s++) {
                        List<Label> in = entering.get(b).get(n * states + s);
                        enter(b, n, s, 0, costs.enterLat[n][b], costs.enterCost[n][b], in);
                        pareto(in);
                        List<Label> run = running.get(n * states + s);
                        if (lo != runningFrom[n]) {
                            run.clear();
                            for (int a = lo; a < b; a++) {
                                run.addAll(entering.get(a).get(n * states + s));
                            }
                        }
                        if (lo <= b) {
                            run.addAll(in);
                        }
                        pareto(run);
                        List<Label> out = table.get(b).get(n * states + s);
                        for (Label l : run) {
                            double lat = l.lat() + costs.leaveLat[n][b];
                            double cost = l.cost() + costs.leaveCost[n][b];
                            if (!bound.beaten(lat, cost, b)) {
                                out.add(new Label(lat, cost, l.first(), b, n, l.previous()));
                            }
                        }
                    }
                    runningFrom[n] = lo;
                    continue;
                }
                for (int a = lo; a <= b; a++) {
                    costs.stage(a, b, n, st);
                    for (int s = 0; s < states; s++) {
                        enter(a, n, s, b, st[0], st[1], table.get(b).get(n * states + s));
                    }
                }
                for (int s = 0; s < states; s++) {
                    List<Label> cell = table.get(b).get(n * states + s);
                    final int end = b;
                    cell.removeIf(l -> bound.beaten(l.lat(), l.cost(), end));
                    pareto(cell);
                }
            }
        }
        List<List<Label>> out = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            for (int n = 0; n < nodes; n++) {
                out.add(table.get(last).get(n * states + s));
            }
        }
        return out;
    }

    private List<List<List<Label>>> grid(int last) {
        List<List<List<Label>>> g = new ArrayList<>();
        for (int b = 0; b <= last; b++) {
            List<List<Label>> row = new ArrayList<>();
            for (int i = 0; i < nodes * states; i++) {
                row.add(new ArrayList<>());
            }
            g.add(row);
        }
        return g;
    }

    /**
     * Adds to {@code into} every prefix that ends before unit a and continues with a stage on n
     * starting at a, leading to state s, plus (lat, cost); the stage ends after b (0: not yet known).
     */
    private void enter(int a, int n, int s, int b, double lat, double cost, List<Label> into) {
        double[] tr = new double[2];
        if (a == 1) {
            if (rules.start(n) == s) {
                costs.start(n, tr);
                into.add(new Label(tr[0] + lat, tr[1] + cost, 1, b, n, null));
            }
            return;
        }
        int[] pairs = rules.preds[n][s];
        for (int k = 0; k < pairs.length; k += 2) {
            costs.transfer(a - 1, pairs[k], n, tr);
            for (Label l : table.get(a - 1).get(pairs[k] * states + pairs[k + 1])) {
                into.add(new Label(l.lat() + tr[0] + lat, l.cost() + tr[1] + cost, a, b, n, l));
            }
        }
    }

    /** Keeps the labels no other beats on both sums (of equal ones the first), sorted by latency. */
    private static void pareto(List<Label> labels) {
        labels.sort(BY_LATENCY_THEN_COST);
        int kept = 0;
        double best = Double.POSITIVE_INFINITY;
        for (Label l : labels) {
            if (l.cost() < best) {
                best = l.cost();
                labels.set(kept++, l);
            }
        }
        labels.subList(kept, labels.size()).clear();
    }
}
