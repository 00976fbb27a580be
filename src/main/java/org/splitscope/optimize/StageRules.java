package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Problem;
import org.splitscope.model.Topology;

/**
 * The rules of a search space turned into tables both searches share, so that they search the
 * same space: which unit may run on which node (pins, forbids), which node may follow which
 * (routes, the placement rule), and the placement state a plan is in after each stage. The state
 * is the set of nodes used so far (distinct placement) or the number of stages so far (outward,
 * any); it makes "at most maxStages stages" and "every node once" checkable stage by stage.
 */
final class StageRules {
    /** Distinct placement keeps a bit per node in its state. */
    static final int MAX_DISTINCT_NODES = 16;

    final int nodeCount;
    final int source;
    final int sink;
    final int stateCount;
    private final Placement placement;
    private final int maxStages;
    private final boolean[][] unitAllowed; // [unit][node]
    private final boolean[] fromSource;
    private final boolean[] toSink;
    private final boolean[][] canFollow; // [previous node][next node]
    /** preds[n][s]: pairs (previous node, previous state) from which a stage on n leads to state s. */
    final int[][][] preds;

    StageRules(ModelProfile profile, Topology topology, SearchSpace space) {
        nodeCount = topology.nodes().size();
        placement = space.placement();
        maxStages = space.maxStages();
        if (placement == Placement.DISTINCT && nodeCount > MAX_DISTINCT_NODES) {
            throw new InvalidSearchException(List.of(new Problem("space.placement", "distinct placement over "
                    + nodeCount + " nodes is beyond this search (at most " + MAX_DISTINCT_NODES + ")")));
        }
        source = topology.nodeIndex(topology.source());
        sink = topology.nodeIndex(topology.sink());
        stateCount = placement == Placement.DISTINCT ? 1 << nodeCount : maxStages;
        unitAllowed = new boolean[profile.unitCount() + 1][nodeCount];
        fromSource = new boolean[nodeCount];
        toSink = new boolean[nodeCount];
        canFollow = new boolean[nodeCount][nodeCount];
        boolean[] fromTheSource = topology.reachableFrom(source);
        for (int n = 0; n < nodeCount; n++) {
            Node node = topology.nodes().get(n);
            boolean[] fromNode = topology.reachableFrom(n);
            fromSource[n] = fromTheSource[n];
            toSink[n] = fromNode[sink];
            for (int m = 0; m < nodeCount; m++) {
                Node next = topology.nodes().get(m);
                canFollow[n][m] = m != n && fromNode[m]
                        && (placement != Placement.OUTWARD || next.tier() > node.tier());
            }
            for (int u = 1; u <= profile.unitCount(); u++) {
                unitAllowed[u][n] = allowed(space, u, node);
            }
        }
        preds = predecessors();
    }

    /** Whether the pins and forbids let unit u run on node. */
    static boolean allowed(SearchSpace space, int u, Node node) {
        for (Pin p : space.pins()) {
            if (p.covers(u) && !p.node().equals(node.id())) {
                return false;
            }
        }
        for (Forbid f : space.forbids()) {
            if (f.covers(u) && f.appliesTo(node)) {
                return false;
            }
        }
        return true;
    }

    private int[][][] predecessors() {
        List<List<List<int[]>>> lists = new ArrayList<>();
        for (int n = 0; n < nodeCount; n++) {
            List<List<int[]>> perState = new ArrayList<>();
            for (int s = 0; s < stateCount; s++) {
                perState.add(new ArrayList<>());
            }
            lists.add(perState);
        }
        for (int s = 0; s < stateCount; s++) {
            for (int prev = 0; prev < nodeCount; prev++) {
                if (placement == Placement.DISTINCT && (s >> prev & 1) == 0) {
                    continue;
                }
                for (int n = 0; n < nodeCount; n++) {
                    int next = canFollow[prev][n] ? next(s, n) : -1;
                    if (next >= 0) {
                        lists.get(n).get(next).add(new int[] {prev, s});
                    }
                }
            }
        }
        int[][][] out = new int[nodeCount][stateCount][];
        for (int n = 0; n < nodeCount; n++) {
            for (int s = 0; s < stateCount; s++) {
                List<int[]> l = lists.get(n).get(s);
                out[n][s] = new int[2 * l.size()];
                for (int i = 0; i < l.size(); i++) {
                    out[n][s][2 * i] = l.get(i)[0];
                    out[n][s][2 * i + 1] = l.get(i)[1];
                }
            }
        }
        return out;
    }

    /** The state after a first stage on node n, or -1 when the input cannot get there. */
    int start(int n) {
        if (!fromSource[n]) {
            return -1;
        }
        return placement == Placement.DISTINCT ? 1 << n : 0;
    }

    /** The state after one more stage on node n, or -1 when the rule forbids it (routes aside). */
    int next(int state, int n) {
        if (placement == Placement.DISTINCT) {
            int mask = state | 1 << n;
            return (state >> n & 1) != 0 || Integer.bitCount(mask) > maxStages ? -1 : mask;
        }
        return state + 1 < maxStages ? state + 1 : -1;
    }

    /** The number of stages a plan in this state has. */
    int stages(int state) {
        return placement == Placement.DISTINCT ? Integer.bitCount(state) : state + 1;
    }

    /** Whether a plan in this state can have its latest stage on node n (distinct placement: n is among its nodes). */
    boolean holds(int state, int n) {
        return placement != Placement.DISTINCT || (state >> n & 1) != 0;
    }

    boolean canFollow(int previous, int next) {
        return canFollow[previous][next];
    }

    /**
     * Whether unit u may run on node n: the pins and forbids, and where requests leave after u
     * (an enabled exit, the last unit) only on a node that reaches the sink.
     */
    boolean mayRun(int u, int n, boolean leaves) {
        return unitAllowed[u][n] && (!leaves || toSink[n]);
    }

    /** {@link #mayRun} for every unit and node of a configuration: [u][n]. */
    boolean[][] allowed(ModelProfile profile, ExitConfiguration cfg) {
        int last = cfg.lastUnit(profile);
        boolean[] leaves = new boolean[last + 1];
        leaves[last] = true;
        for (int e : cfg.enabled()) {
            leaves[profile.exits().get(e).afterUnit()] = true;
        }
        boolean[][] out = new boolean[last + 1][nodeCount];
        for (int u = 1; u <= last; u++) {
            for (int n = 0; n < nodeCount; n++) {
                out[u][n] = mayRun(u, n, leaves[u]);
            }
        }
        return out;
    }
}
