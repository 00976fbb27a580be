package org.splitscope.io.onnx;

import java.util.Map;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Problems;

/**
 * What {@link StageExporter} checks before it cuts: that the scenario's profile is this import
 * (same unit count, names and input bytes, since a profile records neither its source file nor
 * its input shape) and that the plan's stages cover the units in order. O(N) for N units.
 */
final class ExportChecks {
    private ExportChecks() {
    }

    static void matchProfile(ModelProfile expected, ModelProfile imported, ImportOptions options,
                                     Map<String, long[]> pinned, Problems p) {
        String how = "imported with --units " + options.units().name().toLowerCase() + " and input "
                + InputShapes.describe(pinned);
        if (expected.unitCount() != imported.unitCount()) {
            p.add("profile.units", "the scenario's profile has " + expected.unitCount() + " units, the model " + how
                    + " has " + imported.unitCount() + ": give the --units and --input-shape the profile was imported "
                    + "with, or the model it was imported from");
            return;
        }
        for (int u = 1; u <= expected.unitCount(); u++) {
            if (!expected.unit(u).name().equals(imported.unit(u).name())) {
                p.add("profile.units[" + (u - 1) + "].name", "unit " + u + " is '" + expected.unit(u).name()
                        + "' in the scenario's profile but '" + imported.unit(u).name() + "' in the model " + how
                        + ": the profile was not imported from this model with these options");
                return;
            }
        }
        // same units, other input size: the file's tensors would not be those the plan was made for
        if (Math.abs(expected.inputBytes() - imported.inputBytes()) > 1e-9 * Math.max(1, expected.inputBytes())) {
            p.add("profile.inputBytes", String.format(java.util.Locale.ROOT, "the scenario's profile is for an input "
                    + "of %.0f bytes, the model %s takes %.0f bytes: give the input shape the profile was imported "
                    + "with (--input-shape)", expected.inputBytes(), how, imported.inputBytes()));
        }
    }

    static void checkStages(Plan plan, int units, Problems p) {
        if (plan.stages().isEmpty()) {
            p.add("plan.stages", "the plan has no stages");
            return;
        }
        int next = 1;
        for (int k = 0; k < plan.stages().size(); k++) {
            var s = plan.stages().get(k);
            if (s.firstUnit() != next || s.lastUnit() < s.firstUnit()) {
                p.add("plan.stages[" + k + "]", "stage " + (k + 1) + " runs units " + s.firstUnit() + ".." + s.lastUnit()
                        + "; the stages must cover units 1.." + units + " in order, so it must start at unit " + next);
                return;
            }
            next = s.lastUnit() + 1;
        }
        if (next - 1 != units) {
            p.add("plan.stages[" + (plan.stages().size() - 1) + "].lastUnit", "the plan ends at unit " + (next - 1)
                    + ", the model has " + units + " units");
        }
    }
}
