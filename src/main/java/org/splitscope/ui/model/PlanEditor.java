package org.splitscope.ui.model;

import java.util.HashMap;
import java.util.Map;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitRange;
import org.splitscope.model.Scenario;

/**
 * The commands that change the plan: cuts, stage placement, exits and thresholds. Each is one
 * undoable step of the {@link ScenarioDocument}; a drag (many {@link #moveCut} or
 * {@link #setThreshold} calls) is one step up to {@link #endGesture()}.
 */
public final class PlanEditor {
    private final ScenarioDocument document;
    /** Thresholds of exits the user disabled, so that enabling one again restores it. */
    private final Map<String, Double> rememberedThresholds = new HashMap<>();

    public PlanEditor(ScenarioDocument document) {
        this.document = document;
    }

    /** Moves cut k (the boundary after stage k) to lie after unit {@code afterUnit}. */
    public void moveCut(int cut, int afterUnit) {
        document.edit("cut:" + cut, s -> PlanEdits.moveCut(s, cut, afterUnit));
    }

    /** Adds a cut after {@code afterUnit}, splitting the stage that holds it. */
    public void addCut(int afterUnit) {
        document.edit(null, s -> PlanEdits.addCut(s, afterUnit));
    }

    public void removeCut(int cut) {
        document.edit(null, s -> PlanEdits.removeCut(s, cut));
    }

    /** Runs stage k (0-based) on the node with this id. */
    public void assignStage(int stage, String node) {
        document.edit(null, s -> PlanEdits.assignStage(s, stage, node));
    }

    public void toggleExit(String exit) {
        document.edit(null, s -> {
            for (EnabledExit e : s.plan().exits()) {
                if (e.exit().equals(exit)) {
                    rememberedThresholds.put(exit, e.threshold());
                }
            }
            return PlanEdits.toggleExit(s, exit, defaultThreshold(s, exit));
        });
    }

    public void setThreshold(String exit, double threshold) {
        document.edit("threshold:" + exit, s -> PlanEdits.setThreshold(s, exit, threshold));
    }

    /** The mouse was released or the control left: the next change is a new undo step. */
    public void endGesture() {
        document.endGesture();
    }

    private double defaultThreshold(Scenario s, String exit) {
        Double remembered = rememberedThresholds.get(exit);
        int index = s.profile().exitIndex(exit);
        ExitRange range = ExitRange.of(s.profile(), Math.max(0, index));
        return remembered != null ? range.clamp(remembered) : range.middle();
    }
}
