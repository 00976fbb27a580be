package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;

/**
 * The plan changes the explorer offers, as functions from one scenario to the next. They keep
 * the stages covering the units in order; an edit that cannot apply (a cut dragged past its
 * neighbour) gives back the scenario unchanged, so a drag simply stops at the boundary.
 * Cut k is the boundary after stage k (0-based), that is after unit {@code stages[k].lastUnit}.
 */
final class PlanEdits {
    private PlanEdits() {
    }

    /** Moves cut k to lie after {@code afterUnit}, clamped so that no stage becomes empty. */
    static Scenario moveCut(Scenario s, int cut, int afterUnit) {
        List<Stage> stages = s.plan().stages();
        if (cut < 0 || cut + 1 >= stages.size()) {
            return s;
        }
        Stage left = stages.get(cut);
        Stage right = stages.get(cut + 1);
        int at = Math.max(left.firstUnit(), Math.min(right.lastUnit() - 1, afterUnit));
        List<Stage> next = new ArrayList<>(stages);
        next.set(cut, new Stage(left.firstUnit(), at, left.node(), left.inboundCodec()));
        next.set(cut + 1, new Stage(at + 1, right.lastUnit(), right.node(), right.inboundCodec()));
        return s.withPlan(s.plan().withStages(next));
    }

    /**
     * Splits the stage that holds {@code afterUnit} after it. The new stage runs on the node of
     * the stage after it, or else on the first node of a higher tier, so that the cut has an
     * effect to see; the user reassigns it from there.
     */
    static Scenario addCut(Scenario s, int afterUnit) {
        List<Stage> stages = s.plan().stages();
        for (int k = 0; k < stages.size(); k++) {
            Stage st = stages.get(k);
            if (afterUnit >= st.firstUnit() && afterUnit < st.lastUnit()) {
                String node = k + 1 < stages.size() ? stages.get(k + 1).node() : outwardOf(s, st.node());
                List<Stage> next = new ArrayList<>(stages);
                next.set(k, new Stage(st.firstUnit(), afterUnit, st.node(), st.inboundCodec()));
                next.add(k + 1, new Stage(afterUnit + 1, st.lastUnit(), node));
                return s.withPlan(s.plan().withStages(next));
            }
        }
        return s;
    }

    private static String outwardOf(Scenario s, String nodeId) {
        Node here = s.topology().node(nodeId);
        int tier = here == null ? -1 : here.tier();
        return s.topology().nodes().stream()
                .filter(n -> n.tier() > tier)
                .min((a, b) -> Integer.compare(a.tier(), b.tier()))
                .map(Node::id).orElse(nodeId);
    }

    /** Removes cut k: stage k+1 joins stage k and runs on stage k's node. */
    static Scenario removeCut(Scenario s, int cut) {
        List<Stage> stages = s.plan().stages();
        if (cut < 0 || cut + 1 >= stages.size()) {
            return s;
        }
        Stage left = stages.get(cut);
        List<Stage> next = new ArrayList<>(stages);
        next.set(cut, new Stage(left.firstUnit(), stages.get(cut + 1).lastUnit(), left.node(), left.inboundCodec()));
        next.remove(cut + 1);
        return s.withPlan(s.plan().withStages(next));
    }

    static Scenario assignStage(Scenario s, int stage, String node) {
        List<Stage> stages = s.plan().stages();
        if (stage < 0 || stage >= stages.size()) {
            return s;
        }
        List<Stage> next = new ArrayList<>(stages);
        next.set(stage, stages.get(stage).withNode(node));
        return s.withPlan(s.plan().withStages(next));
    }

    /** Enables a disabled exit at {@code threshold} (kept in profile order) or disables an enabled one. */
    static Scenario toggleExit(Scenario s, String exit, double threshold) {
        Plan plan = s.plan();
        List<EnabledExit> next = new ArrayList<>();
        boolean wasEnabled = false;
        for (EnabledExit e : plan.exits()) {
            if (e.exit().equals(exit)) {
                wasEnabled = true;
            } else {
                next.add(e);
            }
        }
        if (!wasEnabled) {
            next.add(new EnabledExit(exit, threshold));
            next.sort((a, b) -> Integer.compare(s.profile().exitIndex(a.exit()), s.profile().exitIndex(b.exit())));
        }
        return s.withPlan(plan.withExits(next));
    }

    static Scenario setThreshold(Scenario s, String exit, double threshold) {
        List<EnabledExit> next = new ArrayList<>();
        for (EnabledExit e : s.plan().exits()) {
            next.add(e.exit().equals(exit) ? new EnabledExit(exit, threshold) : e);
        }
        return s.withPlan(s.plan().withExits(next));
    }
}
