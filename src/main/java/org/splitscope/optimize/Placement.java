package org.splitscope.optimize;

/** Which nodes consecutive stages may use (section 5 of the performance model). */
public enum Placement {
    /** Every stage on a node of its own (the default). */
    DISTINCT,
    /** Tiers strictly increase from stage to stage (device, then edge, then cloud). */
    OUTWARD,
    /** Any node, as long as consecutive stages use different nodes. */
    ANY
}
