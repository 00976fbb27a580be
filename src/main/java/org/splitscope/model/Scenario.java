package org.splitscope.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one evaluation needs: a model profile, a topology, a plan and a workload.
 *
 * @param profileFile where the profile came from when the file referenced it instead of
 *                    embedding it (kept so that saving writes the reference back)
 */
public record Scenario(int formatVersion,
                       String name,
                       @OptionalField String description,
                       @OptionalField String profileFile,
                       @OptionalField ModelProfile profile,
                       Topology topology,
                       Plan plan,
                       @OptionalField Workload workload) {
    public static final int FORMAT_VERSION = 1;

    public Scenario {
        description = description == null ? "" : description;
        workload = workload == null ? Workload.NONE : workload;
    }

    public Scenario(String name, ModelProfile profile, Topology topology, Plan plan, Workload workload) {
        this(FORMAT_VERSION, name, null, null, profile, topology, plan, workload);
    }

    public Scenario withPlan(Plan newPlan) {
        return new Scenario(formatVersion, name, description, profileFile, profile, topology, newPlan, workload);
    }

    public Scenario withTopology(Topology newTopology) {
        return new Scenario(formatVersion, name, description, profileFile, profile, newTopology, plan, workload);
    }

    public Scenario withWorkload(Workload newWorkload) {
        return new Scenario(formatVersion, name, description, profileFile, profile, topology, plan, newWorkload);
    }

    public Scenario withProfile(ModelProfile newProfile) {
        return new Scenario(formatVersion, name, description, profileFile, newProfile, topology, plan, workload);
    }

    /** Every problem in the scenario, each with its JSON path; empty when it can be evaluated. */
    public List<Problem> validate() {
        List<Problem> all = new ArrayList<>();
        if (formatVersion != FORMAT_VERSION) {
            all.add(new Problem("formatVersion", "this SplitScope reads format version " + FORMAT_VERSION
                    + ", the file says " + formatVersion));
        }
        if (name == null || name.isBlank()) {
            all.add(new Problem("name", "must not be empty"));
        }
        if (profile == null) {
            all.add(new Problem("profile", "missing (give a profile or a profileFile)"));
        } else {
            all.addAll(profile.validate("profile"));
        }
        List<Problem> topologyProblems = topology == null
                ? List.of(new Problem("topology", "missing")) : topology.validate("topology");
        all.addAll(topologyProblems);
        if (plan == null) {
            all.add(new Problem("plan", "missing"));
        } else if (profile != null && topology != null) {
            all.addAll(plan.validate("plan", profile, topology));
        }
        if (workload != null) {
            all.addAll(workload.validate("workload"));
        }
        return all;
    }
}
