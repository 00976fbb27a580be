package org.splitscope.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.splitscope.model.ModelProfile;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.optimize.DnnSplitCandidates;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Placement;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.optimize.SearchSpace;

/**
 * The teaching view of where to cut (DNNSplit): which cuts are candidates (strict prefix minima of
 * the bytes crossing them), how each cut of this plan compares with the candidate at or before
 * it, and whether the conditions under which only candidates can be optimal hold here.
 */
final class CutExplanation {
    private CutExplanation() {
    }

    static Explanation.Section of(Scenario scenario) {
        ModelProfile profile = scenario.profile();
        DnnSplitCandidates candidates = new DnnSplitCandidates(profile);
        List<String> lines = new ArrayList<>();
        String list = Arrays.stream(candidates.cuts()).mapToObj(c -> describe(profile, c)).collect(Collectors.joining(", "));
        lines.add("A cut after unit u sends cutBytes(u); cut 0 sends the input. DNNSplit's candidates are the cuts that send"
                + " fewer bytes than the input and every earlier cut (plus the end of the model): " + list + ".");
        for (int cut : cuts(scenario)) {
            int floor = candidates.floor(cut);
            if (cut == profile.unitCount() || candidates.isCandidate(cut)) {
                lines.add("This plan cuts " + describe(profile, cut) + ": a candidate.");
            } else {
                lines.add("This plan cuts " + describe(profile, cut) + ": not a candidate, since the cut " + describe(profile, floor)
                        + " sends fewer bytes; moving the cut back there also runs units " + (floor + 1) + "-" + cut
                        + " on the later stage's node.");
            }
        }
        SearchRequest outward = SearchRequest.of(scenario, Objective.MEAN_LATENCY)
                .withSpace(SearchSpace.defaults().withPlacement(Placement.OUTWARD));
        String why = scenario.plan().exits().isEmpty() && scenario.plan().terminalExit() == null
                ? DnnSplitCandidates.whyNotSufficient(outward)
                : "this plan uses early exits, and an exit pins where requests leave";
        lines.add("Moving a cut back to a candidate sends fewer bytes and runs more units on a later tier. That never"
                + " makes mean latency or cost worse when later tiers are faster and cheaper for every unit, stages move"
                + " outward and nothing else depends on where units sit.");
        lines.add(why == null
                ? "Those conditions hold here, so only the " + candidates.cuts().length + " candidate cuts can be optimal"
                        + " (of " + (profile.unitCount() + 1) + " possible), and the optimizer searches only them."
                : "Here they do not all hold (" + why + "), so other cuts can win and the optimizer searches every cut.");
        return new Explanation.Section("Where to cut (DNNSplit)", lines);
    }

    /** The plan's cuts: 0 when the first stage is not on the source, then every stage boundary. */
    private static List<Integer> cuts(Scenario scenario) {
        List<Integer> cuts = new ArrayList<>();
        List<Stage> stages = scenario.plan().stages();
        if (!stages.get(0).node().equals(scenario.topology().source())) {
            cuts.add(0);
        }
        for (int i = 0; i + 1 < stages.size(); i++) {
            cuts.add(stages.get(i).lastUnit());
        }
        return cuts;
    }

    private static String describe(ModelProfile profile, int cut) {
        double bytes = cut == 0 ? profile.inputBytes() : profile.unit(cut).cutBytes();
        String where = cut == 0 ? "before unit 1" : "after unit " + cut;
        return String.format(Locale.ROOT, "%s (%s)", where, kb(bytes));
    }

    private static String kb(double bytes) {
        return bytes >= 1e6 ? String.format(Locale.ROOT, "%.2f MB", bytes / 1e6) : String.format(Locale.ROOT, "%.1f KB", bytes / 1e3);
    }
}
