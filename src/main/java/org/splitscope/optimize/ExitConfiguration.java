package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.EnabledExit;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;

/**
 * The exit part of a plan: enabled exits (profile indices in model order) with their
 * thresholds, and the exit a partial model ends at (-1 for the whole model). Every plan with
 * the same configuration has the same outcome shares and accuracy, whatever its cuts.
 */
record ExitConfiguration(int[] enabled, double[] thresholds, int terminal) {

    /** The last unit a plan with this configuration runs. */
    int lastUnit(ModelProfile profile) {
        return terminal >= 0 ? profile.exits().get(terminal).afterUnit() : profile.unitCount();
    }

    Plan plan(ModelProfile profile, List<Stage> stages) {
        List<EnabledExit> exits = new ArrayList<>(enabled.length);
        for (int i = 0; i < enabled.length; i++) {
            exits.add(new EnabledExit(profile.exits().get(enabled[i]).id(), thresholds[i]));
        }
        return new Plan(stages, exits, terminal >= 0 ? profile.exits().get(terminal).id() : null);
    }
}
