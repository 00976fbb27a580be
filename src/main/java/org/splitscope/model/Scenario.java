package org.splitscope.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one evaluation needs: a model profile, a topology, a plan and a workload.
 *
 * @param profileFile where the profile came from when the file referenced it instead of
 *                    embedding it (kept so that saving writes the reference back)
 * @param snapshots   states the user pinned to compare with (saved with the scenario)
 * @param view        where the topology editor draws each node, and its colour (saved with the
 *                    scenario; the evaluator never reads it)
 */
public record Scenario(int formatVersion,
                       String name,
                       @OptionalField String description,
                       @OptionalField String profileFile,
                       @OptionalField ModelProfile profile,
                       Topology topology,
                       Plan plan,
                       @OptionalField Workload workload,
                       @OptionalField List<Snapshot> snapshots,
                       @OptionalField ViewSettings view) {
    public static final int FORMAT_VERSION = 1;

    public Scenario {
        description = description == null ? "" : description;
        workload = workload == null ? Workload.NONE : workload;
        snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
        view = view == null ? ViewSettings.NONE : view;
    }

    public Scenario(int formatVersion, String name, String description, String profileFile, ModelProfile profile,
                    Topology topology, Plan plan, Workload workload, List<Snapshot> snapshots) {
        this(formatVersion, name, description, profileFile, profile, topology, plan, workload, snapshots, null);
    }

    public Scenario(int formatVersion, String name, String description, String profileFile, ModelProfile profile,
                    Topology topology, Plan plan, Workload workload) {
        this(formatVersion, name, description, profileFile, profile, topology, plan, workload, null, null);
    }

    public Scenario(String name, ModelProfile profile, Topology topology, Plan plan, Workload workload) {
        this(FORMAT_VERSION, name, null, null, profile, topology, plan, workload);
    }

    public Scenario withPlan(Plan newPlan) {
        return new Scenario(formatVersion, name, description, profileFile, profile, topology, newPlan, workload, snapshots, view);
    }

    public Scenario withTopology(Topology newTopology) {
        return new Scenario(formatVersion, name, description, profileFile, profile, newTopology, plan, workload, snapshots, view);
    }

    public Scenario withWorkload(Workload newWorkload) {
        return new Scenario(formatVersion, name, description, profileFile, profile, topology, plan, newWorkload, snapshots, view);
    }

    public Scenario withProfile(ModelProfile newProfile) {
        return new Scenario(formatVersion, name, description, profileFile, newProfile, topology, plan, workload, snapshots, view);
    }

    public Scenario withSnapshots(List<Snapshot> newSnapshots) {
        return new Scenario(formatVersion, name, description, profileFile, profile, topology, plan, workload, newSnapshots, view);
    }

    public Scenario withView(ViewSettings newView) {
        return new Scenario(formatVersion, name, description, profileFile, profile, topology, plan, workload, snapshots, newView);
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
        if (profile != null && topology != null) {
            all.addAll(SizeLimits.check(profile, topology));
        }
        if (plan == null) {
            all.add(new Problem("plan", "missing"));
        } else if (profile != null && topology != null) {
            all.addAll(plan.validate("plan", profile, topology));
        }
        if (workload != null) {
            all.addAll(workload.validate("workload"));
        }
        all.addAll(view.validate("view"));
        // a snapshot is a record of the past: it may no longer fit the profile, and then only its comparison says so
        for (int i = 0; i < snapshots.size(); i++) {
            if (snapshots.get(i).name() == null || snapshots.get(i).name().isBlank()) {
                all.add(new Problem("snapshots[" + i + "].name", "must not be empty"));
            }
        }
        return all;
    }
}
