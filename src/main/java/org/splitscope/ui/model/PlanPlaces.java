package org.splitscope.ui.model;

import static org.splitscope.ui.model.ProblemPlace.index;
import static org.splitscope.ui.model.ProblemPlace.named;
import static org.splitscope.ui.model.ProblemPlace.of;

import java.util.List;
import java.util.regex.Matcher;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.NodePlace;
import org.splitscope.model.Scenario;
import org.splitscope.ui.model.ProblemPlace.Shown;

/**
 * The places of the plan (stages as the strip numbers them from 1, the codec on the cut into a
 * stage, exits by id), the workload's goals as the window shows them, and the scenario's own
 * fields.
 */
final class PlanPlaces {
    private static final Shown PER_MB = new Shown(1, "s per MB");
    private static final Shown PX = new Shown(1, "px");

    private PlanPlaces() {
    }

    static List<ProblemPlace> all() {
        return List.of(
                of("plan", (s, m) -> "Plan"),
                of("plan.terminalExit", (s, m) -> "Plan, terminal exit"),
                of("plan.stages", (s, m) -> "Plan, stages"),
                of("plan.stages[#].firstUnit", (s, m) -> stage(m) + ", first unit"),
                of("plan.stages[#].lastUnit", (s, m) -> stage(m) + ", last unit"),
                of("plan.stages[#].node", (s, m) -> stage(m) + ", node"),
                of("plan.stages[#].inboundCodec.name", (s, m) -> codec(m) + ", name"),
                of("plan.stages[#].inboundCodec.ratio", (s, m) -> codec(m) + ", compression ratio"),
                of("plan.stages[#].inboundCodec.encodeSecondsPerMB", PER_MB, (s, m) -> codec(m) + ", encode time"),
                of("plan.stages[#].inboundCodec.decodeSecondsPerMB", PER_MB, (s, m) -> codec(m) + ", decode time"),
                of("plan.exits[#].exit", (s, m) -> "Enabled exit " + (index(m, 1) + 1) + ", exit id"),
                of("plan.exits[#].threshold", (s, m) -> "Exit " + named(plan(s), index(m, 1), EnabledExit::exit) + ", threshold"),
                of("workload.arrivalRatePerSecond", new Shown(1, "requests/s", "requests per second"), (s, m) -> "Workload, arrival rate"),
                of("workload.latencySloSeconds", Shown.MS, (s, m) -> "Workload, latency SLO"),
                // the floor keeps its share: its limits are shares
                of("workload.accuracyFloor", (s, m) -> "Workload, accuracy floor"),
                of("workload.budgetUsdPerRequest", new Shown(1e6, "$ per million requests", "USD per request"), (s, m) -> "Workload, budget"),
                of("formatVersion", (s, m) -> "File, format version"),
                of("name", (s, m) -> "Scenario, name"),
                of("snapshots[#].name", (s, m) -> "Snapshot " + (index(m, 1) + 1) + ", name"),
                of("view.nodes", (s, m) -> "Layout, node places"),
                of("view.nodes[#].node", (s, m) -> place(s, index(m, 1)) + ", node"),
                of("view.nodes[#].x", PX, (s, m) -> place(s, index(m, 1)) + ", x"),
                of("view.nodes[#].y", PX, (s, m) -> place(s, index(m, 1)) + ", y"),
                of("view.nodes[#].colour", (s, m) -> place(s, index(m, 1)) + ", colour"));
    }

    private static String stage(Matcher m) {
        return "Stage " + (index(m, 1) + 1);
    }

    private static String codec(Matcher m) {
        return "Codec on the cut into stage " + (index(m, 1) + 1);
    }

    private static List<EnabledExit> plan(Scenario s) {
        return s.plan() == null ? null : s.plan().exits();
    }

    private static String place(Scenario s, int i) {
        return "Place of node " + named(s.view().nodes(), i, NodePlace::node);
    }
}
