package org.splitscope.model;

/**
 * A state of the scenario the user pinned to compare with later: its topology, plan and workload
 * at that moment (the model profile is the scenario's, shared by every snapshot).
 */
public record Snapshot(String name, Topology topology, Plan plan, @OptionalField Workload workload) {
    public Snapshot {
        workload = workload == null ? Workload.NONE : workload;
    }

    public static Snapshot of(String name, Scenario s) {
        return new Snapshot(name, s.topology(), s.plan(), s.workload());
    }

    /** The scenario as it was when pinned (its own snapshots left out). */
    public Scenario restore(Scenario current) {
        return current.withTopology(topology).withPlan(plan).withWorkload(workload).withSnapshots(current.snapshots());
    }
}
