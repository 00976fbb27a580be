package org.splitscope.model;

import java.util.List;

/**
 * How large a scenario may be (listed in the README's "Limits on sizes"). They bound the
 * evaluator's tables (one time table of N units per node) and the searches, so that a hostile
 * file is refused with the limit named instead of running out of memory or time.
 */
public final class SizeLimits {
    public static final int MAX_UNITS = 20_000;
    public static final int MAX_EXITS = 1_000;
    public static final int MAX_NODES = 2_000;
    public static final int MAX_LINKS = 20_000;
    /** Per-sample exit statistics: samples per exit. */
    public static final int MAX_SAMPLES = 1_000_000;
    /** Rows of one exit curve. */
    public static final int MAX_CURVE_POINTS = 10_000;
    /** Measured ranges of one device class (every range of 1,400 units). */
    public static final int MAX_RANGES = 1_000_000;
    /** Nodes times units: the evaluator keeps one time per unit and node (80 MB at this limit). */
    public static final long MAX_NODE_UNITS = 10_000_000;

    private SizeLimits() {
    }

    /** The limit that joins a profile and a topology: nodes times units. */
    public static List<Problem> check(ModelProfile profile, Topology topology) {
        long product = (long) profile.units().size() * topology.nodes().size();
        if (product > MAX_NODE_UNITS) {
            return List.of(new Problem("topology.nodes", topology.nodes().size() + " nodes times "
                    + profile.units().size() + " units is " + product + "; SplitScope accepts at most "
                    + MAX_NODE_UNITS + " (fewer nodes, or a coarser profile)"));
        }
        return List.of();
    }
}
