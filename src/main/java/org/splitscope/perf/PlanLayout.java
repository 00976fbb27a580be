package org.splitscope.perf;

import java.util.Arrays;

import org.splitscope.model.Codec;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;

/**
 * A validated plan turned into arrays: stage ranges and node indices, the enabled exits in
 * model order, and for every outcome the unit and stage where it leaves.
 */
final class PlanLayout {
    final int stageCount;
    final int[] first;
    final int[] last;
    final int[] node;
    final Codec[] inboundCodec;
    /** Enabled profile exits in model order, and their thresholds. */
    final int[] enabled;
    final double[] thresholds;
    /** The profile exit the plan ends at, or -1. */
    final int terminal;
    /** Per unit (1-based): the profile exit whose head runs after it, or -1. */
    final int[] headAfter;
    /** Per outcome (enabled exits, then the last): the unit and the stage it leaves at. */
    final int[] outcomeUnit;
    final int[] outcomeStage;

    PlanLayout(Plan plan, ModelProfile profile, Topology topology) {
        stageCount = plan.stages().size();
        first = new int[stageCount];
        last = new int[stageCount];
        node = new int[stageCount];
        inboundCodec = new Codec[stageCount];
        for (int k = 0; k < stageCount; k++) {
            Stage s = plan.stages().get(k);
            first[k] = s.firstUnit();
            last[k] = s.lastUnit();
            node[k] = topology.nodeIndex(s.node());
            inboundCodec[k] = s.inboundCodec();
        }
        int n = plan.exits().size();
        int[][] byPosition = new int[n][];
        for (int i = 0; i < n; i++) {
            EnabledExit x = plan.exits().get(i);
            int e = profile.exitIndex(x.exit());
            byPosition[i] = new int[] {profile.exits().get(e).afterUnit(), e, i};
        }
        Arrays.sort(byPosition, (a, b) -> Integer.compare(a[0], b[0]));
        enabled = new int[n];
        thresholds = new double[n];
        outcomeUnit = new int[n + 1];
        outcomeStage = new int[n + 1];
        headAfter = new int[profile.unitCount() + 1];
        Arrays.fill(headAfter, -1);
        for (int i = 0; i < n; i++) {
            enabled[i] = byPosition[i][1];
            thresholds[i] = plan.exits().get(byPosition[i][2]).threshold();
            outcomeUnit[i] = byPosition[i][0];
            headAfter[outcomeUnit[i]] = enabled[i];
        }
        terminal = plan.terminalExit() == null ? -1 : profile.exitIndex(plan.terminalExit());
        outcomeUnit[n] = last[stageCount - 1];
        if (terminal >= 0) {
            headAfter[outcomeUnit[n]] = terminal;
        }
        for (int o = 0; o <= n; o++) {
            outcomeStage[o] = stageOf(outcomeUnit[o]);
        }
    }

    int outcomeCount() {
        return enabled.length + 1;
    }

    int stageOf(int unit) {
        for (int k = 0; k < stageCount; k++) {
            if (unit <= last[k]) {
                return k;
            }
        }
        throw new IllegalArgumentException("unit " + unit + " is in no stage");
    }
}
