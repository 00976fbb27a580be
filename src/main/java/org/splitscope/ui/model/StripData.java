package org.splitscope.ui.model;

import java.util.List;
import org.splitscope.model.ExitRange;

/**
 * What the model strip draws, derived from the scenario and its metrics: one bar per unit, the
 * cuts, the DNNSplit candidate cuts, the exits and the stages.
 *
 * @param maxHeight   the tallest bar's height (bars are scaled to it)
 * @param maxCutBytes the largest cut (the bytes line is scaled to it)
 * @param cuts        units after which the plan cuts, in order (cut k follows stage k)
 * @param candidates  DNNSplit candidates strictly inside the model (strict prefix minima of cutBytes)
 */
public record StripData(List<Bar> bars, double maxHeight, double maxCutBytes, List<Integer> cuts,
                        List<Integer> candidates, List<ExitMark> exits, List<StageRow> stages,
                        double[] boundaries) {

    /**
     * @param height    FLOPs or seconds, as the height mode says
     * @param stage     0-based stage that runs it; -1 when not deployed (after a terminal exit)
     * @param colour the colour of that stage's node (see {@link TopologyLayout#colours}); -1 when none
     */
    public record Bar(int unit, String name, String kind, double height, double cutBytes, int stage, int colour) {
    }

    /**
     * @param share share of requests that leave here, from the metrics; {@code null} when disabled
     */
    public record ExitMark(String id, int afterUnit, boolean enabled, boolean terminal, double threshold,
                           ExitRange range, Double share) {
    }

    public record StageRow(int index, int firstUnit, int lastUnit, String node) {
    }

    public int unitCount() {
        return bars.size();
    }
}
