package org.splitscope.model;

import java.util.List;

/** Approximate exit statistics: one curve per exit, combined under a stated assumption. */
public record CurveStats(List<ExitCurve> curves,
                         double finalAccuracy,
                         @OptionalField CurveCombination combination) implements ExitStats {
    public CurveStats {
        curves = List.copyOf(curves);
        combination = combination == null ? CurveCombination.INDEPENDENT : combination;
    }

    @Override
    public void validate(String path, int exitCount, ExitCriterion criterion, Problems p) {
        if (curves.size() != exitCount) {
            p.add(path + ".curves", "has " + curves.size() + " curves but the profile has " + exitCount + " exits");
        }
        for (int e = 0; e < curves.size(); e++) {
            curves.get(e).validate(path + ".curves[" + e + "]", p);
        }
        p.unitInterval(finalAccuracy, path + ".finalAccuracy");
    }
}
