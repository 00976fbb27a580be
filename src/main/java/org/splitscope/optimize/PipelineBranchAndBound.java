package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.perf.Tolerance;

/**
 * Depth-first branch and bound over pipelined plans, stage by stage: which unused node runs the
 * next stage and where that stage ends. A child's bound is the exact load so far (shared
 * resources summed, {@link PipelineLoads}) joined with {@link PipelineBound} for what remains;
 * children are tried best bound first, so the first dive is the relaxation's plan repaired for
 * distinct nodes, and a child whose bound cannot beat the count-th best plan found is cut.
 * When the search runs to the end the result is exact; a budget of expansions stops it early on
 * large clusters, and the plans found so far are the best known. Worst case O((V N)^K) like
 * exhaustive search; with a tight bound it visits few nodes.
 */
final class PipelineBranchAndBound {
    private static final int INDEX_BITS = 20;

    private final PipelineCosts costs;
    private final PipelineObjective objective;
    private final PipelineLoads loads;
    private final PipelineBound bound;
    private final int maxStages;
    private final long budget;
    private final CancellationToken token;
    private final Progress progress;
    private final int count;
    private final List<PipelineCandidate> best = new ArrayList<>();
    private final boolean[] used;
    private final int[] nodes;
    private final int[] ends;
    private final long[][] order; // per depth: children sorted by bound
    private final double[][] childBound;
    private long expansions;
    private boolean stopped;

    PipelineBranchAndBound(PipelineCosts costs, PipelineObjective objective, PipelineLoads loads, PipelineBound bound,
                           int maxStages, long budget, int count, Progress progress, CancellationToken token) {
        this.costs = costs;
        this.objective = objective;
        this.loads = loads;
        this.bound = bound;
        this.maxStages = Math.min(maxStages, Math.min(costs.units, costs.nodeCount));
        this.budget = budget;
        this.count = count;
        this.progress = progress;
        this.token = token;
        used = new boolean[costs.nodeCount];
        nodes = new int[this.maxStages];
        ends = new int[this.maxStages];
        int children = costs.nodeCount * costs.units;
        if (children > 1 << INDEX_BITS) {
            throw new IllegalArgumentException("at most " + (1 << INDEX_BITS) + " node-unit pairs, got " + children);
        }
        order = new long[this.maxStages][children];
        childBound = new double[this.maxStages][children];
    }

    /** Offers a plan found elsewhere (a baseline; null when it found none), so the search only keeps what beats it. */
    void offer(PipelineCandidate c) {
        if (c == null || Double.isNaN(c.value()) || (best.size() == count && !beats(c.value(), cutoff()))) {
            return;
        }
        for (PipelineCandidate b : best) {
            if (Arrays.equals(b.nodes(), c.nodes()) && Arrays.equals(b.ends(), c.ends())) {
                return;
            }
        }
        int at = best.size();
        while (at > 0 && c.value() < best.get(at - 1).value()) {
            at--;
        }
        best.add(at, c);
        if (best.size() > count) {
            best.remove(best.size() - 1);
        }
    }

    /** Whether f is below the cutoff by more than the tolerance; any finite f beats an infinite cutoff. */
    private static boolean beats(double f, double cutoff) {
        return cutoff == Double.POSITIVE_INFINITY ? f < cutoff : Tolerance.less(f, cutoff);
    }

    private double cutoff() {
        return best.size() < count ? Double.POSITIVE_INFINITY : best.get(best.size() - 1).value();
    }

    /** Runs the search; true when it finished (so the plans kept are the best {@code count}). */
    boolean run() {
        expand(0, -1, 1);
        return !stopped;
    }

    List<PipelineCandidate> best() {
        return List.copyOf(best);
    }

    long expansions() {
        return expansions;
    }

    private void expand(int k, int previous, int a) {
        token.throwIfCancelled();
        if (++expansions > budget) {
            stopped = true;
            return;
        }
        int size = children(k, previous, a);
        long[] sorted = order[k];
        Arrays.sort(sorted, 0, size);
        int mask = (1 << INDEX_BITS) - 1;
        for (int i = 0; i < size && !stopped; i++) {
            int child = (int) (sorted[i] & mask);
            if (!beats(childBound[k][child], cutoff())) {
                break;
            }
            int w = child / costs.units;
            int b = a + child % costs.units;
            if (!loads.push(previous, w, a, b)) {
                continue;
            }
            used[w] = true;
            nodes[k] = w;
            ends[k] = b;
            if (b == costs.units) {
                if (loads.unsaturated(loads.worstLoad())) {
                    offer(new PipelineCandidate(Arrays.copyOf(nodes, k + 1), Arrays.copyOf(ends, k + 1), loads.value()));
                }
            } else if (loads.unsaturated(loads.worstLoad()) && beats(loads.value(), cutoff())) {
                expand(k + 1, w, b + 1);
            }
            used[w] = false;
            loads.pop();
            if (k == 0) {
                progress.update(i + 1, size);
            }
        }
    }

    /** Fills order[k] with the children whose bound can beat the cutoff; returns how many. */
    private int children(int k, int previous, int a) {
        int size = 0;
        int remaining = maxStages - k - 1;
        double cut = cutoff();
        double sofar = loads.value();
        for (int w = 0; w < costs.nodeCount; w++) {
            if (used[w]) {
                continue;
            }
            int[] in = k == 0 ? (w == costs.source ? new int[0] : costs.route(0, costs.source, w)) : costs.route(a - 1, previous, w);
            if (in == null) {
                continue;
            }
            double transfer = 0;
            for (int l : in) {
                transfer = Math.max(transfer, loads.linkLoad(l) + costs.linkLoad(l, costs.bytes[a - 1]));
            }
            double base = loads.nodeLoad(w);
            if (k == 0 && w != costs.source) {
                double ser = loads.nodeLoad(costs.source) + costs.inputSerializeLoad();
                if (!loads.unsaturated(ser)) {
                    continue;
                }
                transfer = objective.countsNodes() ? Math.max(transfer, ser) : transfer;
            }
            if (!loads.unsaturated(transfer)) {
                continue;
            }
            double head = Math.max(sofar, transfer);
            if (!beats(head, cut)) {
                continue;
            }
            for (int b = a; b <= costs.reach[w][a]; b++) {
                double rest = b < costs.units ? bound.after(remaining, b, w) : resultLoad(w);
                if (!beats(rest, cut)) {
                    continue;
                }
                double s = base + costs.stageLoad(w, a, b);
                if (!loads.unsaturated(s)) {
                    continue;
                }
                double f = Math.max(Math.max(head, rest), objective.countsNodes() ? s : 0);
                if (beats(f, cut)) {
                    int child = w * costs.units + (b - a);
                    childBound[k][child] = f;
                    order[k][size++] = (Double.doubleToLongBits(f) & ~((1L << INDEX_BITS) - 1)) | child;
                }
            }
        }
        return size;
    }

    private double resultLoad(int w) {
        int[] out = costs.resultRoute(w);
        if (out == null) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        for (int l : out) {
            worst = Math.max(worst, loads.linkLoad(l) + costs.linkLoad(l, costs.resultBytes));
        }
        return worst;
    }
}
